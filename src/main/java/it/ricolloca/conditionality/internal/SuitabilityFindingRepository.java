package it.ricolloca.conditionality.internal;

import it.ricolloca.conditionality.SuitabilityFinding;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SuitabilityFindingRepository extends JpaRepository<SuitabilityFinding, Long> {

    /** The findings on a breach, newest first. */
    List<SuitabilityFinding> findByBreachIdOrderByIdDesc(long breachId);

    Optional<SuitabilityFinding> findFirstByBreachIdOrderByIdDesc(long breachId);
}
