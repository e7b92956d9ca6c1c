package it.ricolloca.pathway.internal;

import it.ricolloca.pathway.Pathway;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PathwayRepository extends JpaRepository<Pathway, Long> {

    Optional<Pathway> findByRequestId(long requestId);
}
