package it.ricolloca.pathway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.audit.AuditRecord;
import it.ricolloca.audit.AuditTrail;
import it.ricolloca.documents.RejectedUploadException;
import it.ricolloca.documents.Upload;
import it.ricolloca.pathway.internal.Meetings;
import it.ricolloca.pathway.internal.PathwayWork;
import it.ricolloca.pathway.internal.WorkerDiary;
import it.ricolloca.shared.DomainException;
import it.ricolloca.shared.NotFoundException;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.support.ClosedPathways;
import it.ricolloca.support.IntegrationTest;
import it.ricolloca.support.ReleasedWorkers;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The activation diary kept by the worker: lines of parts A and B with the seed's columns, changed or removed
 * until the tutor reviews them in a meeting, then locked (an Italian refusal); a proof kept in the dossier with
 * the upload checks; the tutor sees the lines marked as the worker's; a worker reaches nothing of another's diary.
 */
@IntegrationTest
class WorkerDiaryTest {

    @Autowired ReleasedWorkers released;
    @Autowired ClosedPathways closed;
    @Autowired PathwayWork work;
    @Autowired Meetings meetings;
    @Autowired WorkerDiary diary;
    @Autowired AuditTrail audit;

    private static String keyOf(Runnable act) {
        try {
            act.run();
        } catch (DomainException e) {
            return e.messageKey();
        }
        return null;
    }

    @Test
    void theWorkerKeepsTheirLinesUntilTheTutorReviewsThemThenTheyAreLocked() {
        CurrentUser tutor = released.user("tutor.torino");
        long id = closed.started(closed.newTorinoOffice(), "Diarista", "Ornella", 5);
        long worker = work.get(tutor, id).getWorkerId();
        String actor = "lavoratore:ORNELLA";

        DiaryEntry cv = diary.add(worker, actor, DiaryAction.CV, Dates.today().minusDays(3), "Europass", null, null,
                "Completato", null);
        DiaryEntry sent = diary.add(worker, actor, DiaryAction.SPONTANEOUS_APPLICATION, Dates.today().minusDays(2),
                "Posta elettronica", "selezione@officina.example", "Magazziniere", "In attesa",
                new Upload("mail-inviata.pdf", ClosedPathways.pdf()));
        DiaryEntry extra = diary.add(worker, actor, DiaryAction.JOB_SITE_REGISTRATION, Dates.today().minusDays(1),
                "Sito regionale", null, null, null, null);
        assertThat(keyOf(() -> diary.add(worker, actor, DiaryAction.JOB_AD_REPLY, Dates.today(), " ", " ", null, null,
                null))).as("part B needs the mode or the company").isEqualTo("pathway.diary.companyOrHow");
        assertThat(keyOf(() -> diary.add(worker, actor, DiaryAction.CV, Dates.today().plusDays(1), null, null, null, null,
                null))).isEqualTo("pathway.date.range");
        assertThatThrownBy(() -> diary.add(worker, actor, DiaryAction.CV, Dates.today(), null, null, null, null,
                new Upload("virus.exe", "MZ non un documento".getBytes()))).isInstanceOf(RejectedUploadException.class);

        diary.edit(worker, actor, cv.getId(), DiaryAction.CV, Dates.today().minusDays(3), "Europass in inglese", null, null,
                "Completato", null);
        diary.delete(worker, actor, extra.getId());

        Pathway p = work.get(tutor, id);
        assertThat(p.getDiary()).extracting(DiaryEntry::getHow).containsExactly("Europass in inglese", "Posta elettronica");
        assertThat(p.getDiary()).allMatch(DiaryEntry::byWorker).allMatch(e -> e.getRecordedBy().equals(actor));
        assertThat(new String(diary.proof(worker, sent.getId()).bytes(), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1))
                .isEqualTo("%PDF-");
        assertThat(p.getDiary().get(1).getProofDocumentId()).isNotNull();
        assertThat(diary.proof(worker, sent.getId()).document().workerId()).isEqualTo(worker);
        assertThat(audit.history("Pathway", id, 50)).extracting(AuditRecord::action)
                .contains("WORKER_DIARY_ADDED", "WORKER_DIARY_CHANGED", "WORKER_DIARY_REMOVED");
        assertThat(audit.history("Pathway", id, 50)).filteredOn(r -> r.action().startsWith("WORKER_DIARY"))
                .allMatch(r -> r.actor().equals(actor));

        // the tutor reviews the lines in a meeting: the worker can no longer change nor remove them
        Meeting m = meetings.recordMeeting(tutor, id, closed.version(id), Dates.today(), LocalTime.of(10, 0),
                LocalTime.of(11, 0), MeetingStatus.HELD, "Diario", null, null);
        meetings.reviewDiaryEntry(tutor, id, closed.version(id), cv.getId(), m.getId());
        assertThat(keyOf(() -> diary.edit(worker, actor, cv.getId(), DiaryAction.CV, Dates.today().minusDays(3), "altro",
                null, null, null, null))).isEqualTo("pathway.diary.reviewedLocked");
        assertThat(keyOf(() -> diary.delete(worker, actor, cv.getId()))).isEqualTo("pathway.diary.reviewedLocked");
        assertThat(keyOf(() -> diary.edit(worker, actor, sent.getId(), DiaryAction.SPONTANEOUS_APPLICATION,
                Dates.today().minusDays(2), "PEC", "selezione@officina.example", null, "Colloquio fissato", null)))
                .as("a line not yet reviewed still changes").isNull();

        // a line the tutor transcribed from the paper diary is not the worker's to change
        meetings.addDiaryEntry(tutor, id, closed.version(id), DiaryAction.TRAINING_COURSE, Dates.today(), "Corso HACCP",
                null, null, null, DiaryEntry.Source.PAPER_DIARY);
        long paper = work.get(tutor, id).getDiary().stream().filter(e -> !e.byWorker()).findFirst().orElseThrow().getId();
        assertThat(keyOf(() -> diary.delete(worker, actor, paper))).isEqualTo("pathway.diary.notOwn");
    }

    @Test
    void aWorkerReachesNothingOfAnotherWorkersDiary() {
        CurrentUser tutor = released.user("tutor.torino");
        long office = closed.newTorinoOffice();
        long a = closed.started(office, "Diario", "Aurelia", 4);
        long b = closed.started(office, "Diario", "Benedetto", 4);
        long workerA = work.get(tutor, a).getWorkerId();
        long workerB = work.get(tutor, b).getWorkerId();
        DiaryEntry mine = diary.add(workerA, "lavoratore:A", DiaryAction.CV, Dates.today(), null, null, null, null,
                new Upload("cv.pdf", ClosedPathways.pdf()));

        assertThatThrownBy(() -> diary.edit(workerB, "lavoratore:B", mine.getId(), DiaryAction.CV, Dates.today(), "x", null,
                null, null, null)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> diary.delete(workerB, "lavoratore:B", mine.getId())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> diary.proof(workerB, mine.getId())).isInstanceOf(NotFoundException.class);
        assertThat(diary.pathwayOf(workerB).orElseThrow().getDiary()).isEmpty();
        assertThat(work.get(tutor, a).getDiary()).hasSize(1);
    }
}
