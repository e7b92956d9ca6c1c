package it.ricolloca.pathway.internal;

import it.ricolloca.pathway.Pact;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PactRepository extends JpaRepository<Pact, Long> {

    List<Pact> findByPathwayIdOrderByVersionNoDesc(long pathwayId);
}
