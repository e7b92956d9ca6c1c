package it.ricolloca.requests.internal;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.audit.AuditTrail;
import it.ricolloca.documents.DocumentKind;
import it.ricolloca.documents.Dossier;
import it.ricolloca.documents.Upload;
import it.ricolloca.network.JobCentres;
import it.ricolloca.network.OfficeSummary;
import it.ricolloca.parameters.Parameter;
import it.ricolloca.parameters.Parameters;
import it.ricolloca.requests.CheckKind;
import it.ricolloca.requests.CheckOutcome;
import it.ricolloca.requests.ActivePolicyChoice;
import it.ricolloca.requests.Provider;
import it.ricolloca.requests.RequestAction;
import it.ricolloca.requests.RequestChannel;
import it.ricolloca.requests.RequestRefusedException;
import it.ricolloca.requests.RequestRefusedException.DateOrderException;
import it.ricolloca.requests.RequestRefusedException.FilingRefusedException;
import it.ricolloca.requests.RequestRefusedException.StaleException;
import it.ricolloca.requests.RequestStatus;
import it.ricolloca.requests.VoucherRequest;
import it.ricolloca.requests.VoucherRequestChanged;
import it.ricolloca.requests.VoucherRequestFiled;
import it.ricolloca.requests.VoucherRequestProviderChanged;
import it.ricolloca.requests.VoucherRequestReleased;
import it.ricolloca.requests.TermRules;
import it.ricolloca.shared.CodiceFiscale;
import it.ricolloca.shared.Detail;
import it.ricolloca.shared.acts.ActGuard;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.Messages;
import it.ricolloca.workers.WorkerSummary;
import it.ricolloca.workers.Workers;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The competent CPI's work on a request, one transaction per act: it checks who may act, that the
 * form was not read before someone else changed the request, applies the transition of
 * {@link VoucherRequest}, writes the request's history and the audit trail, and publishes an
 * event. A lost race between two operators raises {@link StaleException}: one decision wins,
 * nothing of the other is saved.
 */
@Service
@Transactional
public class RequestWorkflow {

    /** Namespace of the advisory lock that serialises filings for one worker. */
    private static final int FILING_LOCK = 4;
    /** The actor of what the system does by itself (a release by silence). */
    public static final String SYSTEM = "sistema";

    private final RequestPeople people;
    private final VoucherRequestRepository requests;
    private final RequestRights rights;
    private final Workers workers;
    private final JobCentres centres;
    private final Parameters parameters;
    private final Dossier documents;
    private final RejectionNoticeLetters letters;
    private final RejectionDecisionLetters decisionLetters;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Messages messages;
    private final RequestTerms terms;

    @PersistenceContext
    private EntityManager entityManager;

    RequestWorkflow(VoucherRequestRepository requests, RequestRights rights, Workers workers, JobCentres centres,
            Parameters parameters, Dossier documents, RejectionNoticeLetters letters, AuditTrail audit,
            ApplicationEventPublisher events, JdbcClient jdbc, Messages messages, RequestTerms terms,
            RejectionDecisionLetters decisionLetters, RequestPeople people) {
        this.people = people;
        this.decisionLetters = decisionLetters;
        this.messages = messages;
        this.terms = terms;
        this.requests = requests;
        this.rights = rights;
        this.workers = workers;
        this.centres = centres;
        this.parameters = parameters;
        this.documents = documents;
        this.letters = letters;
        this.audit = audit;
        this.events = events;
        this.jdbc = jdbc;
    }

    /** The provider chosen in a form: a CPI office by id, or a private agency by name. */
    public record ProviderChoice(String type, Long officeId, String agencyName) {
    }

