package it.ricolloca.me.web;

import java.util.List;

/** What the worker's pages show, ready for the templates (texts and dates already in Italian). */
public final class MeViews {

    private MeViews() {
    }

    /** A document of the worker's dossier: its download address, title, kind and date. */
    public record Doc(String href, String title, String kind, String date, boolean signed) {
    }

    /** An observation the worker (or the CPI for them) sent. */
    public record Observation(String date, String text, int attachments) {
    }

    /**
     * The request page: status and dates, CPI and provider; the notice (reasons, letter, window) and the decision.
     * {@code formOpen}: the observation form is shown; {@code closedOn}: the date the window closed, or null.
     */
    public record Request(long id, long version, String status, String requestDate, String statusDate, String centre,
            String provider, boolean notice, String noticeDate, String noticeReasons, Doc noticeLetter,
            String deadline, boolean formOpen, String closedOn, String decisionDate, String decisionReasons,
            Doc decisionLetter, List<Observation> observations) {
    }

    /** The pathway page: who follows the worker and how to reach them, the service's dates, a suspension. */
    public record Pathway(String centre, String office, String officeAddress, String officePhone, String officeEmail,
            String tutorName, String tutorEmail, String startedOn, String plannedEnd, String suspendedOn,
            String suspensionReason, String closedOn) {
    }

    /** One version of the pact: its number, status, signature date, actions and documents. */
    public record Pact(int versionNo, String status, String signedOn, List<String> actions, Doc text, Doc signedCopy) {
    }

    /** One message to the worker: what it was about and when. */
    public record Message(String subject, String sentAt) {
    }

    /** A choice of the upload form: the document kind's code and label. */
    public record Kind(String code, String label) {
    }
}
