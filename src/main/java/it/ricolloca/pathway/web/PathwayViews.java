package it.ricolloca.pathway.web;

import it.ricolloca.accounts.StaffMember;
import it.ricolloca.agenda.Appointment;
import it.ricolloca.agenda.AppointmentStatus;
import it.ricolloca.documents.DocumentKind;
import it.ricolloca.documents.DossierDocument;
import it.ricolloca.network.OfficeSummary;
import it.ricolloca.pathway.PactActionKind;
import it.ricolloca.pathway.PactStatus;
import it.ricolloca.pathway.Pathway;
import it.ricolloca.pathway.PathwayAct;
import it.ricolloca.pathway.PathwaySection;
import it.ricolloca.pathway.PathwayTab;
import it.ricolloca.pathway.SearchPact;
import it.ricolloca.pathway.internal.PathwayStart.QueueItem;
import it.ricolloca.pathway.internal.PathwayWork.TutorChange;
import it.ricolloca.pathway.web.PathwayForms.BookForm;
import it.ricolloca.pathway.web.PathwayForms.BreachForm;
import it.ricolloca.pathway.web.PathwayForms.CloseForm;
import it.ricolloca.pathway.web.PathwayForms.DiaryForm;
import it.ricolloca.pathway.web.PathwayForms.ExtendForm;
import it.ricolloca.pathway.web.PathwayForms.HoursForm;
import it.ricolloca.pathway.web.PathwayForms.MeetingForm;
import it.ricolloca.pathway.web.PathwayForms.PactForm;
import it.ricolloca.pathway.web.PathwayForms.ResumeForm;
import it.ricolloca.pathway.web.PathwayForms.SignForm;
import it.ricolloca.pathway.web.PathwayForms.SuspendForm;
import it.ricolloca.pathway.web.PathwayForms.TutorForm;
import it.ricolloca.pathway.web.PathwayForms.PastForm;
import it.ricolloca.pathway.web.PathwayForms.UploadForm;
import it.ricolloca.shared.web.FormErrors;
import it.ricolloca.shared.web.FormValues;
import it.ricolloca.workers.WorkerSummary;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.validation.BindingResult;

/** What the pathway pages show, as the templates read it. */
public final class PathwayViews {

    /** The names of the forms on the pathway's page, to tell which one failed. */
    public static final String TUTOR = "tutor";
    public static final String SIGN = "sign";
    public static final String SIGNED_COPY = "signedCopy";
    public static final String AMEND = "amend";
    public static final String HOURS = "hours";
    public static final String REMOVE_HOURS = "removeHours";
    public static final String EXTEND = "extend";
    public static final String SUSPEND = "suspend";
    public static final String RESUME = "resume";
    public static final String BREACH = "breach";
    public static final String CLOSE = "close";

    private PathwayViews() {
    }

    /**
     * What the user typed in the fields that could not be read (a number written the foreign way),
     * to show it back as typed next to its error.
     */
    public record Typed(Map<String, String> values) {

        public static final Typed NONE = new Typed(Map.of());

        public static Typed of(BindingResult result) {
            return new Typed(FormValues.typed(result));
        }

        /** The text typed in {@code field} if it could not be read, otherwise {@code value}. */
        public String or(String field, String value) {
            return values.getOrDefault(field, value);
        }
    }

    /** A free slot offered for the first appointment; a past one records an appointment already held. */
    public record BookableSlot(ZonedDateTime start, boolean past) {
    }

    /** The page of the first appointment, with its form as typed and its errors. */
    public record BookPage(QueueItem item, boolean canBook, boolean hasAgenda, List<BookableSlot> slots,
            ZonedDateTime defaultSlot, BookForm form, FormErrors errors, Typed typed, PastForm past,
            FormErrors pastErrors) {

        /** The outcomes a past first appointment is recorded with. */
        public List<AppointmentStatus> outcomes() {
            return List.of(AppointmentStatus.HELD, AppointmentStatus.ABSENT_JUSTIFIED, AppointmentStatus.ABSENT_UNJUSTIFIED);
        }

        public boolean selected(BookableSlot slot) {
            return form.start() == null || form.start().isBlank() ? slot.start().equals(defaultSlot)
                    : slot.start().toOffsetDateTime().toString().equals(form.start());
        }
    }

    /**
     * The forms of the pathway's page: each with its values (as typed, for the one that failed) and
     * the errors of the one that failed.
     */
    public record PageForms(String failed, FormErrors errors, Typed typed, TutorForm tutor, SignForm sign, HoursForm hours,
            ExtendForm extend, SuspendForm suspend, ResumeForm resume, BreachForm breach, CloseForm close) {

        /** The forms as a fresh page shows them. */
        public static PageForms of(Pathway p, LocalDate today) {
            Long version = p.getVersion();
            return new PageForms(null, FormErrors.NONE, Typed.NONE, new TutorForm(p.getTutorUserId(), "", version),
                    new SignForm(today, version),
                    new HoursForm(null, p.getStartedOn(), BigDecimal.ONE, "", version),
                    new ExtendForm("", version), new SuspendForm(today, null, "", "", version),
                    new ResumeForm(today, version), new BreachForm(null, today, ""),
                    new CloseForm(null, today, "", "", "", null, null, null, null, version));
        }

        /** The same forms with {@code form}, named {@code name}, as typed and with its errors. */
        public PageForms failed(String name, Object form, FormErrors formErrors, Typed formTyped) {
            return new PageForms(name, formErrors, formTyped,
                    form instanceof TutorForm f ? f : tutor,
                    form instanceof SignForm f ? f : sign,
                    form instanceof HoursForm f ? f : hours,
                    form instanceof ExtendForm f ? f : extend,
                    form instanceof SuspendForm f ? f : suspend,
                    form instanceof ResumeForm f ? f : resume,
                    form instanceof BreachForm f ? f : breach,
                    form instanceof CloseForm f ? f : close);
        }

        /** The errors of the form named {@code name}: none unless it is the one that failed. */
        public FormErrors of(String name) {
            return name.equals(failed) ? errors : FormErrors.NONE;
        }

        /** What was typed in the form named {@code name} and could not be read: nothing unless it is the one that failed. */
        public Typed typed(String name) {
            return name.equals(failed) ? typed : Typed.NONE;
        }
    }

