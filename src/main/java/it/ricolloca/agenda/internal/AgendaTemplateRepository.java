package it.ricolloca.agenda.internal;

import it.ricolloca.agenda.AgendaTemplate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AgendaTemplateRepository extends JpaRepository<AgendaTemplate, Long> {

    List<AgendaTemplate> findByOfficeIdOrderByValidFromDescIdDesc(long officeId);
}
