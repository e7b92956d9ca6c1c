package it.ricolloca.vacancies.internal;

import it.ricolloca.vacancies.Referral;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ReferralRepository extends JpaRepository<Referral, Long> {

    List<Referral> findByVacancyIdOrderByProposedAtDesc(long vacancyId);

    List<Referral> findByPathwayIdOrderByProposedAtDesc(long pathwayId);
}
