package it.ricolloca.agenda.internal;

import it.ricolloca.agenda.MoveRequest;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface MoveRequestRepository extends JpaRepository<MoveRequest, Long> {

    Optional<MoveRequest> findByAppointmentId(long appointmentId);

    boolean existsByNewAppointmentId(long newAppointmentId);

    List<MoveRequest> findByWorkerIdOrderByRequestedAtDesc(long workerId);

    @Query("""
            select r from MoveRequest r where r.officeId in :offices and r.status = MoveRequest.Status.PENDING
            order by r.requestedAt, r.id""")
    List<MoveRequest> findPendingAt(@Param("offices") Collection<Long> officeIds);
}
