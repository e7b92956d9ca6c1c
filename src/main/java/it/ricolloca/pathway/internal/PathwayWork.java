package it.ricolloca.pathway.internal;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.Role;
import it.ricolloca.accounts.StaffDirectory;
import it.ricolloca.accounts.StaffMember;
import it.ricolloca.agenda.Agenda;
import it.ricolloca.agenda.Appointment;
import it.ricolloca.agenda.AppointmentPurpose;
import it.ricolloca.audit.AuditTrail;
import it.ricolloca.documents.DocumentKind;
import it.ricolloca.documents.Dossier;
import it.ricolloca.documents.DossierDocument;
import it.ricolloca.documents.Upload;
import it.ricolloca.network.JobCentres;
import it.ricolloca.network.OfficeSummary;
import it.ricolloca.parameters.Parameter;
import it.ricolloca.parameters.Parameters;
import it.ricolloca.pathway.PathwayClosed;
import it.ricolloca.pathway.SearchPact;
import it.ricolloca.pathway.PactAction;
import it.ricolloca.pathway.PactStatus;
import it.ricolloca.pathway.ContractType;
import it.ricolloca.pathway.DiaryAction;
import it.ricolloca.pathway.DiaryEntry;
import it.ricolloca.pathway.Meeting;
import it.ricolloca.pathway.MeetingStatus;
import it.ricolloca.pathway.Pathway;
import it.ricolloca.pathway.PathwayOutcome;
import it.ricolloca.pathway.PathwayRefusedException;
import it.ricolloca.pathway.ServiceTimesheetActivity;
import it.ricolloca.requests.ReleasedRequest;
import it.ricolloca.shared.NotFoundException;
import it.ricolloca.shared.web.Dates;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The provider CPI's work on a worker's pathway, one transaction per act: taking the released
 * request in charge with the first appointment, naming the tutor, drafting, signing and amending
 * the pact, filling and signing the timesheet, keeping the dossier. Only the provider CPI's staff
 * act (tutors included); the regional agency reads. Every act is audited.
 */
@Service
@Transactional
public class PathwayWork {

    private final PathwayRepository pathways;
    private final SearchPactRepository pacts;
    private final HandoffQueue released;
    private final Agenda agenda;
    private final JobCentres centres;
    private final StaffDirectory staff;
    private final Parameters parameters;
    private final Dossier dossier;
    private final PathwayDocuments documents;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    @jakarta.persistence.PersistenceContext
    private jakarta.persistence.EntityManager entityManager;

    PathwayWork(PathwayRepository pathways, SearchPactRepository pacts, HandoffQueue released, Agenda agenda,
            JobCentres centres, StaffDirectory staff, Parameters parameters, Dossier dossier, PathwayDocuments documents,
            AuditTrail audit, JdbcClient jdbc, ApplicationEventPublisher events) {
        this.pathways = pathways;
        this.pacts = pacts;
        this.released = released;
        this.agenda = agenda;
        this.centres = centres;
        this.staff = staff;
        this.parameters = parameters;
        this.dossier = dossier;
        this.documents = documents;
        this.audit = audit;
        this.jdbc = jdbc;
        this.events = events;
    }

    /** A released request waiting for its first appointment, with the office the worker chose. */
    public record QueueItem(ReleasedRequest request, OfficeSummary office) {
    }

    // ---- the queue "to schedule" and the first appointment ----

    /** The released requests at the user's CPI offices (every CPI for the region) without a first appointment. */
    @Transactional(readOnly = true)
    public List<QueueItem> queue(CurrentUser user) {
        var offices = centres.offices().stream().filter(o -> user.canSeeCasesOf(o.centreId()))
                .collect(java.util.stream.Collectors.toMap(OfficeSummary::id, o -> o));
        List<ReleasedRequest> candidates = released.atOffices(offices.keySet());
        Set<Long> scheduled = agenda.withFirstAppointment(candidates.stream().map(ReleasedRequest::requestId).toList());
        return candidates.stream().filter(r -> !scheduled.contains(r.requestId()))
                .map(r -> new QueueItem(r, offices.get(r.providerOfficeId()))).toList();
    }

    @Transactional(readOnly = true)
    public QueueItem queued(CurrentUser user, long requestId) {
        ReleasedRequest request = released.find(requestId).orElseThrow(NotFoundException::new);
        OfficeSummary office = centres.office(request.providerOfficeId()).filter(o -> user.canSeeCasesOf(o.centreId()))
                .orElseThrow(NotFoundException::new);
        return new QueueItem(request, office);
    }