    /**
     * Files an intermediated request for a worker of the invited sample who has no open request;
     * the user must be the competent CPI's master or an operator delegated for it.
     */
    public long fileIntermediated(CurrentUser user, String taxCode, ProviderChoice choice) {
        ActGuard.require(rights.canFile(user), "intermediated request");
        CodiceFiscale cf = CodiceFiscale.of(taxCode);
        // A worker unknown to the register and one of another CPI get the same answer: a CPI learns nothing
        // of the register beyond its own workers, neither that the code is there nor which CPI holds it.
        WorkerSummary worker = workers.findByTaxCode(cf.value())
                .filter(w -> w.competentCentreId() == null || w.competentCentreId().equals(user.centreId()))
                .orElseThrow(() -> new FilingRefusedException("request.file.notYours", cf.value()));
        if (!workers.isInvited(worker.id())) {
            throw new FilingRefusedException("request.file.notInSample", cf.value());
        }
        Provider provider = provider(choice);
        jdbc.sql("select 1 from (select pg_advisory_xact_lock(?, ?)) l").params(FILING_LOCK, (int) worker.id())
                .query(Integer.class).single();
        List<VoucherRequest> earlier = requests.findByWorker(worker.id());
        LocalDate today = Dates.today();
        for (VoucherRequest r : earlier) {
            if (!r.getStatus().isFinal()) {
                throw new FilingRefusedException("request.file.openExists", cf.value(), Dates.format(r.getRequestDate()));
            }
            if (r.getRequestDate().equals(today)) {
                throw new FilingRefusedException("request.file.sameDay", cf.value());
            }
        }
        Long previous = earlier.isEmpty() ? null : earlier.get(0).getId();
        VoucherRequest request = requests.save(VoucherRequest.file(worker.id(), user.centreId(), today,
                RequestChannel.INTERMEDIATED, provider, user.username(), previous));
        requests.flush();
        people.copy().add(worker.id());
        log(request, RequestAction.FILE, null, RequestStatus.REQUESTED, user.username(), today, previous == null
                ? Detail.of("request.event.filed", providerText(provider)).encoded()
                : Detail.of("request.event.filedAfter", previous, providerText(provider)).encoded());
        events.publishEvent(new VoucherRequestFiled(request.getId(), user.centreId(), today,
                RequestChannel.INTERMEDIATED, request.decisionDeadline(terms.load()).orElseThrow()));
        return request.getId();
    }

    public void recordCheck(CurrentUser user, long id, long version, CheckKind kind, CheckOutcome outcome,
            LocalDate checkedOn, String note) {
        recordCheck(user, id, version, kind, outcome, checkedOn, note, null);
    }

    /**
     * Records a check. For the NASpI check the months of unemployment are computed from
     * {@code unemployedSince} (or, when not given, the NASpI start in the register) and recorded beside
     * the operator's outcome: the computation informs, the operator decides.
     */
    public void recordCheck(CurrentUser user, long id, long version, CheckKind kind, CheckOutcome outcome,
            LocalDate checkedOn, String note, LocalDate unemployedSince) {
        notInFuture(checkedOn);
        if (unemployedSince != null) {
            notInFuture(unemployedSince);
        }
        act(user, id, version, Right.INSTRUCT, RequestAction.CHECK, r -> {
            NaspiMonths months = kind == CheckKind.NASPI ? naspiMonths(r, unemployedSince) : null;
            return r.recordCheck(kind, outcome, checkedOn, user.username(), blankToNull(note), Instant.now(),
                    months == null ? null : months.since(), months == null ? null : months.met());
        }, Detail.of("request.event.check", Detail.label(kind.labelKey()), Detail.label(outcome.labelKey()), checkedOn,
                note(note)).encoded());
    }

    /** One outcome of the one form of the checks, with its note. */
    public record CheckEntry(CheckKind kind, CheckOutcome outcome, String note) {
    }

