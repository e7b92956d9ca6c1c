package it.ricolloca.pathway.internal;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.StaffDirectory;
import it.ricolloca.accounts.StaffMember;
import it.ricolloca.agenda.Agenda;
import it.ricolloca.agenda.Appointment;
import it.ricolloca.documents.DocumentKind;
import it.ricolloca.documents.Dossier;
import it.ricolloca.documents.DossierDocument;
import it.ricolloca.documents.Upload;
import it.ricolloca.parameters.LegalTerms;
import it.ricolloca.parameters.Parameter;
import it.ricolloca.parameters.Parameters;
import it.ricolloca.pathway.Pathway;
import it.ricolloca.pathway.PathwayRefusedException;
import it.ricolloca.pathway.SearchPact;
import it.ricolloca.shared.NotFoundException;
import it.ricolloca.shared.acts.ActGuard;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.Messages;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading a worker's pathway (its appointments, pacts, tutor history, planned end and printable
 * documents) and keeping its dossier. The acts on it live by capability: {@link PathwayStart} (the
 * queue and the first appointment), {@link Pacts}, {@link Timesheets}, {@link Meetings} (meetings
 * and diary) and {@link PathwayLifecycle} (tutor, extension, suspension, resumption, closing).
 */
@Service
@Transactional
public class PathwayWork {

    private final PathwayRepository pathways;
    private final SearchPactRepository pacts;
    private final PathwayRights rights;
    private final Agenda agenda;
    private final StaffDirectory staff;
    private final Parameters parameters;
    private final Dossier dossier;
    private final PathwayDocuments documents;
    private final Messages messages;
    private final JdbcClient jdbc;
    private final LegalTerms legalTerms;

    PathwayWork(PathwayRepository pathways, SearchPactRepository pacts, PathwayRights rights, Agenda agenda,
            StaffDirectory staff, Parameters parameters, Dossier dossier, PathwayDocuments documents, Messages messages,
            JdbcClient jdbc, LegalTerms legalTerms) {
        this.legalTerms = legalTerms;
        this.pathways = pathways;
        this.pacts = pacts;
        this.rights = rights;
        this.agenda = agenda;
        this.staff = staff;
        this.parameters = parameters;
        this.dossier = dossier;
        this.documents = documents;
        this.messages = messages;
        this.jdbc = jdbc;
    }

    /** The pathway, if the user may see it (the provider CPI's case staff, the region's); 404 otherwise. */
    @Transactional(readOnly = true)
    public Pathway get(CurrentUser user, long id) {
        Pathway p = ActGuard.visible(pathways.findById(id), x -> rights.canSee(user, x.getCentreId()));
        p.getTimesheet();
        p.getSuspensions();
        p.getMeetings();
        p.getDiary();
        return p;
    }

    /** The pathway, if the user may see it and works on it (403 otherwise). */
    @Transactional(readOnly = true)
    public Pathway worked(CurrentUser user, long id, String act) {
        Pathway p = get(user, id);
        ActGuard.require(rights.canWork(user, p), act);
        return p;
    }

    /** The pathway, if the user may see it and names its tutor (403 otherwise). */
    @Transactional(readOnly = true)
    public Pathway assigningTutor(CurrentUser user, long id) {
        Pathway p = get(user, id);
        ActGuard.require(rights.canAssignTutor(user, p), "tutor");
        return p;
    }

    /** The day the service started: the first appointment held (recorded on the pathway when it was held). */
    public Optional<LocalDate> serviceStart(Pathway p) {
        return Optional.ofNullable(p.getStartedOn());
    }

    @Transactional(readOnly = true)
    public List<Appointment> appointments(Pathway p) {
        return agenda.ofRequest(p.getRequestId());
    }

    @Transactional(readOnly = true)
    public List<SearchPact> pacts(Pathway p) {
        return pacts.findByPathwayIdOrderByVersionNoDesc(p.getId());
    }

