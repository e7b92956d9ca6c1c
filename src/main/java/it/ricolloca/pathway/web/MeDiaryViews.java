package it.ricolloca.pathway.web;

import it.ricolloca.pathway.DiaryAction;
import it.ricolloca.pathway.DiaryEntry;
import it.ricolloca.pathway.DiaryPart;
import it.ricolloca.pathway.Pathway;
import it.ricolloca.pathway.web.PathwayForms.WorkerDiaryForm;
import it.ricolloca.shared.web.FormErrors;
import java.time.LocalDate;
import java.util.List;

/** What the worker's diary pages show. */
public final class MeDiaryViews {

    /** A line of the diary as the worker reads it: who entered it, whether it was reviewed and when. */
    public record Line(long id, DiaryAction action, LocalDate onDate, String how, String company, String profile,
            String outcome, boolean byWorker, LocalDate reviewedOn, boolean hasProof) {

        static Line of(DiaryEntry e, Pathway p) {
            return new Line(e.getId(), e.getAction(), e.getOnDate(), e.getHow(), e.getCompany(), e.getProfile(),
                    e.getOutcome(), e.byWorker(), e.isReviewed() ? p.meetingDate(e.getReviewedMeetingId()) : null,
                    e.getProofDocumentId() != null);
        }

        /** The worker may still change or remove it. */
        public boolean editable() {
            return byWorker && reviewedOn == null;
        }
    }

    /** The diary page: the lines of each part, the form (to add, or to change {@code editing}), and whether it is open. */
    public record DiaryPage(List<Line> partA, List<Line> partB, boolean open, Long editing, WorkerDiaryForm form,
            FormErrors errors) {

        /** A worker without a pathway: nothing to list, nothing to write yet. */
        static DiaryPage none(WorkerDiaryForm form) {
            return new DiaryPage(List.of(), List.of(), false, null, form, FormErrors.NONE);
        }

        static DiaryPage of(Pathway p, boolean open, Long editing, WorkerDiaryForm form, FormErrors errors) {
            List<Line> lines = p.getDiary().stream().map(e -> Line.of(e, p)).toList();
            return new DiaryPage(lines.stream().filter(l -> l.action().part() == DiaryPart.PREPARATORY).toList(),
                    lines.stream().filter(l -> l.action().part() == DiaryPart.ACTIVE_SEARCH).toList(), open, editing, form,
                    errors);
        }
    }

    private MeDiaryViews() {
    }
}
