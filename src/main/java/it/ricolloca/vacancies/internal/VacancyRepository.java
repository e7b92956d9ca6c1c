package it.ricolloca.vacancies.internal;

import it.ricolloca.vacancies.Vacancy;
import org.springframework.data.jpa.repository.JpaRepository;

public interface VacancyRepository extends JpaRepository<Vacancy, Long> {
}
