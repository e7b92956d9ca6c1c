package it.ricolloca.training.web;

import it.ricolloca.training.TrainingContent;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/** The forms of the training pages. */
public final class TrainingForms {

    private TrainingForms() {
    }

    /** A new course; its hours written the Italian way ({@code 2,5}). */
    public record CourseForm(@NotBlank @Size(max = 200) String title, @NotNull TrainingContent content,
            @Size(max = 2000) String description, @NotNull BigDecimal hours) {
    }

    /** A new session of a course: day, times as the time inputs send them ({@code 09:00}), place or online, trainer, places. */
    public record SessionForm(@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate onDate,
            @NotNull @DateTimeFormat(pattern = "HH:mm") LocalTime start,
            @NotNull @DateTimeFormat(pattern = "HH:mm") LocalTime end, @Size(max = 300) String place, Boolean online,
            @NotBlank @Size(max = 200) String trainer, @NotNull Integer capacity) {

        boolean isOnline() {
            return Boolean.TRUE.equals(online);
        }
    }

    /** Who to enrol: a username (the region) or a staff member's id (the CPI master's list). */
    public record EnrolForm(@NotBlank @Size(max = 60) String who) {
    }

    /** The attendance of a session, one row per enrolment, with the session's version as the form showed it. */
    public record AttendanceForm(Long version, @Valid List<AttendanceRow> rows) {

        public List<AttendanceRow> rows() {
            return rows == null ? List.of() : rows;
        }
    }

    /** One enrolment's presence (an unticked box sends nothing: absent). */
    public record AttendanceRow(@NotNull Long enrolmentId, Boolean attended) {
    }
}
