package it.ricolloca.pathway.internal;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.audit.AuditTrail;
import it.ricolloca.documents.DocumentKind;
import it.ricolloca.documents.Dossier;
import it.ricolloca.documents.DossierDocument;
import it.ricolloca.documents.Upload;
import it.ricolloca.parameters.Parameter;
import it.ricolloca.parameters.Parameters;
import it.ricolloca.pathway.PactAction;
import it.ricolloca.pathway.PactStatus;
import it.ricolloca.pathway.Pathway;
import it.ricolloca.pathway.PathwayAct;
import it.ricolloca.pathway.PathwayRefusedException;
import it.ricolloca.pathway.SearchPact;
import it.ricolloca.shared.Detail;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.Messages;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The intensive search pact: the draft with its actions, its signature by the named tutor (the term of
 * {@code PACT_WITHIN_DAYS} from the first appointment held is a warning unless {@code PACT_TERM_BINDING};
 * its PDF kept in the dossier), the scanned signed copy, and the next version drafted to amend a signed one.
 */
@Service
@Transactional
public class Pacts {

    private final PathwayRecords records;
    private final PathwayWork work;
    private final SearchPactRepository pacts;
    private final Parameters parameters;
    private final Dossier dossier;
    private final PathwayDocuments documents;
    private final Messages messages;
    private final AuditTrail audit;

    Pacts(PathwayRecords records, PathwayWork work, SearchPactRepository pacts, Parameters parameters, Dossier dossier,
            PathwayDocuments documents, Messages messages, AuditTrail audit) {
        this.records = records;
        this.work = work;
        this.pacts = pacts;
        this.parameters = parameters;
        this.dossier = dossier;
        this.documents = documents;
        this.messages = messages;
        this.audit = audit;
    }

    /** Saves the draft (creating version 1 when there is none yet). */
    public SearchPact saveDraft(CurrentUser user, long id, Long version, List<PactAction> actions, String nextAppointments) {
        Pathway p = records.open(user, id, version, "pact");
        if (actions.isEmpty()) {
            throw new PathwayRefusedException("pathway.pact.noActions");
        }
        List<SearchPact> all = work.pacts(p);
        p.require(PathwayAct.EDIT_PACT, all);
        SearchPact draft;
        if (all.isEmpty()) {
            draft = pacts.save(SearchPact.draft(p.getId(), 1, actions, nextAppointments, user.username(), Instant.now()));
        } else {
            draft = all.get(0);
            draft.revise(actions, nextAppointments);
        }
        records.touch(p);
        audit.recordAs(user.username(), "PATHWAY_PACT_DRAFTED", "Pathway", p.getId(),
                Detail.of("audit.detail.pactDrafted", draft.getVersionNo(), actions.size()).encoded());
        return draft;
    }

    /** Drafts the next version of a signed pact, with the same actions, to amend it. */
    public SearchPact amend(CurrentUser user, long id, Long version) {
        Pathway p = records.open(user, id, version, "pact");
        List<SearchPact> all = work.pacts(p);
        p.require(PathwayAct.AMEND_PACT, all);
        SearchPact next = pacts.save(all.get(0).amend(user.username(), Instant.now()));
        records.touch(p);
        audit.recordAs(user.username(), "PATHWAY_PACT_AMENDED", "Pathway", p.getId(), Detail.of("audit.detail.pactAmended", next.getVersionNo()).encoded());
        return next;
    }

    /**
     * Signs the draft (the named tutor signs it: none is signed without one), keeps its PDF in the
     * dossier, supersedes the version before, and signs the timesheet with the first pact. The term of
     * {@code PACT_WITHIN_DAYS} from the first appointment held binds only where {@code PACT_TERM_BINDING}
     * is on for the service's start; otherwise a late signature is accepted and the answer says it was
     * late (a warning).
     */
    public boolean sign(CurrentUser user, long id, Long version, LocalDate on) {
        Pathway p = records.open(user, id, version, "pact");
        if (p.getTutorUserId() == null) {
            throw new PathwayRefusedException("pathway.pact.tutorRequired");
        }
        List<SearchPact> all = work.pacts(p);
        p.require(PathwayAct.SIGN_PACT, all);
        SearchPact draft = all.get(0);
        LocalDate start = work.serviceStart(p).orElse(null);
        LocalDate lastDay = start == null ? null : work.pactLastDay(start);
        boolean binding = start != null && parameters.flag(Parameter.PACT_TERM_BINDING, start);
        boolean late = draft.sign(on, start, lastDay, binding, Dates.today());
        all.stream().skip(1).filter(x -> x.getStatus() == PactStatus.SIGNED).forEach(SearchPact::supersede);
        DossierDocument pdf = dossier.storeGenerated(p.getWorkerId(), DocumentKind.PACT,
                messages.t("pathway.document.pact"), "patto-v" + draft.getVersionNo() + ".pdf", "application/pdf",
                documents.pact(p, draft, start), user.username());
        draft.attachDocument(pdf.id());
        if (p.getTimesheetSignedOn() == null) {
            p.signTimesheet(on);
            dossier.storeGenerated(p.getWorkerId(), DocumentKind.TIMESHEET, messages.t("pathway.document.timesheet"),
                    "timesheet.pdf", "application/pdf", documents.timesheet(p, start), user.username());
        }
        records.touch(p);
        audit.recordAs(user.username(), "PATHWAY_PACT_SIGNED", "Pathway", p.getId(),
                Detail.of("audit.detail.pactSigned", draft.getVersionNo(), on).encoded());
        return late;
    }

    /** Keeps the scanned signed copy of the latest signed pact in the dossier. */
    public void uploadSignedCopy(CurrentUser user, long id, Long version, Upload upload) {
        Pathway p = records.open(user, id, version, "pact");
        List<SearchPact> all = work.pacts(p);
        p.require(PathwayAct.UPLOAD_SIGNED_COPY, all);
        SearchPact signed = all.stream().filter(x -> x.getStatus() == PactStatus.SIGNED).findFirst().orElseThrow();
        DossierDocument copy = dossier.storeUpload(p.getWorkerId(), DocumentKind.PACT_SIGNED,
                messages.t("pathway.document.pactSigned"), upload, user.username());
        signed.attachSignedCopy(copy.id());
        records.touch(p);
        audit.recordAs(user.username(), "PATHWAY_PACT_SIGNED_COPY", "Pathway", p.getId(),
                Detail.of("audit.detail.pactCopy", signed.getVersionNo(), copy.id()).encoded());
    }
}
