package it.ricolloca.workers.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

public interface WorkerRepository extends JpaRepository<Worker, Long> {

    Optional<Worker> findByTaxCode(String taxCode);

    /** Workers by codice fiscale with their work history loaded (education loads in batches, see the entity). */
    @EntityGraph(attributePaths = "workHistory")
    List<Worker> findWithHistoryByTaxCodeIn(Collection<String> taxCodes);
}