    /** The tab on which each form of the pathway's page lives, to show the one that failed. */
    public static PathwayTab tabOf(String form) {
        return switch (form) {
            case SIGN, SIGNED_COPY, AMEND -> PathwayTab.PACT;
            case HOURS, REMOVE_HOURS -> PathwayTab.TIMESHEET;
            case BREACH -> PathwayTab.CONDITIONALITY;
            case CLOSE -> PathwayTab.OUTCOME;
            default -> PathwayTab.OVERVIEW;
        };
    }

    /** The act each form of the pathway's page does. */
    public static PathwayAct actOf(String form) {
        return switch (form) {
            case TUTOR -> PathwayAct.ASSIGN_TUTOR;
            case SIGN -> PathwayAct.SIGN_PACT;
            case SIGNED_COPY -> PathwayAct.UPLOAD_SIGNED_COPY;
            case AMEND -> PathwayAct.AMEND_PACT;
            case HOURS -> PathwayAct.RECORD_HOURS;
            case REMOVE_HOURS -> PathwayAct.REMOVE_HOURS;
            case EXTEND -> PathwayAct.EXTEND;
            case SUSPEND -> PathwayAct.SUSPEND;
            case RESUME -> PathwayAct.RESUME;
            case BREACH -> PathwayAct.REPORT_BREACH;
            default -> PathwayAct.CLOSE;
        };
    }

    /** What to do next on the pathway, in plain words, and the tab where it is done. */
    public record NextStep(String text, String href) {
    }

    /**
     * Everything one tab of the pathway's page shows, and what the user may do on it: {@code acts} are
     * the acts the pathway's state allows, empty for a user who only reads.
     */
    public record PathwayPage(Pathway pathway, WorkerSummary worker, OfficeSummary office, StaffMember tutor,
            LocalDate serviceStart, List<Appointment> appointments, List<SearchPact> pacts, List<TutorChange> tutorHistory,
            boolean canWork, boolean canAssignTutor, List<StaffMember> tutors, LocalDate today, LocalDate plannedEnd,
            PathwayTab tab, Set<PathwayAct> acts, NextStep next, List<PathwaySection> sections, PageForms forms) {

        /** The user may do {@code act} here: the pathway's state allows it and the user works on the pathway. */
        public boolean may(PathwayAct act) {
            return canWork && acts.contains(act);
        }

        /**
         * The form that failed is no longer offered (the pathway's state changed, or the act was never
         * allowed): its errors are shown at the top of the tab instead.
         */
        public boolean failedOutOfSight() {
            return forms.failed() != null && !may(actOf(forms.failed()));
        }

        /** The user may extend, suspend or resume the service. */
        public boolean mayChangeService() {
            return may(PathwayAct.EXTEND) || may(PathwayAct.SUSPEND) || may(PathwayAct.RESUME);
        }

        /** The staff may still act: the pathway is not closed. */
        public boolean canAct() {
            return canWork && !pathway.isClosed();
        }

        public boolean on(PathwayTab t) {
            return tab == t;
        }

        public String workerName() {
            return worker.displayName();
        }

        public SearchPact latestPact() {
            return pacts.isEmpty() ? null : pacts.get(0);
        }

        public boolean hasDraft() {
            return latestPact() != null && latestPact().getStatus() == PactStatus.DRAFT;
        }

        public SearchPact signedPact() {
            return pacts.stream().filter(p -> p.getStatus() == PactStatus.SIGNED).findFirst().orElse(null);
        }

        public boolean timesheetOpen() {
            return pathway.getTimesheetSignedOn() == null;
        }
    }

    /** The pact form: the draft's actions (or those typed), the version it will have. */
    public record PactPage(Pathway pathway, WorkerSummary worker, int versionNo, List<PactActionKind> kinds, PactForm form,
            FormErrors errors) {
    }

    /** The meeting register of a pathway and the form of a new meeting. */
    public record MeetingsPage(Pathway pathway, WorkerSummary worker, boolean canWork, int minMinutes, int maxMinutes,
            MeetingForm form, FormErrors errors, Typed typed) {

        public static MeetingForm blank(Pathway p, LocalDate today) {
            return new MeetingForm(today, LocalTime.of(9, 0), LocalTime.of(10, 0), null, "", "", null, p.getVersion());
        }
    }

    /** The activation diary of a pathway, the form of a new entry and the errors of the last act. */
    public record DiaryPage(Pathway pathway, WorkerSummary worker, boolean canWork, DiaryForm form, FormErrors errors) {

        public static DiaryForm blank(Pathway p, LocalDate today) {
            return new DiaryForm(null, today, "", "", "", "", null, p.getVersion());
        }
    }

    /** The worker's dossier as the pathway shows it, and the upload form. */
    public record DossierPage(Pathway pathway, WorkerSummary worker, List<DossierDocument> documents, boolean canWork,
            List<DocumentKind> kinds, long maxMegabytes, UploadForm form, FormErrors errors) {
    }
}
