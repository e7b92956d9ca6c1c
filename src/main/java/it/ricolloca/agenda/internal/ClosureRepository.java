package it.ricolloca.agenda.internal;

import it.ricolloca.agenda.Closure;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ClosureRepository extends JpaRepository<Closure, Long> {

    List<Closure> findByOfficeIdOrderByFromDesc(long officeId);
}
