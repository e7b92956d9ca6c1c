package it.ricolloca.claims.internal;

import it.ricolloca.claims.Claim;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** The claims, one per closed pathway. */
public interface ClaimRepository extends JpaRepository<Claim, Long> {

    Optional<Claim> findByPathwayId(long pathwayId);
}
