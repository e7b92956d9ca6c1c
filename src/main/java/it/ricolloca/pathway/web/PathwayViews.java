package it.ricolloca.pathway.web;

import it.ricolloca.accounts.StaffMember;
import it.ricolloca.agenda.Appointment;
import it.ricolloca.network.OfficeSummary;
import it.ricolloca.pathway.SearchPact;
import it.ricolloca.pathway.PactStatus;
import it.ricolloca.pathway.Pathway;
import it.ricolloca.pathway.internal.PathwayWork.TutorChange;
import it.ricolloca.workers.WorkerSummary;
import java.time.LocalDate;
import java.util.List;

/** What the pathway pages show, as the templates read it. */
public final class PathwayViews {

    private PathwayViews() {
    }

    /** A free slot offered for the first appointment; a past one records an appointment already held. */
    public record BookableSlot(java.time.ZonedDateTime start, boolean past) {
    }

    /** One row of the pact form, as typed. */
    public record ActionRow(int index, String kind, String description, String due) {
    }

    /** Everything the page of one pathway shows, and what the user may do on it. */
    public record PathwayPage(Pathway pathway, WorkerSummary worker, OfficeSummary office, StaffMember tutor,
            LocalDate serviceStart, List<Appointment> appointments, List<SearchPact> pacts, List<TutorChange> tutorHistory,
            boolean canWork, boolean canAssignTutor, List<StaffMember> tutors, LocalDate today, LocalDate plannedEnd,
            List<it.ricolloca.pathway.PathwaySection> sections) {

        /** The staff may still act: the pathway is not closed. */
        public boolean canAct() {
            return canWork && !pathway.isClosed();
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
}
