package it.ricolloca.pathway.web;

import it.ricolloca.shared.DomainException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * A refused act put back on its form: on the field the refusal is about when the form has it
 * (the hours, the employer's VAT number...), otherwise on the whole form; a lost race is a stale form.
 */
final class Refusals {

    /** The field each refusal is about, where it is about one. */
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("agenda.date.invalid", "start"),
            Map.entry("pathway.tutor.notATutor", "tutorId"),
            Map.entry("pathway.tutor.reasonRequired", "reason"),
            Map.entry("pathway.tutor.experience.kind", "accompaniment"),
            Map.entry("pathway.tutor.experience.years", "years"),
            Map.entry("pathway.tutor.experience.note", "experienceNote"),
            Map.entry("pathway.reason.required", "reason"),
            Map.entry("pathway.pact.signDate", "signedOn"),
            Map.entry("pathway.pact.signLate", "signedOn"),
            Map.entry("pathway.date.beforeRelease", "start"),
            Map.entry("pathway.close.hireBeforeStart", "hireStart"),
            Map.entry("pathway.meeting.beforePact", "onDate"),
            Map.entry("pathway.timesheet.hours", "hours"),
            Map.entry("pathway.timesheet.date", "onDate"),
            Map.entry("pathway.date.range", "onDate"),
            Map.entry("pathway.date.future", "onDate"),
            Map.entry("pathway.meeting.times", "end"),
            Map.entry("pathway.suspend.contract", "contract"),
            Map.entry("pathway.suspend.employer", "employer"),
            Map.entry("pathway.close.vat", "employerVat"),
            Map.entry("pathway.close.duration", "durationMonths"),
            Map.entry("pathway.dossier.kind.invalid", "kind"),
            Map.entry("pathway.diary.noMeeting", "meetingId"));

    private Refusals() {
    }

    /**
     * Runs the act when the form has no error; a refusal or a lost race is put back on the form.
     * Returns whether the act was done.
     */
    static boolean attempt(BindingResult result, Object form, Runnable act) {
        if (result.hasErrors()) {
            return false;
        }
        try {
            act.run();
            return true;
        } catch (DomainException e) {
            reject(result, form, e);
        } catch (OptimisticLockingFailureException e) {
            stale(result, e);
        }
        return false;
    }

    static void reject(BindingResult result, Object form, DomainException e) {
        String field = FIELDS.get(e.messageKey());
        if (field != null && has(form, field)) {
            field(result, field, value(form, field), e.messageKey(), e.args());
        } else {
            result.reject(e.messageKey(), e.args(), null);
        }
    }

    private static void stale(BindingResult result, OptimisticLockingFailureException e) {
        result.reject("form.stale");
    }

    /** An error on a field, nested ones included ({@code rows[2].kind}). */
    static void field(BindingResult result, String field, Object value, String key, Object... args) {
        result.addError(new FieldError(result.getObjectName(), field, value, false, new String[] {key}, args, null));
    }

    private static boolean has(Object form, String field) {
        return form != null && form.getClass().isRecord() && Arrays.stream(form.getClass().getRecordComponents())
                .map(RecordComponent::getName).anyMatch(field::equals);
    }

    private static Object value(Object form, String field) {
        try {
            return form.getClass().getMethod(field).invoke(form);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }
}
