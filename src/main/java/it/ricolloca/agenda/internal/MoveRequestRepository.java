package it.ricolloca.agenda.internal;

import it.ricolloca.agenda.MoveRequest;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MoveRequestRepository extends JpaRepository<MoveRequest, Long> {

    Optional<MoveRequest> findByAppointmentId(long appointmentId);

    boolean existsByNewAppointmentId(long newAppointmentId);

    List<MoveRequest> findByWorkerIdOrderByRequestedAtDesc(long workerId);

    List<MoveRequest> findByOfficeIdInAndStatusOrderByRequestedAtAscIdAsc(Collection<Long> officeIds,
            MoveRequest.Status status);
}
