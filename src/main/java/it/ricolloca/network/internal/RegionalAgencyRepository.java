package it.ricolloca.network.internal;

import it.ricolloca.network.RegionalAgency;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RegionalAgencyRepository extends JpaRepository<RegionalAgency, Long> {

    Optional<RegionalAgency> findFirstByOrderById();
}
