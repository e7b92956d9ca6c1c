package it.ricolloca.training.internal;

import it.ricolloca.training.TrainingCourse;
import org.springframework.data.jpa.repository.JpaRepository;

interface TrainingCourseRepository extends JpaRepository<TrainingCourse, Long> {
}