    /**
     * Records the checks of the one form, all on {@code checkedOn}, all or none: the version is checked once,
     * each check is a transition of the request with its event and its audit record, as one check recorded
     * alone ({@link #recordCheck}). The NASpI check takes its months from {@code unemployedSince} as there.
     */
    public void recordChecks(CurrentUser user, long id, long version, List<CheckEntry> entries, LocalDate checkedOn,
            LocalDate unemployedSince) {
        if (entries.isEmpty()) {
            throw new RequestRefusedException("request.checks.none");
        }
        notInFuture(checkedOn);
        if (unemployedSince != null) {
            notInFuture(unemployedSince);
        }
        VoucherRequest request = guarded(user, id, version, Right.INSTRUCT, RequestAction.CHECK);
        for (CheckEntry e : entries) {
            NaspiMonths months = e.kind() == CheckKind.NASPI ? naspiMonths(request, unemployedSince) : null;
            RequestStatus from = request.recordCheck(e.kind(), e.outcome(), checkedOn, user.username(), blankToNull(e.note()),
                    Instant.now(), months == null ? null : months.since(), months == null ? null : months.met());
            request.refreshTerms(terms.load());
            log(request, RequestAction.CHECK, from, request.getStatus(), user.username(), Dates.today(),
                    Detail.of("request.event.check", Detail.label(e.kind().labelKey()), Detail.label(e.outcome().labelKey()),
                            checkedOn, note(e.note())).encoded());
        }
        entityManager.lock(request, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
    }

    /**
     * The more-than-{@code months} rule of art. 23 c.1 D.Lgs. 150/2015 on the request date: unemployment since
     * {@code since} exceeds the months ({@code NASPI_MIN_MONTHS} in force on the request date) when the request
     * comes after the day {@code since} plus the months. {@code met} is null when the start is unknown.
     */
    public record NaspiMonths(LocalDate since, int months, LocalDate requestDate, Boolean met) {

        /** The last day on which unemployment does not yet exceed the months. */
        public LocalDate reachedOn() {
            return since == null ? null : since.plusMonths(months);
        }
    }

    /** The NASpI months rule for a request: from the start given, or else the register's NASpI start. */
    public NaspiMonths naspiMonths(VoucherRequest request, LocalDate unemployedSince) {
        LocalDate since = unemployedSince != null ? unemployedSince : workers.naspiStart(request.getWorkerId()).orElse(null);
        int months = parameters.integer(Parameter.NASPI_MIN_MONTHS, request.getRequestDate());
        Boolean met = since == null ? null : request.getRequestDate().isAfter(since.plusMonths(months));
        return new NaspiMonths(since, months, request.getRequestDate(), met);
    }

    public void recordActivePolicyContact(CurrentUser user, long id, long version, LocalDate on, ActivePolicyChoice choice,
            String note) {
        notInFuture(on);
        act(user, id, version, Right.INSTRUCT, RequestAction.ACTIVE_POLICY_CONTACT,
                r -> r.recordActivePolicyContact(on, choice, blankToNull(note)),
                Detail.of("request.event.policyContact", Detail.label(choice.labelKey()), on, note(note)).encoded());
    }

    /** Sends the notice of rejection dated today and stores its PDF letter in the worker's dossier. */
    public void sendRejectionNotice(CurrentUser user, long id, long version, String reasons) {
        sendRejectionNotice(user, id, version, Dates.today(), reasons);
    }

    /**
     * Sends the notice of rejection dated {@code on} (not in the future, not before the request nor the
     * failed checks) and stores its PDF letter in the worker's dossier. The window for observations opens
     * when the receipt is recorded ({@link #recordNoticeReceipt}).
     */
    public void sendRejectionNotice(CurrentUser user, long id, long version, LocalDate on, String reasons) {
        notInFuture(on);
        TermRules rules = terms.load();
        int window = rules.observationWindowDays(on);
        VoucherRequest request = act(user, id, version, Right.INSTRUCT, RequestAction.REJECTION_NOTICE,
                r -> r.sendRejectionNotice(reasons, on, rules), Detail.of("request.event.notice", window, reasons).encoded());
        byte[] pdf = letters.render(request, rules);
        long letter = documents.storeGenerated(request.getWorkerId(), DocumentKind.NOTICE_OF_REJECTION_LETTER,
                messages.t("request.document.notice", Dates.format(on)), "preavviso-rigetto-" + request.getId() + ".pdf",
                "application/pdf", pdf, user.username()).id();
        request.attachRejectionNoticeLetter(letter);
    }

    /**
     * The date of a notice of rejection the ministerial list brought without one: until it is recorded,
     * no decision is taken on the request.
     */
    public void recordNoticeDate(CurrentUser user, long id, long version, LocalDate on) {
        notInFuture(on);
        act(user, id, version, Right.INSTRUCT, RequestAction.NOTICE_DATE, r -> r.recordNoticeDate(on, terms.load()),
                Detail.of("request.event.noticeDate", on).encoded());
    }

    /** The day the worker received the notice of rejection: the window for observations counts from it. */
    public void recordNoticeReceipt(CurrentUser user, long id, long version, LocalDate receivedOn) {
        notInFuture(receivedOn);
        act(user, id, version, Right.INSTRUCT, RequestAction.NOTICE_RECEIPT,
                r -> r.recordNoticeReceipt(receivedOn, terms.load()),
                Detail.of("request.event.noticeReceipt", receivedOn).encoded());
    }

    /** Records observations; every attachment is checked before anything is stored. */
    public void recordObservation(CurrentUser user, long id, long version, LocalDate receivedOn, String text,
            List<Upload> attachments) {
        notInFuture(receivedOn);
        attachments.forEach(documents::inspect);
        act(user, id, version, Right.INSTRUCT, RequestAction.OBSERVATION, r -> {
            List<Long> ids = new ArrayList<>();
            for (Upload upload : attachments) {
                ids.add(documents.storeUpload(r.getWorkerId(), DocumentKind.OBSERVATION_ATTACHMENT,
                        messages.t("request.document.observation", Dates.format(receivedOn)), upload, user.username()).id());
            }
            return r.recordObservation(receivedOn, text, user.username(), Instant.now(), ids);
        }, Detail.of("request.event.observation", receivedOn, attachments.size(), text).encoded());
    }

    /**
     * Observations the worker sends from their own pages (ADR 0040): received today, on their own request only
     * (another's does not exist for them), inside the window only; then exactly as the CPI records them, the
     * worker being the actor.
     */
    public void recordObservationByWorker(long workerId, long id, long version, String text, List<Upload> attachments,
            String actor) {
        LocalDate today = Dates.today();
        VoucherRequest request = requests.findById(id).filter(r -> r.getWorkerId() == workerId)
                .orElseThrow(it.ricolloca.shared.NotFoundException::new);
        if (request.getVersion() != version) {
            throw new StaleException();
        }
        if (request.getStatus() != RequestStatus.NOTICE_OF_REJECTION) {
            throw new RequestRefusedException("request.refused.observationsNotOpen");
        }
        if (request.getObservationDeadline() != null && today.isAfter(request.getObservationDeadline())) {
            throw new RequestRefusedException("request.refused.observationWindowClosed",
                    Dates.format(request.getObservationDeadline()));
        }
        attachments.forEach(documents::inspect);
        List<Long> ids = new ArrayList<>();
        for (Upload upload : attachments) {
            ids.add(documents.storeUpload(workerId, DocumentKind.OBSERVATION_ATTACHMENT,
                    messages.t("request.document.observation", Dates.format(today)), upload, actor).id());
        }
        RequestStatus from = request.recordObservation(today, text, actor, Instant.now(), ids);
        request.refreshTerms(terms.load());
        entityManager.lock(request, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        log(request, RequestAction.OBSERVATION, from, request.getStatus(), actor, today,
                Detail.of("request.event.observation", today, attachments.size(), text).encoded());
    }

    /** Releases the voucher and tells the provider: {@link VoucherRequestReleased}, after the change. */
    public void release(CurrentUser user, long id, long version, String note) {
        VoucherRequest request = act(user, id, version, Right.DECIDE, RequestAction.RELEASE,
                r -> r.release(Dates.today(), user.username(), blankToNull(note)), note == null ? "" : note);
        Provider provider = request.getProvider();
        events.publishEvent(new VoucherRequestReleased(request.getId(), request.getWorkerId(),
                provider == null || !Provider.CPI.equals(provider.type()) ? null : provider.officeId()));
    }

    /**
     * Rejects the request and stores in the worker's dossier its decision letter, which answers the
     * observations received (art. 10-bis L. 241/1990).
     */
    public void reject(CurrentUser user, long id, long version, String reasons, String observationsAnswer) {
        VoucherRequest request = act(user, id, version, Right.DECIDE, RequestAction.REJECT,
                r -> r.reject(Dates.today(), user.username(), reasons, blankToNull(observationsAnswer)),
                observationsAnswer == null || observationsAnswer.isBlank() ? reasons
                        : Detail.of("request.event.rejectedAnswering", reasons, observationsAnswer).encoded());
        long letter = documents.storeGenerated(request.getWorkerId(), DocumentKind.REJECTION_DECISION_LETTER,
                messages.t("request.document.decision", Dates.format(request.getDecisionDate())),
                "provvedimento-rigetto-" + request.getId() + ".pdf", "application/pdf", decisionLetters.render(request),
                user.username()).id();
        request.attachRejectionDecisionLetter(letter);
    }

    public void block(CurrentUser user, long id, long version, String reason) {
        act(user, id, version, Right.DECIDE, RequestAction.BLOCK, r -> r.block(Dates.today()), reason);
    }

    public void reenable(CurrentUser user, long id, long version, String reason) {
        act(user, id, version, Right.DECIDE, RequestAction.REENABLE, r -> r.reenable(Dates.today()), reason);
    }

    public void withdraw(CurrentUser user, long id, long version, String reason) {
        act(user, id, version, Right.INSTRUCT, RequestAction.WITHDRAW, r -> r.withdraw(Dates.today()), reason);
    }

    /**
     * The worker's new provider; besides {@link VoucherRequestChanged}, {@link VoucherRequestProviderChanged}
     * carries the previous and the new provider office so that the pathway can move.
     */
    public void changeProvider(CurrentUser user, long id, long version, ProviderChoice choice) {
        Provider provider = provider(choice);
        LocalDate today = Dates.today();
        int allowed = parameters.integer(Parameter.PROVIDER_CHANGES_ALLOWED, today);
        Long[] previous = {null};
        VoucherRequest request = act(user, id, version, Right.INSTRUCT, RequestAction.CHANGE_PROVIDER, r -> {
            Provider before = r.getProvider();
            previous[0] = before == null || !Provider.CPI.equals(before.type()) ? null : before.officeId();
            return r.changeProvider(provider, allowed);
        }, Detail.of("request.event.providerChanged", providerText(provider)).encoded());
        events.publishEvent(new VoucherRequestProviderChanged(request.getId(), request.getWorkerId(),
                request.getCompetentCentreId(), previous[0], Provider.CPI.equals(provider.type()) ? provider.officeId() : null,
                request.getStatus(), today));
    }

    /**
     * Releases the request by silence when {@code SILENCE_MEANS_APPROVAL} is on for its deadline's date and the
     * deadline passed with no notice pending and no decision: the release is dated the day after the deadline,
     * by {@value #SYSTEM}, audited, and tells the provider as any release does. Returns whether it released.
     */
    public boolean releaseIfSilent(long id) {
        VoucherRequest request = requests.findById(id).orElse(null);
        if (request == null || !SILENCE_STATUSES.contains(request.getStatus())) {
            return false;
        }
        LocalDate today = Dates.today();
        LocalDate deadline = request.decisionDeadline(terms.load()).orElse(null);
        if (deadline == null || !deadline.isBefore(today) || !parameters.flag(Parameter.SILENCE_MEANS_APPROVAL, deadline)) {
            return false;
        }
        LocalDate on = deadline.plusDays(1);
        String reasons = messages.t("request.silence.reasons", Dates.format(deadline));
        RequestStatus from = request.releaseBySilence(on, SYSTEM, reasons);
        entityManager.lock(request, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        log(request, RequestAction.SILENCE_RELEASE, from, request.getStatus(), SYSTEM, on,
                Detail.of("request.event.silence", deadline).encoded());
        Provider provider = request.getProvider();
        events.publishEvent(new VoucherRequestReleased(request.getId(), request.getWorkerId(),
                provider == null || !Provider.CPI.equals(provider.type()) ? null : provider.officeId()));
        return true;
    }

    private static final java.util.Set<RequestStatus> SILENCE_STATUSES = java.util.EnumSet.of(RequestStatus.REQUESTED,
            RequestStatus.UNDER_REVIEW, RequestStatus.REENABLED);

    private static void notInFuture(LocalDate on) {
        if (on.isAfter(Dates.today())) {
            throw new DateOrderException("request.refused.futureDate");
        }
    }

    private enum Right { INSTRUCT, DECIDE }

    private VoucherRequest act(CurrentUser user, long id, long version, Right right, RequestAction action,
            Function<VoucherRequest, RequestStatus> transition, String note) {
        VoucherRequest request = guarded(user, id, version, right, action);
        RequestStatus from = transition.apply(request);
        request.refreshTerms(terms.load());
        // The version goes up at commit whatever changed (a check or an observation only adds a row),
        // so a concurrent act on the same request fails there and nothing of it is saved.
        entityManager.lock(request, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        log(request, action, from, request.getStatus(), user.username(), Dates.today(), note);
        return request;
    }

    /** The request, when the user may do the act on it and the form was read at its current version. */
    private VoucherRequest guarded(CurrentUser user, long id, long version, Right right, RequestAction action) {
        VoucherRequest request = ActGuard.allowed(requests.findById(id), r -> user.canSeeCentre(r.getCompetentCentreId()),
                r -> right == Right.DECIDE ? rights.canDecide(user, r.getCompetentCentreId())
                        : rights.canInstruct(user, r.getCompetentCentreId()), action.name());
        if (request.getVersion() != version) {
            throw new StaleException();
        }
        return request;
    }

    private void log(VoucherRequest request, RequestAction action, RequestStatus from, RequestStatus to,
            String actor, LocalDate on, String note) {
        String text = note == null ? "" : note.length() > 4000 ? note.substring(0, 4000) : note;
        jdbc.sql("""
                insert into requests_event (request_id, occurred_at, effective_on, actor, kind, from_status, to_status, note)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(request.getId(), Timestamp.from(Instant.now()), on, actor, action.name(),
                        from == null ? null : from.name(), to.name(), text)
                .update();
        audit.recordAs(actor, "REQUEST_" + action.name(), "VoucherRequest", request.getId(),
                from == null ? Detail.of("request.audit.status", Detail.label(to.labelKey())).encoded()
                        : Detail.of("request.audit.transition", Detail.label(from.labelKey()), Detail.label(to.labelKey())).encoded());
        events.publishEvent(new VoucherRequestChanged(request.getId(), request.getWorkerId(),
                request.getCompetentCentreId(), action, from, to));
    }

    private Provider provider(ProviderChoice choice) {
        if (choice == null || choice.type() == null) {
            throw new RequestRefusedException("request.provider.required");
        }
        if (Provider.CPI.equals(choice.type())) {
            OfficeSummary office = choice.officeId() == null ? null : centres.office(choice.officeId()).orElse(null);
            if (office == null) {
                throw new RequestRefusedException("request.provider.officeRequired");
            }
            return Provider.office(office.id(), office.centreName(), office.name());
        }
        if (Provider.PRIVATE.equals(choice.type())) {
            String name = choice.agencyName() == null ? "" : choice.agencyName().strip();
            if (name.isEmpty() || name.length() > 200) {
                throw new RequestRefusedException("request.provider.agencyRequired");
            }
            return Provider.agency(name);
        }
        throw new RequestRefusedException("request.provider.required");
    }

    private static String note(String note) {
        return note == null || note.isBlank() ? "" : note.strip();
    }

    private static String providerText(Provider provider) {
        return provider.office() == null ? provider.name() : provider.name() + " – " + provider.office();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
