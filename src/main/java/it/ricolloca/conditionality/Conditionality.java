package it.ricolloca.conditionality;

import java.util.function.Function;
import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.audit.AuditTrail;
import it.ricolloca.conditionality.internal.BreachRepository;
import it.ricolloca.conditionality.internal.ConditionalityRights;
import it.ricolloca.parameters.Parameter;
import it.ricolloca.parameters.Parameters;
import it.ricolloca.shared.Detail;
import it.ricolloca.shared.CodiceFiscale;
import it.ricolloca.shared.NotFoundException;
import it.ricolloca.shared.acts.ActGuard;
import it.ricolloca.shared.tabular.TabularWriter;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.workers.WorkerSummary;
import it.ricolloca.workers.Workers;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Breaches and their decisions. A provider CPI reports a breach of a worker it serves; the
 * competent CPI (the worker's) records the justification and decides: its master user or an
 * operator holding the conditionality delegation. The proposed sanction counts the worker's
 * earlier sanctioned breaches on the same ladder.
 */
@Service
@Transactional
public class Conditionality {

    private final BreachRepository breaches;
    private final Workers workers;
    private final Parameters parameters;
    private final ConditionalityRights rights;
    private final AuditTrail audit;

    Conditionality(BreachRepository breaches, Workers workers, Parameters parameters, ConditionalityRights rights,
            AuditTrail audit) {
        this.breaches = breaches;
        this.workers = workers;
        this.parameters = parameters;
        this.rights = rights;
        this.audit = audit;
    }

    /** A breach reported by the provider of a worker's pathway (the caller checked the provider's rights). */
    public Breach reportFromProvider(String actor, long workerId, Long requestId, String provider, BreachKind kind,
            LocalDate occurredOn, String evidence) {
        WorkerSummary worker = workers.find(workerId).orElseThrow(NotFoundException::new);
        if (worker.competentCentreId() == null) {
            throw new ConditionalityRefusedException("conditionality.noCompetentCentre");
        }
        return save(actor, Breach.report(workerId, requestId, worker.competentCentreId(), provider, kind, occurredOn,
                evidence, actor, Dates.today(), parameters.integer(Parameter.BREACH_JUSTIFICATION_DAYS, Dates.today())));
    }

    /** A private provider's report, entered by the competent CPI for one of its workers. */
    public Breach reportForPrivateProvider(CurrentUser user, String taxCode, String provider, BreachKind kind,
            LocalDate occurredOn, String evidence) {
        requireReporter(user);
        CodiceFiscale cf = CodiceFiscale.of(taxCode);
        WorkerSummary worker = workers.findByTaxCode(cf.value())
                .filter(w -> w.competentCentreId() != null && w.competentCentreId().equals(user.centreId()))
                .orElseThrow(() -> new ConditionalityRefusedException("conditionality.notOurWorker", cf.value()));
        return save(user.username(), Breach.report(worker.id(), null, user.centreId(), provider, kind, occurredOn,
                evidence, user.username(), Dates.today(),
                parameters.integer(Parameter.BREACH_JUSTIFICATION_DAYS, Dates.today())));
    }

    @Transactional(readOnly = true)
    public Page<Breach> queue(CurrentUser user, int page, int size) {
        return breaches.queue(user.caseScopeCentreId(), PageRequest.of(page, size));
    }

    @Transactional(readOnly = true)
    public Breach get(CurrentUser user, long id) {
        return ActGuard.visible(breaches.findById(id), b -> rights.canSee(user, b.getCompetentCentreId()));
    }

    /** Refuses (403) a user who may not report breaches for their CPI's workers. */
    public void requireReporter(CurrentUser user) {
        ActGuard.require(canReport(user), "conditionality");
    }

    /** The breach, if the user may record its justification (404 or 403 otherwise). */
    @Transactional(readOnly = true)
    public Breach forJustification(CurrentUser user, long id) {
        return ActGuard.allowed(breaches.findById(id), b -> rights.canSee(user, b.getCompetentCentreId()),
                b -> rights.canInstruct(user, b.getCompetentCentreId()), "conditionality");
    }

    /** The breach, if the user may decide on it (404 or 403 otherwise). */
    @Transactional(readOnly = true)
    public Breach forDecision(CurrentUser user, long id) {
        return ActGuard.allowed(breaches.findById(id), b -> rights.canSee(user, b.getCompetentCentreId()),
                b -> rights.canDecide(user, b.getCompetentCentreId()), "conditionality");
    }

    /** The sanction the ladder proposes now, counting the worker's earlier sanctioned breaches on it. */
    @Transactional(readOnly = true)
    public Sanction proposal(Breach breach) {
        List<BreachKind> sameLadder = Arrays.stream(BreachKind.values())
                .filter(k -> k.ladder() == breach.getKind().ladder()).toList();
        long earlier = breaches.countByWorkerIdAndKindInAndStatus(breach.getWorkerId(), sameLadder, BreachStatus.SANCTIONED);
        return breach.getKind().ladder().proposal((int) earlier);
    }

    public void recordJustification(CurrentUser user, long id, Long version, String text, LocalDate receivedOn) {
        Breach b = changeable(user, id, version, false);
        b.recordJustification(text, receivedOn, Dates.today());
        audit.recordAs(user.username(), "BREACH_JUSTIFICATION", "Breach", id, Detail.of("audit.detail.justification", receivedOn).encoded());
    }

    public void acceptJustification(CurrentUser user, long id, Long version, String reason) {
        Breach b = changeable(user, id, version, true);
        b.acceptJustification(reason, user.username(), Dates.today());
        audit.recordAs(user.username(), "BREACH_JUSTIFIED", "Breach", id, "");
    }

    public void applySanction(CurrentUser user, long id, Long version, Sanction chosen, String reason) {
        Breach b = changeable(user, id, version, true);
        Sanction proposed = proposal(b);
        b.applySanction(proposed, chosen, reason, user.username(), Dates.today());
        audit.recordAs(user.username(), "BREACH_SANCTIONED", "Breach", id, (chosen == proposed
                ? Detail.of("audit.detail.sanction", Detail.label(chosen.labelKey()))
                : Detail.of("audit.detail.sanctionInstead", Detail.label(chosen.labelKey()), Detail.label(proposed.labelKey())))
                .encoded());
    }

    public boolean canReport(CurrentUser user) {
        return rights.canReport(user);
    }

    public boolean canInstruct(CurrentUser user, long centreId) {
        return rights.canInstruct(user, centreId);
    }

    public boolean canDecide(CurrentUser user, long centreId) {
        return rights.canDecide(user, centreId);
    }

    /**
     * The decisions of the user's CPI (every CPI for the region) between two dates, as CSV for the
     * benefit authority: one line per decided breach, formulas neutralised.
     */
    @Transactional(readOnly = true)
    public String decisionsCsv(CurrentUser user, LocalDate from, LocalDate to,
            Function<String, String> label) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeDecisions(user, from, to, label, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** As {@link #decisionsCsv}, written to {@code out}. */
    @Transactional(readOnly = true)
    public void writeDecisions(CurrentUser user, LocalDate from, LocalDate to, Function<String, String> label,
            OutputStream out) {
        try (TabularWriter csv = TabularWriter.csv(out)) {
            csv.header(List.of("codice_fiscale", "inadempienza", "data_evento", "esito", "sanzione", "sanzione_proposta",
                    "data_decisione", "motivazione", "cpi_competente"));
            List<Breach> decided = breaches.decided(user.caseScopeCentreId(), from, to);
            Map<Long, WorkerSummary> people = workers.summaries(decided.stream().map(Breach::getWorkerId).toList());
            for (Breach b : decided) {
                String cf = people.containsKey(b.getWorkerId()) ? people.get(b.getWorkerId()).taxCode() : "";
                csv.row(cf, label.apply(b.getKind().labelKey()), b.getOccurredOn(), label.apply(b.getStatus().labelKey()),
                        b.getSanction() == null ? null : b.getSanction().name(),
                        b.getProposedSanction() == null ? null : b.getProposedSanction().name(), b.getDecidedOn(),
                        b.getDecisionReason(), b.getCompetentCentreId());
            }
        }
    }

    private Breach changeable(CurrentUser user, long id, Long version, boolean decision) {
        return ActGuard.act(breaches.findById(id), b -> rights.canSee(user, b.getCompetentCentreId()),
                b -> decision ? rights.canDecide(user, b.getCompetentCentreId())
                        : rights.canInstruct(user, b.getCompetentCentreId()),
                Breach::getVersion, version, "conditionality");
    }

    private Breach save(String actor, Breach breach) {
        Breach saved = breaches.save(breach);
        audit.recordAs(actor, "BREACH_REPORTED", "Breach", saved.getId(), Detail.of("audit.detail.breach",
                Detail.label(saved.getKind().labelKey()), saved.getOccurredOn(), saved.getWorkerId()).encoded());
        return saved;
    }
}