    /** Books the first appointment in a slot of the chosen office (or by contact where it has no agenda). */
    public long bookFirstAppointment(CurrentUser user, long requestId, ZonedDateTime start, Integer contactMinutes,
            String contactNote, String pastJustification) {
        QueueItem item = queued(user, requestId);
        requireStaff(user, item.office().centreId());
        if (!agenda.withFirstAppointment(List.of(requestId)).isEmpty()) {
            throw new PathwayRefusedException("pathway.first.alreadyBooked");
        }
        Pathway pathway = pathways.findByRequestId(requestId).orElseGet(() -> pathways.saveAndFlush(new Pathway(requestId,
                item.request().workerId(), item.office().centreId(), item.office().id(), Instant.now())));
        if (contactMinutes == null) {
            agenda.bookSlot(user, item.office().id(), item.request().workerId(), requestId, AppointmentPurpose.FIRST, start,
                    pastJustification);
        } else {
            agenda.bookByContact(user, item.office().id(), item.request().workerId(), requestId, AppointmentPurpose.FIRST,
                    start, contactMinutes, contactNote, pastJustification);
        }
        if (pathway.getTutorUserId() == null && user.hasRole(Role.CPI_TUTOR)) {
            assign(user, pathway, user.id(), "presa in carico al primo appuntamento");
        }
        audit.recordAs(user.username(), "PATHWAY_FIRST_APPOINTMENT", "Pathway", pathway.getId(),
                "richiesta " + requestId + ", " + Dates.format(start.toInstant()));
        return pathway.getId();
    }

    // ---- reading ----

    /** The pathway, if the user may see it (the provider CPI's case staff, the region's); 404 otherwise. */
    @Transactional(readOnly = true)
    public Pathway get(CurrentUser user, long id) {
        Pathway p = pathways.findById(id).filter(x -> user.canSeeCasesOf(x.getCentreId())).orElseThrow(NotFoundException::new);
        p.getTimesheet();
        p.getSuspensions();
        p.getMeetings();
        p.getDiary();
        return p;
    }

    /** The day the service started: the first appointment held (recorded on the pathway when it was held). */
    public Optional<LocalDate> serviceStart(Pathway p) {
        return Optional.ofNullable(p.getStartedOn());
    }

    /** Starts the pathway when its first appointment is recorded held, in the same transaction. */
    @org.springframework.context.event.EventListener
    void on(it.ricolloca.agenda.AppointmentChanged changed) {
        if (changed.requestId() != null && changed.purpose() == AppointmentPurpose.FIRST
                && changed.status() == it.ricolloca.agenda.AppointmentStatus.HELD) {
            pathways.findByRequestId(changed.requestId())
                    .ifPresent(p -> p.start(changed.startsAt().atZone(Dates.ZONE).toLocalDate()));
        }
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
        return isStaff(user, p.getCentreId());
    }

    public boolean canAssignTutor(CurrentUser user, Pathway p) {
        return user.centreId() != null && user.centreId() == p.getCentreId()
                && (user.hasRole(Role.CPI_MASTER) || user.hasRole(Role.CPI_OPERATOR));
    }

    // ---- tutor ----

    public void assignTutor(CurrentUser user, long id, long version, long tutorId, String reason) {
        Pathway p = changeable(user, id, version);
        if (!canAssignTutor(user, p)) {
            throw new AccessDeniedException("tutor");
        }
        assign(user, p, tutorId, reason);
    }

