package it.ricolloca.agenda.internal;

import it.ricolloca.agenda.Appointment;
import it.ricolloca.agenda.AppointmentPurpose;
import it.ricolloca.agenda.AppointmentStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface AppointmentRepository extends JpaRepository<Appointment, Long> {

    @Query("""
            select a from Appointment a where a.officeId = :office and a.startsAt < :to and a.endsAt > :from
            order by a.startsAt, a.id""")
    List<Appointment> findAtOffice(@Param("office") long officeId, @Param("from") Instant from, @Param("to") Instant to);

    @Query("""
            select a from Appointment a where a.workerId = :worker and a.startsAt < :to and a.endsAt > :from
            and a.status in (AppointmentStatus.BOOKED, AppointmentStatus.HELD,
                AppointmentStatus.ABSENT_JUSTIFIED, AppointmentStatus.ABSENT_UNJUSTIFIED)""")
    List<Appointment> findOccupyingForWorker(@Param("worker") long workerId, @Param("from") Instant from,
            @Param("to") Instant to);

    List<Appointment> findByRequestIdOrderByStartsAtAscIdAsc(long requestId);

    @Query("""
            select a from Appointment a where a.officeId in :offices and a.purpose = AppointmentPurpose.FIRST
            and a.status = AppointmentStatus.BOOKED and a.startsAt >= :from and a.startsAt < :to order by a.startsAt, a.id""")
    List<Appointment> findFirstBookedAt(@Param("offices") Collection<Long> officeIds, @Param("from") Instant from,
            @Param("to") Instant to);

    @Query("""
            select a from Appointment a where a.requestId in :requests and a.startsAt < :to and a.endsAt > :from
            order by a.startsAt, a.id""")
    List<Appointment> findOfRequests(@Param("requests") Collection<Long> requestIds,
            @Param("from") Instant from, @Param("to") Instant to);

    @Query("""
            select a from Appointment a where a.status = AppointmentStatus.BOOKED
            and a.remindedAt is null and a.startsAt > :from and a.startsAt <= :to order by a.startsAt""")
    List<Appointment> findDueForReminder(@Param("from") Instant from, @Param("to") Instant to);

    List<Appointment> findByWorkerIdOrderByStartsAtDescIdDesc(long workerId);

    java.util.Optional<Appointment> findByMovedToId(long movedToId);
}
