package it.ricolloca.vacancies.internal;

import it.ricolloca.vacancies.VacancyInterest;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface InterestRepository extends JpaRepository<VacancyInterest, Long> {

    boolean existsByVacancyIdAndWorkerId(long vacancyId, long workerId);

    List<VacancyInterest> findByWorkerIdOrderByExpressedAtDesc(long workerId);

    List<VacancyInterest> findByPathwayIdOrderByExpressedAtDesc(long pathwayId);
}