    private void assign(CurrentUser user, Pathway p, long tutorId, String reason) {
        StaffMember tutor = staff.find(tutorId, p.getCentreId(), Role.CPI_TUTOR)
                .orElseThrow(() -> new PathwayRefusedException("pathway.tutor.notATutor"));
        Long previous = p.assignTutor(tutor.id(), reason);
        jdbc.sql("""
                insert into pathway_tutor_assignment (pathway_id, tutor_user_id, assigned_on, reason, assigned_by, assigned_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(p.getId(), tutor.id(), Dates.today(), reason == null || reason.isBlank() ? null : reason.strip(),
                        user.username(), Timestamp.from(Instant.now()))
                .update();
        touch(p);
        audit.recordAs(user.username(), "PATHWAY_TUTOR_ASSIGNED", "Pathway", p.getId(),
                "utente " + tutor.id() + (previous == null ? "" : " al posto dell'utente " + previous));
    }

    // ---- pact ----

    /** Saves the draft (creating version 1 when there is none yet). */
    public SearchPact saveDraft(CurrentUser user, long id, long version, List<PactAction> actions, String nextAppointments) {
        Pathway p = changeable(user, id, version);
        requireWorker(user, p);
        if (actions.isEmpty()) {
            throw new PathwayRefusedException("pathway.pact.noActions");
        }
        List<SearchPact> all = pacts(p);
        SearchPact draft;
        if (all.isEmpty()) {
            draft = pacts.save(SearchPact.draft(p.getId(), 1, actions, nextAppointments, user.username(), Instant.now()));
        } else if (all.get(0).getStatus() == PactStatus.DRAFT) {
            draft = all.get(0);
            draft.revise(actions, nextAppointments);
        } else {
            throw new PathwayRefusedException("pathway.pact.signedIsFinal", all.get(0).getVersionNo());
        }
        touch(p);
        audit.recordAs(user.username(), "PATHWAY_PACT_DRAFTED", "Pathway", p.getId(),
                "versione " + draft.getVersionNo() + ", " + actions.size() + " azioni");
        return draft;
    }

    /** Drafts the next version of a signed pact, with the same actions, to amend it. */
    public SearchPact amend(CurrentUser user, long id, long version) {
        Pathway p = changeable(user, id, version);
        requireWorker(user, p);
        List<SearchPact> all = pacts(p);
        if (all.isEmpty()) {
            throw new PathwayRefusedException("pathway.pact.amendOnlySigned");
        }
        SearchPact next = pacts.save(all.get(0).amend(user.username(), Instant.now()));
        touch(p);
        audit.recordAs(user.username(), "PATHWAY_PACT_AMENDED", "Pathway", p.getId(), "nuova versione " + next.getVersionNo());
        return next;
    }

    /**
     * Signs the draft on a date within {@code PACT_WITHIN_DAYS} of the first appointment held,
     * keeps its PDF in the dossier, supersedes the version before, and signs the timesheet with the
     * first pact.
     */
    public void sign(CurrentUser user, long id, long version, LocalDate on) {
        Pathway p = changeable(user, id, version);
        requireWorker(user, p);
        List<SearchPact> all = pacts(p);
        if (all.isEmpty() || all.get(0).getStatus() != PactStatus.DRAFT) {
            throw new PathwayRefusedException("pathway.pact.noDraft");
        }
        SearchPact draft = all.get(0);
        LocalDate start = serviceStart(p).orElse(null);
        int within = start == null ? 0 : parameters.integer(Parameter.PACT_WITHIN_DAYS, start);
        draft.sign(on, start, within, Dates.today());
        all.stream().skip(1).filter(x -> x.getStatus() == PactStatus.SIGNED).forEach(SearchPact::supersede);
        DossierDocument pdf = dossier.storeGenerated(p.getWorkerId(), DocumentKind.PACT,
                "Patto di ricerca intensiva", "patto-v" + draft.getVersionNo() + ".pdf", "application/pdf",
                documents.pact(p, draft, start), user.username());
        draft.attachDocument(pdf.id());
        if (p.getTimesheetSignedOn() == null) {
            p.signTimesheet(on);
            dossier.storeGenerated(p.getWorkerId(), DocumentKind.TIMESHEET, "Timesheet Fee4Service", "timesheet.pdf",
                    "application/pdf", documents.timesheet(p, start), user.username());
        }
        touch(p);
        audit.recordAs(user.username(), "PATHWAY_PACT_SIGNED", "Pathway", p.getId(),
                "versione " + draft.getVersionNo() + " firmata il " + Dates.format(on));
    }

    /** Keeps the scanned signed copy of the latest signed pact in the dossier. */
    public void uploadSignedCopy(CurrentUser user, long id, long version, Upload upload) {
        Pathway p = changeable(user, id, version);
        requireWorker(user, p);
        SearchPact signed = pacts(p).stream().filter(x -> x.getStatus() == PactStatus.SIGNED).findFirst()
                .orElseThrow(() -> new PathwayRefusedException("pathway.pact.notSigned"));
        DossierDocument copy = dossier.storeUpload(p.getWorkerId(), DocumentKind.PACT_SIGNED,
                "Patto di ricerca intensiva firmato", upload, user.username());
        signed.attachSignedCopy(copy.id());
        touch(p);
        audit.recordAs(user.username(), "PATHWAY_PACT_SIGNED_COPY", "Pathway", p.getId(),
                "versione " + signed.getVersionNo() + ": documento " + copy.id());
    }

    /** The PDF of a pact version (a draft is rendered as such, to print and sign). */
    @Transactional(readOnly = true)
    public byte[] pactPdf(CurrentUser user, long id, int versionNo) {
        Pathway p = get(user, id);
        SearchPact pact = pacts(p).stream().filter(x -> x.getVersionNo() == versionNo).findFirst()
                .orElseThrow(NotFoundException::new);
        return documents.pact(p, pact, serviceStart(p).orElse(null));
    }

    // ---- timesheet ----

    public void addHours(CurrentUser user, long id, long version, ServiceTimesheetActivity activity, LocalDate on,
            BigDecimal hours, String note) {
        Pathway p = changeable(user, id, version);
        requireWorker(user, p);
        p.addHours(activity, on, hours, note, serviceStart(p).orElse(null), Dates.today(), user.username(), Instant.now());
        touch(p);
        audit.recordAs(user.username(), "PATHWAY_TIMESHEET_HOURS", "Pathway", p.getId(),
                activity.name() + " " + Dates.format(on) + " " + hours + " h");
    }

    public void removeHours(CurrentUser user, long id, long version, long entryId) {
        Pathway p = changeable(user, id, version);
        requireWorker(user, p);
        p.removeHours(entryId);
        touch(p);
        audit.recordAs(user.username(), "PATHWAY_TIMESHEET_REMOVED", "Pathway", p.getId(), "voce " + entryId);
    }

    @Transactional(readOnly = true)
    public byte[] timesheetPdf(CurrentUser user, long id) {
        Pathway p = get(user, id);
        return documents.timesheet(p, serviceStart(p).orElse(null));
    }

    // ---- the six months: extension, suspension, closing, meetings ----

    /** Extends the service once, by {@code EXTENSION_MONTHS} in force today. */
    public void extend(CurrentUser user, long id, long version, String reason) {
        Pathway p = changeable(user, id, version);
        int months = parameters.integer(Parameter.EXTENSION_MONTHS, Dates.today());
        p.extend(Dates.today(), months, reason);
        touch(p);
        audit.recordAs(user.username(), "PATHWAY_EXTENDED", "Pathway", p.getId(), months + " mesi");
    }

    public void suspend(CurrentUser user, long id, long version, LocalDate on, ContractType contract, String employer,
            String note) {
        Pathway p = changeable(user, id, version);
        p.suspend(on, contract, employer, note, user.username(), Dates.today());
        touch(p);
        audit.recordAs(user.username(), "PATHWAY_SUSPENDED", "Pathway", p.getId(),
                "dal " + Dates.format(on) + ", " + contract);
    }

    /** Resumes within {@code SUSPENSION_RESUME_WITHIN_MONTHS} (in force on the suspension's date) of the hiring. */
    public void resume(CurrentUser user, long id, long version, LocalDate on) {
        Pathway p = changeable(user, id, version);
        LocalDate suspendedOn = p.getSuspensions().stream().filter(it.ricolloca.pathway.Suspension::isOpen)
                .map(it.ricolloca.pathway.Suspension::getSuspendedOn).findFirst()
                .orElseThrow(() -> new PathwayRefusedException("pathway.resume.notSuspended"));
        p.resume(on, parameters.integer(Parameter.SUSPENSION_RESUME_WITHIN_MONTHS, suspendedOn), Dates.today());
        touch(p);
        audit.recordAs(user.username(), "PATHWAY_RESUMED", "Pathway", p.getId(), "dal " + Dates.format(on));
    }

    public void close(CurrentUser user, long id, long version, PathwayOutcome outcome, LocalDate on, String note,
            Pathway.Hire hire) {
        Pathway p = changeable(user, id, version);
        p.close(outcome, on, note, hire, Dates.today());
        touch(p);
        audit.recordAs(user.username(), "PATHWAY_CLOSED", "Pathway", p.getId(), outcome + " il " + Dates.format(on)
                + (hire == null ? "" : ", " + hire.contract()));
        events.publishEvent(new PathwayClosed(p.getId(), p.getRequestId(), p.getWorkerId(),
                p.getCentreId(), p.getOfficeId(), p.getOutcome(), p.getClosedOn(), p.getHireContract(), p.getHireStart(),
                p.getHireDurationMonths(), p.totalHours(), p.getTimesheetSignedOn(), user.username()));
    }

    public Meeting recordMeeting(CurrentUser user, long id, long version, LocalDate on, java.time.LocalTime from,
            java.time.LocalTime to, MeetingStatus status, String topics, String actionsAgreed, LocalDate next) {
        Pathway p = changeable(user, id, version);
        Meeting m = p.recordMeeting(on, from, to, status, topics, actionsAgreed, next, user.username(), Instant.now(),
                Dates.today());
        touch(p);
        audit.recordAs(user.username(), "PATHWAY_MEETING", "Pathway", p.getId(),
                status + " " + Dates.format(on) + " " + from + "–" + to);
        return m;
    }

    public void addDiaryEntry(CurrentUser user, long id, long version, DiaryAction action, LocalDate on, String how,
            String company, String profile, String outcome, DiaryEntry.Source source) {
        Pathway p = changeable(user, id, version);
        p.addDiaryEntry(action, on, how, company, profile, outcome, source, user.username(), Instant.now(), Dates.today());
        touch(p);
        audit.recordAs(user.username(), "PATHWAY_DIARY_ENTRY", "Pathway", p.getId(), action + " " + Dates.format(on));
    }

    public void reviewDiaryEntry(CurrentUser user, long id, long version, long entryId, long meetingId) {
        Pathway p = changeable(user, id, version);
        p.reviewDiaryEntry(entryId, meetingId);
        touch(p);
        audit.recordAs(user.username(), "PATHWAY_DIARY_REVIEWED", "Pathway", p.getId(),
                "voce " + entryId + " nell'incontro " + meetingId);
    }

    /** The printable diary to hand to the worker: the seed's layout and example rows, then blank rows. */
    @Transactional(readOnly = true)
    public byte[] diaryPdf(CurrentUser user, long id) {
        Pathway p = get(user, id);
        return documents.diary(p, serviceStart(p).orElse(null));
    }

    /** The planned end with the service months in force on the start date. */
    public Optional<LocalDate> plannedEnd(Pathway p) {
        return p.getStartedOn() == null ? Optional.empty()
                : Optional.of(p.plannedEnd(parameters.integer(Parameter.SERVICE_MONTHS, p.getStartedOn()), Dates.today()));
    }

    // ---- dossier ----

    public DossierDocument upload(CurrentUser user, long id, DocumentKind kind, String title, Upload upload) {
        Pathway p = get(user, id);
        requireWorker(user, p);
        p.requireOpen();
        if (!kind.uploadable()) {
            throw new PathwayRefusedException("pathway.dossier.kind.invalid");
        }
        String t = title == null || title.isBlank() ? null : title.strip();
        return dossier.storeUpload(p.getWorkerId(), kind, t == null ? kindTitle(kind) : t, upload, user.username());
    }

    private static String kindTitle(DocumentKind kind) {
        return switch (kind) {
            case PACT_SIGNED -> "Patto di ricerca intensiva firmato";
            case TIMESHEET_SIGNED -> "Timesheet Fee4Service firmato";
            case IDENTITY_DOCUMENT -> "Documento di identità";
            case CV -> "Curriculum vitae";
            default -> "Documento";
        };
    }

    // ---- helpers ----

    /** The version goes up at commit whatever changed (a pact, an assignment row), so a concurrent act fails. */
    private void touch(Pathway p) {
        entityManager.lock(p, jakarta.persistence.LockModeType.OPTIMISTIC_FORCE_INCREMENT);
    }

    private Pathway changeable(CurrentUser user, long id, long version) {
        Pathway p = pathways.findById(id).filter(x -> user.canSeeCentre(x.getCentreId())).orElseThrow(NotFoundException::new);
        if (!canWork(user, p)) {
            throw new AccessDeniedException("pathway");
        }
        if (p.getVersion() != version) {
            throw new PathwayRefusedException("pathway.stale");
        }
        p.requireOpen();
        return p;
    }

    private void requireWorker(CurrentUser user, Pathway p) {
        if (!canWork(user, p)) {
            throw new AccessDeniedException("pathway");
        }
    }

    private void requireStaff(CurrentUser user, long centreId) {
        if (!isStaff(user, centreId)) {
            throw new AccessDeniedException("pathway");
        }
    }

    private static boolean isStaff(CurrentUser user, long centreId) {
        return user.centreId() != null && user.centreId() == centreId && (user.hasRole(Role.CPI_MASTER)
                || user.hasRole(Role.CPI_OPERATOR) || user.hasRole(Role.CPI_TUTOR));
    }
}
