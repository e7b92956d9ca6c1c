package it.ricolloca.workers.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface WorkerRepository extends JpaRepository<Worker, Long> {

    Optional<Worker> findByTaxCode(String taxCode);

    /** Workers by codice fiscale with their work history loaded (education loads in batches, see the entity). */
    @EntityGraph(attributePaths = "workHistory")
    List<Worker> findWithHistoryByTaxCodeIn(Collection<String> taxCodes);

    /** Workers in a scope ({@code centreId} null: the whole register), by codice fiscale prefix or name. */
    @Query("""
            select w from Worker w
            where (:centreId is null or w.competentCentreId = :centreId)
              and (:q = '' or w.taxCode like concat(upper(:q), '%')
                   or lower(w.lastName) like concat('%', :q, '%') or lower(w.firstName) like concat('%', :q, '%')
                   or lower(concat(coalesce(w.firstName, ''), ' ', coalesce(w.lastName, ''))) like concat('%', :q, '%')
                   or lower(concat(coalesce(w.lastName, ''), ' ', coalesce(w.firstName, ''))) like concat('%', :q, '%'))
            order by w.lastName nulls last, w.firstName, w.taxCode""")
    Page<Worker> search(@Param("centreId") Long centreId, @Param("q") String query, Pageable pageable);
}
