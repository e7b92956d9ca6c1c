package it.ricolloca.pathway.internal;

import it.ricolloca.pathway.SearchPact;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SearchPactRepository extends JpaRepository<SearchPact, Long> {

    List<SearchPact> findByPathwayIdOrderByVersionNoDesc(long pathwayId);
}
