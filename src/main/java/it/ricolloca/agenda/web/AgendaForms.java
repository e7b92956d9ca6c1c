package it.ricolloca.agenda.web;

import it.ricolloca.agenda.AppointmentStatus;
import it.ricolloca.agenda.TemplateKind;
import it.ricolloca.agenda.TemplateRule;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.validation.groups.Default;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/** The forms of the agenda; those acting on a record carry the version they were read at, to detect a stale form. */
public final class AgendaForms {

    /** How many time ranges the template form offers. */
    public static final int ROWS = 6;

    private AgendaForms() {
    }

    /** A new template: its name, kind and period, and its time ranges as {@code rows[0].weekday} and so on. */
    public record TemplateForm(@NotBlank @Size(max = 200) String name, @NotNull TemplateKind kind,
            @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validTo, @Valid List<RowForm> rows) {

        static TemplateForm empty(LocalDate validFrom) {
            return new TemplateForm("", TemplateKind.WEEKLY, validFrom, null, List.of()).padded();
        }

        /** The same form with {@link #ROWS} rows to show, the first one with the usual slot and capacity. */
        TemplateForm padded() {
            List<RowForm> all = new ArrayList<>();
            (rows == null ? List.<RowForm>of() : rows).forEach(r -> all.add(r == null ? RowForm.EMPTY : r));
            while (all.size() < ROWS) {
                all.add(all.isEmpty() ? new RowForm(null, null, null, 30, 1, "") : RowForm.EMPTY);
            }
            return new TemplateForm(name, kind, validFrom, validTo, all);
        }

        /** Rejects, on its fields, a row with a weekday but without its times, length or capacity. */
        void checkRows(BindingResult errors) {
            List<RowForm> list = rows == null ? List.of() : rows;
            for (int i = 0; i < list.size(); i++) {
                RowForm r = list.get(i);
                if (r == null || r.weekday() == null) {
                    continue;
                }
                String at = "rows[" + i + "].";
                required(errors, at + "start", r.start());
                required(errors, at + "end", r.end());
                required(errors, at + "minutes", r.minutes());
                required(errors, at + "capacity", r.capacity());
                if (r.start() != null && r.end() != null && !r.end().isAfter(r.start()) && !errors.hasFieldErrors(at + "end")) {
                    reject(errors, at + "end", "agenda.rule.endAfterStart");
                }
            }
        }

        /** The time ranges of the rows that name a weekday (checked by {@link #checkRows}). */
        List<TemplateRule> rules() {
            return (rows == null ? List.<RowForm>of() : rows).stream().filter(r -> r != null && r.weekday() != null)
                    .map(r -> new TemplateRule(r.weekday(), r.start(), r.end(), r.minutes(), r.capacity(), r.staff()))
                    .toList();
        }

        private static void required(BindingResult errors, String field, Object value) {
            if (value == null && !errors.hasFieldErrors(field)) {
                reject(errors, field, "NotNull");
            }
        }
    }

    /** One time range of a template; a row without a weekday is left out. */
    public record RowForm(DayOfWeek weekday, @DateTimeFormat(pattern = "HH:mm", fallbackPatterns = "HH:mm:ss") LocalTime start,
            @DateTimeFormat(pattern = "HH:mm", fallbackPatterns = "HH:mm:ss") LocalTime end,
            @Min(5) @Max(480) Integer minutes, @Min(1) @Max(100) Integer capacity, @Size(max = 100) String staff) {

        static final RowForm EMPTY = new RowForm(null, null, null, null, null, "");
    }

    /** Ends a template the day before {@code from}. */
    public record EndTemplateForm(@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from, Long version) {
    }

    /** A closure of the office from one day to another (the same day when {@code to} is empty). */
    public record ClosureForm(@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, @NotBlank @Size(max = 200) String reason) {

        static final ClosureForm EMPTY = new ClosureForm(null, null, "");

        LocalDate until() {
            return to == null ? from : to;
        }
    }

    /** The office's patron saint: its name and the day and month it is closed every year. */
    public record PatronSaintForm(@NotBlank @Size(max = 100) String saint, @NotNull @Min(1) @Max(12) Integer month,
            @NotNull @Min(1) @Max(31) Integer day) {

        static final PatronSaintForm EMPTY = new PatronSaintForm("", null, null);
    }

    /**
     * An act on an appointment (one route for the three acts): an outcome for one that has started,
     * with a note (the reason of a justified absence); a move to another slot or time, typed as the
     * form sends it, with the reason; a cancellation with the reason. Each act validates its group.
     */
    public record AppointmentForm(@NotNull(groups = Outcome.class) AppointmentStatus outcome,
            @NotBlank(groups = Move.class) @Size(max = 40) String start,
            @NotBlank(groups = { Move.class, Cancel.class }) @Size(max = 2000) String reason,
            @Size(max = 2000) String justification, Long version) {

        static AppointmentForm empty(Long version) {
            return new AppointmentForm(null, "", "", "", version);
        }
    }

    /** The constraints of recording an outcome. */
    public interface Outcome {
    }

    /** The constraints of a move. */
    public interface Move {
    }

    /** The constraints of a cancellation. */
    public interface Cancel {
    }

    /**
     * Rejects a field without reading it back from the form: when another field could not be
     * converted, the form object behind the binding result may be missing.
     */
    static void reject(BindingResult result, String field, String code) {
        result.addError(new FieldError(result.getObjectName(), field, null, false,
                result.resolveMessageCodes(code, field), null, null));
    }

    /** The validation groups of an act on an appointment, with the default constraints. */
    static Object[] groupsOf(String act) {
        Class<?> group = switch (act) {
            case "outcome" -> Outcome.class;
            case "cancel" -> Cancel.class;
            default -> Move.class;
        };
        return new Object[] { Default.class, group };
    }

    /** The decision on a worker's request to move an appointment: the new start (approve) or the reason (refuse). */
    public record MoveDecisionForm(String start, @Size(max = 1000) String reason, Long version) {
    }

    /** The worker asks to move one of their appointments, with a reason. */
    public record MoveAskForm(@NotBlank @Size(max = 1000) String reason) {
    }
}