    @Transactional(readOnly = true)
    public List<TutorChange> tutorHistory(Pathway p) {
        return jdbc.sql("""
                select tutor_user_id, assigned_on, reason, assigned_by from pathway_tutor_assignment
                where pathway_id = ? order by assigned_at desc, id desc""").param(p.getId())
                .query((rs, n) -> new TutorChange(staff.find(rs.getLong(1)).map(StaffMember::fullName).orElse("?"),
                        rs.getDate(2).toLocalDate(), rs.getString(3), rs.getString(4)))
                .list();
    }

    /** A line of the tutor history. */
    public record TutorChange(String tutor, LocalDate on, String reason, String by) {
    }

    public boolean canWork(CurrentUser user, Pathway p) {
        return rights.canWork(user, p);
    }

    public boolean canAssignTutor(CurrentUser user, Pathway p) {
        return rights.canAssignTutor(user, p);
    }

    /**
     * The last day to sign the pact: {@code PACT_WITHIN_DAYS} (in force on the start) after the first
     * appointment held, carried to the next working day by the legal terms' rule.
     */
    public LocalDate pactLastDay(LocalDate serviceStart) {
        return legalTerms.end(serviceStart, parameters.integer(Parameter.PACT_WITHIN_DAYS, serviceStart));
    }

    /**
     * The last day to ask for the service: {@code SERVICE_REQUEST_WITHIN_MONTHS} (in force on the release)
     * after the release (art. 23 c.4 D.Lgs. 150/2015), carried to the next working day by the legal terms' rule.
     */
    public LocalDate serviceRequestLastDay(LocalDate releasedOn) {
        return legalTerms.endAfterMonths(releasedOn, parameters.integer(Parameter.SERVICE_REQUEST_WITHIN_MONTHS, releasedOn));
    }

    /** The planned end with the service months in force on the start date. */
    public Optional<LocalDate> plannedEnd(Pathway p) {
        return p.getStartedOn() == null ? Optional.empty()
                : Optional.of(p.plannedEnd(parameters.integer(Parameter.SERVICE_MONTHS, p.getStartedOn()), Dates.today()));
    }

    // ---- printable documents ----

    /** The PDF of a pact version (a draft is rendered as such, to print and sign). */
    @Transactional(readOnly = true)
    public byte[] pactPdf(CurrentUser user, long id, int versionNo) {
        Pathway p = get(user, id);
        SearchPact pact = pacts(p).stream().filter(x -> x.getVersionNo() == versionNo).findFirst()
                .orElseThrow(NotFoundException::new);
        return documents.pact(p, pact, serviceStart(p).orElse(null));
    }

    @Transactional(readOnly = true)
    public byte[] timesheetPdf(CurrentUser user, long id) {
        Pathway p = get(user, id);
        return documents.timesheet(p, serviceStart(p).orElse(null));
    }

    /** The printable diary to hand to the worker: the seed's layout, the entries recorded so far, then blank rows. */
    @Transactional(readOnly = true)
    public byte[] diaryPdf(CurrentUser user, long id) {
        Pathway p = get(user, id);
        return documents.diary(p, serviceStart(p).orElse(null));
    }

    // ---- dossier ----

    public DossierDocument upload(CurrentUser user, long id, DocumentKind kind, String title, Upload upload) {
        Pathway p = worked(user, id, "dossier");
        p.requireOpen();
        if (kind == null || !kind.uploadable()) {
            throw new PathwayRefusedException("pathway.dossier.kind.invalid");
        }
        String t = title == null || title.isBlank() ? null : title.strip();
        return dossier.storeUpload(p.getWorkerId(), kind, t == null ? messages.t(titleKey(kind)) : t, upload,
                user.username());
    }

    private static String titleKey(DocumentKind kind) {
        return switch (kind) {
            case PACT_SIGNED -> "pathway.document.pactSigned";
            case TIMESHEET_SIGNED -> "pathway.document.timesheetSigned";
            case IDENTITY_DOCUMENT -> "pathway.document.identity";
            case CV -> "pathway.document.cv";
            default -> "pathway.document.other";
        };
    }
}
