package it.ricolloca.pathway.web;

import it.ricolloca.agenda.AppointmentStatus;
import it.ricolloca.conditionality.BreachKind;
import it.ricolloca.documents.DocumentKind;
import it.ricolloca.pathway.ContractType;
import it.ricolloca.pathway.DiaryAction;
import it.ricolloca.pathway.DiaryEntry;
import it.ricolloca.pathway.MeetingStatus;
import it.ricolloca.pathway.PactActionKind;
import it.ricolloca.pathway.TutorExperience;
import it.ricolloca.pathway.PathwayOutcome;
import it.ricolloca.pathway.ServiceTimesheetActivity;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;

/**
 * The forms of the provider's work on a pathway. Each act on a pathway carries the version the
 * page was read at, to detect a stale form; numbers are read the Italian way (1.650,50).
 */
public final class PathwayForms {

    /** How many action rows the pact form offers. */
    public static final int PACT_ROWS = 8;

    private PathwayForms() {
    }

    /** Only the version: acts without fields (amend the pact, remove hours, revoke). */
    public record VersionForm(Long version) {
    }

    /** The first appointment: a slot of the office ({@code mode} slot) or a contact where it has no agenda. */
    public record BookForm(@NotBlank String start, String mode, @Min(5) @Max(480) Integer minutes,
            @Size(max = 2000) String contactNote, @Size(max = 2000) String justification) {

        public boolean byContact() {
            return "contact".equals(mode);
        }
    }

    /**
     * A first appointment that already took place, recorded on its date and time with its outcome,
     * outside the agenda's slots.
     */
    public record PastForm(@NotNull @DateTimeFormat(iso = ISO.DATE) LocalDate onDate,
            @NotNull @DateTimeFormat(pattern = "HH:mm") LocalTime at, @NotNull @Min(5) @Max(480) Integer minutes,
            @NotNull AppointmentStatus outcome, @Size(max = 2000) String note) {

        public static final PastForm EMPTY = new PastForm(null, null, 60, AppointmentStatus.HELD, "");
    }

    /**
     * Naming the tutor, with the tutor's qualifying experience (recorded only when none is on record for
     * that tutor; left blank, nothing is recorded).
     */
    public record TutorForm(@NotNull Long tutorId, @Size(max = 2000) String reason, Long version, boolean accompaniment,
            boolean orientation, boolean preSelection, @Min(0) @Max(60) Integer years,
            @Size(max = 500) String experienceNote) {

        public TutorForm(Long tutorId, String reason, Long version) {
            this(tutorId, reason, version, false, false, false, null, "");
        }

        /** The experience typed, or null when the form carries none. */
        public TutorExperience experience() {
            if (!accompaniment && !orientation && !preSelection && years == null) {
                return null;
            }
            return new TutorExperience(accompaniment, orientation, preSelection, years == null ? -1 : years, experienceNote);
        }
    }

    /** One action of the pact; a row left blank is skipped. */
    public record ActionForm(PactActionKind kind, @Size(max = 1000) String description,
            @DateTimeFormat(iso = ISO.DATE) LocalDate due) {

        public boolean blank() {
            return kind == null && (description == null || description.isBlank()) && due == null;
        }
    }

    public record PactForm(@Valid List<ActionForm> rows, @Size(max = 2000) String nextAppointments, Long version) {

        /** The rows as the form shows them: the typed ones, then blank ones up to {@link #PACT_ROWS}. */
        public List<ActionForm> shownRows() {
            List<ActionForm> shown = new ArrayList<>(rows == null ? List.of() : rows);
            while (shown.size() < PACT_ROWS) {
                shown.add(new ActionForm(null, "", null));
            }
            return shown;
        }
    }

    public record SignForm(@NotNull @DateTimeFormat(iso = ISO.DATE) LocalDate signedOn, Long version) {
    }

    public record HoursForm(@NotNull ServiceTimesheetActivity activity,
            @NotNull @DateTimeFormat(iso = ISO.DATE) LocalDate onDate, @NotNull BigDecimal hours,
            @Size(max = 500) String note, Long version) {
    }

    public record UploadForm(@NotNull DocumentKind kind, @Size(max = 300) String title) {
    }

    public record MeetingForm(@NotNull @DateTimeFormat(iso = ISO.DATE) LocalDate onDate,
            @NotNull @DateTimeFormat(pattern = "HH:mm") LocalTime start,
            @NotNull @DateTimeFormat(pattern = "HH:mm") LocalTime end, @NotNull MeetingStatus status,
            @Size(max = 2000) String topics, @Size(max = 2000) String actions,
            @DateTimeFormat(iso = ISO.DATE) LocalDate next, Long version) {
    }

    public record DiaryForm(@NotNull DiaryAction action, @NotNull @DateTimeFormat(iso = ISO.DATE) LocalDate onDate,
            @Size(max = 500) String how, @Size(max = 300) String company, @Size(max = 200) String profile,
            @Size(max = 300) String outcome, @NotNull DiaryEntry.Source source, Long version) {
    }

    /** A line of the activation diary as the worker writes it from their own pages (the proof comes as a file). */
    public record WorkerDiaryForm(@NotNull DiaryAction action, @NotNull @DateTimeFormat(iso = ISO.DATE) LocalDate onDate,
            @Size(max = 500) String how, @Size(max = 300) String company, @Size(max = 200) String profile,
            @Size(max = 300) String outcome) {

        public static WorkerDiaryForm blank(LocalDate today) {
            return new WorkerDiaryForm(null, today, null, null, null, null);
        }

        public static WorkerDiaryForm of(DiaryEntry e) {
            return new WorkerDiaryForm(e.getAction(), e.getOnDate(), e.getHow(), e.getCompany(), e.getProfile(),
                    e.getOutcome());
        }
    }

    public record ReviewForm(@NotNull Long meetingId, Long version) {
    }

    /** A breach of the worker's duties, reported by the provider to the competent CPI. */
    public record BreachForm(@NotNull BreachKind kind, @NotNull @DateTimeFormat(iso = ISO.DATE) LocalDate occurredOn,
            @NotBlank @Size(max = 4000) String evidence) {
    }

    public record ExtendForm(@NotBlank @Size(max = 2000) String reason, Long version) {
    }

    public record SuspendForm(@NotNull @DateTimeFormat(iso = ISO.DATE) LocalDate onDate, @NotNull ContractType contract,
            @NotBlank @Size(max = 200) String employer, @Size(max = 2000) String note, Long version) {
    }

    public record ResumeForm(@NotNull @DateTimeFormat(iso = ISO.DATE) LocalDate onDate, Long version) {
    }

    /** The closing outcome; the hiring's details count only for the outcome hired. */
    public record CloseForm(@NotNull PathwayOutcome outcome, @NotNull @DateTimeFormat(iso = ISO.DATE) LocalDate onDate,
            @Size(max = 2000) String note, @Size(max = 200) String employer, @Size(max = 11) String employerVat,
            ContractType contract, BigDecimal weeklyHours, @DateTimeFormat(iso = ISO.DATE) LocalDate hireStart,
            @Min(1) @Max(120) Integer durationMonths, Long version) {
    }

    /** A calendar feed: of an office of the user's CPI, or (no office) of the tutor's own appointments. */
    public record FeedForm(Long officeId, Boolean fullNames) {
    }
}
