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
import it.ricolloca.requests.RequestRefusedException.FilingRefusedException;
import it.ricolloca.requests.RequestRefusedException.StaleException;
import it.ricolloca.requests.RequestStatus;
import it.ricolloca.requests.VoucherRequest;
import it.ricolloca.requests.VoucherRequestChanged;
import it.ricolloca.requests.VoucherRequestFiled;
import it.ricolloca.requests.VoucherRequestReleased;
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

    private final VoucherRequestRepository requests;
    private final RequestRights rights;
    private final Workers workers;
    private final JobCentres centres;
    private final Parameters parameters;
    private final Dossier documents;
    private final RejectionNoticeLetters letters;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Messages messages;

    @PersistenceContext
    private EntityManager entityManager;

    RequestWorkflow(VoucherRequestRepository requests, RequestRights rights, Workers workers, JobCentres centres,
            Parameters parameters, Dossier documents, RejectionNoticeLetters letters, AuditTrail audit,
            ApplicationEventPublisher events, JdbcClient jdbc, Messages messages) {
        this.messages = messages;
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
        int days = parameters.integer(Parameter.DECISION_DEADLINE_DAYS, today);
        log(request, RequestAction.FILE, null, RequestStatus.REQUESTED, user, today, previous == null
                ? Detail.of("request.event.filed", providerText(provider)).encoded()
                : Detail.of("request.event.filedAfter", previous, providerText(provider)).encoded());
        events.publishEvent(new VoucherRequestFiled(request.getId(), user.centreId(), today,
                RequestChannel.INTERMEDIATED, request.deadline(days)));
        return request.getId();
    }

    public void recordCheck(CurrentUser user, long id, long version, CheckKind kind, CheckOutcome outcome,
            LocalDate checkedOn, String note) {
        if (checkedOn.isAfter(Dates.today())) {
            throw new RequestRefusedException("request.refused.futureDate");
        }
        act(user, id, version, Right.INSTRUCT, RequestAction.CHECK, r -> {
            if (checkedOn.isBefore(r.getRequestDate())) {
                throw new RequestRefusedException("request.refused.beforeRequest", Dates.format(r.getRequestDate()));
            }
            return r.recordCheck(kind, outcome, checkedOn, user.username(), blankToNull(note), Instant.now());
        }, Detail.of("request.event.check", Detail.label(kind.labelKey()), Detail.label(outcome.labelKey()), checkedOn,
                note(note)).encoded());
    }

    public void recordActivePolicyContact(CurrentUser user, long id, long version, LocalDate on, ActivePolicyChoice choice,
            String note) {
        if (on.isAfter(Dates.today())) {
            throw new RequestRefusedException("request.refused.futureDate");
        }
        act(user, id, version, Right.INSTRUCT, RequestAction.ACTIVE_POLICY_CONTACT,
                r -> r.recordActivePolicyContact(on, choice, blankToNull(note)),
                Detail.of("request.event.policyContact", Detail.label(choice.labelKey()), on, note(note)).encoded());
    }

    /** Sends the notice of rejection and stores its PDF letter in the worker's dossier. */
    public void sendRejectionNotice(CurrentUser user, long id, long version, String reasons) {
        LocalDate today = Dates.today();
        int window = parameters.integer(Parameter.OBSERVATION_WINDOW_DAYS, today);
        VoucherRequest request = act(user, id, version, Right.INSTRUCT, RequestAction.REJECTION_NOTICE, r -> r.sendRejectionNotice(reasons,
                today, window, r.deadline(parameters.integer(Parameter.DECISION_DEADLINE_DAYS, r.getRequestDate()))),
                Detail.of("request.event.notice", window, reasons).encoded());
        byte[] pdf = letters.render(request, window);
        long letter = documents.storeGenerated(request.getWorkerId(), DocumentKind.NOTICE_OF_REJECTION_LETTER,
                messages.t("request.document.notice", Dates.format(today)), "preavviso-rigetto-" + request.getId() + ".pdf",
                "application/pdf", pdf, user.username()).id();
        request.attachRejectionNoticeLetter(letter);
    }

    /** Records observations; every attachment is checked before anything is stored. */
    public void recordObservation(CurrentUser user, long id, long version, LocalDate receivedOn, String text,
            List<Upload> attachments) {
        if (receivedOn.isAfter(Dates.today())) {
            throw new RequestRefusedException("request.refused.futureDate");
        }
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

    /** Releases the voucher and tells the provider: {@link VoucherRequestReleased}, after the change. */
    public void release(CurrentUser user, long id, long version, String note) {
        VoucherRequest request = act(user, id, version, Right.DECIDE, RequestAction.RELEASE,
                r -> r.release(Dates.today(), user.username(), blankToNull(note)), note == null ? "" : note);
        Provider provider = request.getProvider();
        events.publishEvent(new VoucherRequestReleased(request.getId(), request.getWorkerId(),
                provider == null || !Provider.CPI.equals(provider.type()) ? null : provider.officeId()));
    }

    public void reject(CurrentUser user, long id, long version, String reasons, String observationsAnswer) {
        act(user, id, version, Right.DECIDE, RequestAction.REJECT,
                r -> r.reject(Dates.today(), user.username(), reasons, blankToNull(observationsAnswer)),
                observationsAnswer == null || observationsAnswer.isBlank() ? reasons
                        : Detail.of("request.event.rejectedAnswering", reasons, observationsAnswer).encoded());
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

    public void changeProvider(CurrentUser user, long id, long version, ProviderChoice choice) {
        Provider provider = provider(choice);
        int allowed = parameters.integer(Parameter.PROVIDER_CHANGES_ALLOWED, Dates.today());
        act(user, id, version, Right.INSTRUCT, RequestAction.CHANGE_PROVIDER, r -> r.changeProvider(provider, allowed),
                Detail.of("request.event.providerChanged", providerText(provider)).encoded());
    }

    private enum Right { INSTRUCT, DECIDE }

    private VoucherRequest act(CurrentUser user, long id, long version, Right right, RequestAction action,
            Function<VoucherRequest, RequestStatus> transition, String note) {
        VoucherRequest request = ActGuard.allowed(requests.findById(id), r -> user.canSeeCentre(r.getCompetentCentreId()),
                r -> right == Right.DECIDE ? rights.canDecide(user, r.getCompetentCentreId())
                        : rights.canInstruct(user, r.getCompetentCentreId()), action.name());
        if (request.getVersion() != version) {
            throw new StaleException();
        }
        RequestStatus from = transition.apply(request);
        // The version goes up at commit whatever changed (a check or an observation only adds a row),
        // so a concurrent act on the same request fails there and nothing of it is saved.
        entityManager.lock(request, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        log(request, action, from, request.getStatus(), user, Dates.today(), note);
        return request;
    }

    private void log(VoucherRequest request, RequestAction action, RequestStatus from, RequestStatus to,
            CurrentUser user, LocalDate on, String note) {
        String text = note == null ? "" : note.length() > 4000 ? note.substring(0, 4000) : note;
        jdbc.sql("""
                insert into requests_event (request_id, occurred_at, effective_on, actor, kind, from_status, to_status, note)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(request.getId(), Timestamp.from(Instant.now()), on, user.username(), action.name(),
                        from == null ? null : from.name(), to.name(), text)
                .update();
        audit.recordAs(user.username(), "REQUEST_" + action.name(), "VoucherRequest", request.getId(),
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
