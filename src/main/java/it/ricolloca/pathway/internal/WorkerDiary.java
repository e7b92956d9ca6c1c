package it.ricolloca.pathway.internal;

import it.ricolloca.audit.AuditTrail;
import it.ricolloca.documents.DocumentContent;
import it.ricolloca.documents.DocumentKind;
import it.ricolloca.documents.Dossier;
import it.ricolloca.documents.DossierDocument;
import it.ricolloca.documents.Upload;
import it.ricolloca.pathway.DiaryAction;
import it.ricolloca.pathway.DiaryEntry;
import it.ricolloca.pathway.Pathway;
import it.ricolloca.shared.Detail;
import it.ricolloca.shared.NotFoundException;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.Messages;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The activation diary kept by the worker from their own pages: they add lines of parts A and B
 * with the seed's columns, change or remove their own lines until the tutor reviews them in a
 * meeting, and attach a proof (the e-mail sent, a receipt) kept in their dossier with the same
 * checks as any upload. Every act is audited with the worker as actor. The worker reaches only the
 * diary of their own pathway: any other line is not found.
 */
@Service
@Transactional
public class WorkerDiary {

    private final PathwayRepository pathways;
    private final PathwayRecords records;
    private final Dossier dossier;
    private final AuditTrail audit;
    private final Messages messages;
    private final JdbcClient jdbc;

    @PersistenceContext
    private EntityManager entityManager;

    WorkerDiary(PathwayRepository pathways, PathwayRecords records, Dossier dossier, AuditTrail audit,
            Messages messages, JdbcClient jdbc) {
        this.pathways = pathways;
        this.records = records;
        this.dossier = dossier;
        this.audit = audit;
        this.messages = messages;
        this.jdbc = jdbc;
    }

    /** The worker's pathway, the newest (open or closed), if any. */
    @Transactional(readOnly = true)
    public Optional<Pathway> pathwayOf(long workerId) {
        return jdbc.sql("select id from pathway_pathway where worker_id = ? order by created_at desc, id desc limit 1")
                .param(workerId).query(Long.class).optional().flatMap(pathways::findById).map(p -> {
                    p.getDiary();
                    p.getMeetings();
                    return p;
                });
    }

    /** Adds a line; the proof, if any, is checked and kept in the dossier. */
    public DiaryEntry add(long workerId, String actor, DiaryAction action, LocalDate on, String how, String company,
            String profile, String outcome, Upload proof) {
        Pathway p = open(workerId);
        DiaryEntry e = p.addDiaryEntry(action, on, how, company, profile, outcome, DiaryEntry.Source.WORKER, actor,
                Instant.now(), Dates.today());
        entityManager.flush();
        if (proof != null) {
            p.attachDiaryProof(e.getId(), keep(workerId, actor, action, on, proof));
        }
        records.touch(p);
        audit.recordAs(actor, "WORKER_DIARY_ADDED", "Pathway", p.getId(),
                Detail.of("audit.detail.diary", Detail.label(action.labelKey()), on).encoded());
        return e;
    }

    /** Changes a line of the worker's own, not yet reviewed; a new proof replaces the old one. */
    public DiaryEntry edit(long workerId, String actor, long entryId, DiaryAction action, LocalDate on, String how,
            String company, String profile, String outcome, Upload proof) {
        Pathway p = open(workerId);
        DiaryEntry e = p.editOwnDiaryEntry(entryId, action, on, how, company, profile, outcome, Instant.now(),
                Dates.today());
        if (proof != null) {
            p.attachDiaryProof(entryId, keep(workerId, actor, action, on, proof));
        }
        records.touch(p);
        audit.recordAs(actor, "WORKER_DIARY_CHANGED", "Pathway", p.getId(),
                Detail.of("audit.detail.diary", Detail.label(action.labelKey()), on).encoded());
        return e;
    }

    /** Removes a line of the worker's own, not yet reviewed. */
    public void delete(long workerId, String actor, long entryId) {
        Pathway p = open(workerId);
        DiaryEntry e = p.deleteOwnDiaryEntry(entryId);
        records.touch(p);
        audit.recordAs(actor, "WORKER_DIARY_REMOVED", "Pathway", p.getId(),
                Detail.of("audit.detail.diary", Detail.label(e.getAction().labelKey()), e.getOnDate()).encoded());
    }

    /** The proof of one of the worker's lines; not found for a line of another worker. */
    @Transactional(readOnly = true)
    public DocumentContent proof(long workerId, long entryId) {
        Pathway p = pathwayOf(workerId).orElseThrow(NotFoundException::new);
        DiaryEntry e = p.getDiary().stream().filter(x -> x.getId() == entryId && x.getProofDocumentId() != null)
                .findFirst().orElseThrow(NotFoundException::new);
        return dossier.content(e.getProofDocumentId()).filter(c -> c.document().workerId() == workerId)
                .orElseThrow(NotFoundException::new);
    }

    private long keep(long workerId, String actor, DiaryAction action, LocalDate on, Upload proof) {
        DossierDocument d = dossier.storeUpload(workerId, DocumentKind.OTHER,
                messages.t("pathway.diary.proof.title", messages.t(action.labelKey()), Dates.format(on)), proof, actor);
        return d.id();
    }

    private Pathway open(long workerId) {
        Pathway p = pathwayOf(workerId).orElseThrow(NotFoundException::new);
        p.requireOpen();
        return p;
    }
}
