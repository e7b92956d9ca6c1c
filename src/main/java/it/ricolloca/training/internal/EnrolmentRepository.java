package it.ricolloca.training.internal;

import it.ricolloca.training.Enrolment;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface EnrolmentRepository extends JpaRepository<Enrolment, Long> {

    boolean existsByCourseIdAndUserId(long courseId, long userId);

    @Query("select e.userId from Enrolment e where e.courseId = :courseId")
    List<Long> findUserIdsByCourseId(@Param("courseId") long courseId);

    @Query("select e from Enrolment e where e.session.id = :sessionId order by e.id")
    List<Enrolment> findBySessionId(@Param("sessionId") long sessionId);

    @Query("select distinct e.userId from Enrolment e where e.attended = true")
    List<Long> findTrainedUserIds();
}
