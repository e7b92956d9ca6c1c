package it.ricolloca.training.internal;

import it.ricolloca.training.TrainingSession;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface TrainingSessionRepository extends JpaRepository<TrainingSession, Long> {

    /** The session with its row locked: two enrolments for its last place cannot both pass the count. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from TrainingSession s where s.id = :id")
    Optional<TrainingSession> findLocked(@Param("id") long id);

    @Query("select e.session from Enrolment e where e.id = :enrolmentId")
    Optional<TrainingSession> findByEnrolment(@Param("enrolmentId") long enrolmentId);
}
