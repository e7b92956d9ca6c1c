package it.ricolloca.network.internal;

import it.ricolloca.network.JobCentre;
import it.ricolloca.network.Office;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface JobCentreRepository extends JpaRepository<JobCentre, Long> {

    @Query("""
            select c from JobCentre c
            where :q = '' or lower(c.name) like concat('%', :q, '%') or lower(c.officialName) like concat('%', :q, '%')
               or lower(c.code) like concat('%', :q, '%') or lower(c.province) = :q
            order by c.name""")
    Page<JobCentre> search(@Param("q") String query, Pageable pageable);

    @EntityGraph(attributePaths = "nameVariants")
    @Query("select c from JobCentre c order by c.name")
    List<JobCentre> findAllWithVariants();

    List<JobCentre> findAllByOrderByName();

    @Query("select distinct c from JobCentre c left join fetch c.offices order by c.name")
    List<JobCentre> findAllWithOffices();

    Optional<JobCentre> findByCode(String code);

    @Query("select o from Office o join fetch o.centre where o.id = :id")
    Optional<Office> findOffice(@Param("id") long id);
}
