package it.ricolloca.conditionality;

import java.util.function.Function;
import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.audit.AuditTrail;
import it.ricolloca.conditionality.internal.BreachRepository;
import it.ricolloca.conditionality.internal.ConditionalityRights;
import it.ricolloca.conditionality.internal.SuitabilityFindingRepository;
import it.ricolloca.network.CentreSummary;
import it.ricolloca.network.JobCentres;
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
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
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
    private final SuitabilityFindingRepository findings;
    private final JobCentres centres;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;

    Conditionality(BreachRepository breaches, Workers workers, Parameters parameters, ConditionalityRights rights,
            AuditTrail audit, SuitabilityFindingRepository findings, JobCentres centres,
            ApplicationEventPublisher events, JdbcClient jdbc) {
        this.breaches = breaches;
        this.workers = workers;
        this.parameters = parameters;
        this.rights = rights;
        this.audit = audit;
        this.findings = findings;
        this.centres = centres;
        this.events = events;
        this.jdbc = jdbc;
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
        return queue(user, null, page, size);
    }

    /** As above, only the breaches in {@code status} when given (the home page links to those to decide). */
    @Transactional(readOnly = true)
    public Page<Breach> queue(CurrentUser user, BreachStatus status, int page, int size) {
        return breaches.queue(user.caseScopeCentreId(), status, PageRequest.of(page, size));
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

    /**
     * The sanction the ladder proposes now, counting the worker's earlier sanctioned breaches on it;
     * none ({@code null}) once decadenza was decided for the worker: the ladder stops there.
     */
    @Transactional(readOnly = true)
    public Sanction proposal(Breach breach) {
        if (decadenza(breach.getWorkerId()).isPresent()) {
            return null;
        }
        Ladder ladder = breach.getKind().ladder();
        return ladder.proposal(breaches.countByWorkerIdAndKindInAndStatus(breach.getWorkerId(), ladder.kinds(),
                BreachStatus.SANCTIONED));
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

    /** The breach on which decadenza was decided for the worker, if it was. */
    @Transactional(readOnly = true)
    public Optional<Breach> decadenza(long workerId) {
        return breaches.findFirstByWorkerIdAndStatusAndSanctionOrderByDecidedOnAscIdAsc(workerId,
                BreachStatus.SANCTIONED, Sanction.LOSS_OF_BENEFIT);
    }

    /**
     * Applies a sanction. Once decadenza is decided for the worker no sanction applies (refused);
     * a decadenza for a refused offer needs a saved finding that the offer was suitable (refused
     * otherwise). A decadenza updates the worker's register record and is announced as
     * {@link DecadenzaDecided}: the worker's open pathway closes.
     */
    public void applySanction(CurrentUser user, long id, Long version, Sanction chosen, String reason) {
        Breach b = changeable(user, id, version, true);
        Sanction proposed = proposal(b);
        if (proposed == null && b.getStatus() == BreachStatus.REPORTED) {
            Breach earlier = decadenza(b.getWorkerId()).orElseThrow();
            throw new ConditionalityRefusedException("conditionality.afterDecadenza", Dates.format(earlier.getDecidedOn()));
        }
        b.applySanction(proposed, chosen, reason, user.username(), Dates.today(),
                findings.findFirstByBreachIdOrderByIdDesc(id).orElse(null));
        audit.recordAs(user.username(), "BREACH_SANCTIONED", "Breach", id, (chosen == proposed
                ? Detail.of("audit.detail.sanction", Detail.label(chosen.labelKey()))
                : Detail.of("audit.detail.sanctionInstead", Detail.label(chosen.labelKey()), Detail.label(proposed.labelKey())))
                .encoded());
        if (chosen == Sanction.LOSS_OF_BENEFIT) {
            workers.recordDecadenza(b.getWorkerId(), b.getDecidedOn(), id, user.username());
            events.publishEvent(new DecadenzaDecided(id, b.getWorkerId(), b.getRequestId(), b.getCompetentCentreId(),
                    b.getDecidedOn(), user.username()));
        }
    }

    /**
     * Closes a breach without a sanction because decadenza was already decided for the worker: the
     * breach stays recorded, the ladder does not move (refused when there was no decadenza).
     */
    public void closeAfterDecadenza(CurrentUser user, long id, Long version, String reason) {
        Breach b = changeable(user, id, version, true);
        Breach earlier = decadenza(b.getWorkerId())
                .orElseThrow(() -> new ConditionalityRefusedException("conditionality.close.noDecadenza"));
        b.closeAfterDecadenza(reason, user.username(), Dates.today());
        audit.recordAs(user.username(), "BREACH_CLOSED_AFTER_DECADENZA", "Breach", id,
                Detail.of("audit.detail.afterDecadenza", earlier.getId(), earlier.getDecidedOn()).encoded());
    }

    // ---- suitable offer ----

    /** The thresholds of a suitable offer in force on the offer's date (parameters {@code SUITABLE_*}). */
    @Transactional(readOnly = true)
    public SuitableOffer.Limits suitabilityLimits(LocalDate offerDate) {
        return new SuitableOffer.Limits(
                parameters.integer(Parameter.SUITABLE_DISTANCE_KM_FIRST_YEAR, offerDate),
                parameters.integer(Parameter.SUITABLE_TRAVEL_MINUTES_FIRST_YEAR, offerDate),
                parameters.integer(Parameter.SUITABLE_DISTANCE_KM_LATER, offerDate),
                parameters.integer(Parameter.SUITABLE_TRAVEL_MINUTES_LATER, offerDate),
                parameters.integer(Parameter.SUITABLE_PAY_ABOVE_BENEFIT_PERCENT, offerDate),
                parameters.integer(Parameter.SUITABLE_MIN_CONTRACT_MONTHS, offerDate),
                parameters.integer(Parameter.SUITABLE_MIN_HOURS_PERCENT, offerDate));
    }

    /**
     * Saves the finding on the offer a refusal breach is about, criterion by criterion, on the rules
     * and thresholds in force on the offer's date; the offer is the vacancy of the board
     * ({@code vacancyId}) or described. The latest finding is the one a decadenza needs.
     */
    public SuitabilityFinding recordFinding(CurrentUser user, long breachId, SuitableOffer.Facts facts, Long vacancyId,
            String offerDescription) {
        Breach b = forJustification(user, breachId);
        if (facts.offerDate() == null) {
            throw new ConditionalityRefusedException("suitability.finding.offerDate", Dates.format(b.getOccurredOn()));
        }
        SuitabilityFinding f = findings.save(SuitabilityFinding.judge(b, facts, suitabilityLimits(facts.offerDate()),
                vacancyId, offerDescription, user.username(), Instant.now()));
        audit.recordAs(user.username(), "SUITABILITY_FINDING_RECORDED", "Breach", breachId,
                Detail.of("audit.detail.suitabilityFinding", facts.offerDate(), Detail.label(f.getRules().labelKey()),
                        Detail.label(f.getOverall().labelKey())).encoded());
        return f;
    }

    /** The findings on a breach the user sees, newest first. */
    @Transactional(readOnly = true)
    public List<SuitabilityFinding> findings(CurrentUser user, long breachId) {
        get(user, breachId);
        return findings.findByBreachIdOrderByIdDesc(breachId);
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
     * benefit authority: one line per decided breach, formulas neutralised. Recorded in the export log.
     */
    public String decisionsCsv(CurrentUser user, LocalDate from, LocalDate to,
            Function<String, String> label) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeDecisions(user, from, to, label, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * As {@link #decisionsCsv}, written to {@code out}: the breach and the sanction by the codes of
     * {@link InpsCodes} (to be confirmed), the competent CPI by its official code and name. What was
     * sent is logged: who, when, the period, the rows and the SHA-256 of the file.
     */
    public void writeDecisions(CurrentUser user, LocalDate from, LocalDate to, Function<String, String> label,
            OutputStream out) {
        Hashing hashing = new Hashing(out);
        int rows = 0;
        try (TabularWriter csv = TabularWriter.csv(hashing)) {
            csv.header(List.of("codice_fiscale", "codice_inadempienza", "inadempienza", "data_evento", "codice_esito",
                    "esito", "codice_sanzione", "codice_sanzione_proposta", "data_decisione", "motivazione",
                    "codice_cpi", "cpi_competente"));
            List<Breach> decided = breaches.decided(user.caseScopeCentreId(), from, to);
            Map<Long, WorkerSummary> people = workers.summaries(decided.stream().map(Breach::getWorkerId).toList());
            Map<Long, CentreSummary> cpis = new java.util.HashMap<>();
            centres.all().forEach(c -> cpis.put(c.id(), c));
            for (Breach b : decided) {
                String cf = people.containsKey(b.getWorkerId()) ? people.get(b.getWorkerId()).taxCode() : "";
                CentreSummary cpi = cpis.get(b.getCompetentCentreId());
                csv.row(cf, InpsCodes.breach(b.getKind()), label.apply(b.getKind().labelKey()), b.getOccurredOn(),
                        InpsCodes.outcome(b.getStatus()), label.apply(b.getStatus().labelKey()),
                        InpsCodes.sanction(b.getSanction()), InpsCodes.sanction(b.getProposedSanction()),
                        b.getDecidedOn(), b.getDecisionReason(), cpi == null ? null : cpi.code(),
                        cpi == null ? null : cpi.officialName());
                rows++;
            }
        }
        jdbc.sql("""
                insert into conditionality_export_log (exported_by, exported_at, centre_id, period_from, period_to,
                    row_count, sha256)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(user.username(), Timestamp.from(Instant.now()), user.caseScopeCentreId(), from, to, rows,
                        hashing.hex())
                .update();
    }

    /** One export sent to the benefit authority. */
    public record ExportLogEntry(String exportedBy, Instant exportedAt, LocalDate from, LocalDate to, int rows,
            String sha256) {
    }

    /** The exports of the user's CPI (every export for the region), newest first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<ExportLogEntry> exports(CurrentUser user, int limit) {
        return jdbc.sql("""
                select exported_by, exported_at, period_from, period_to, row_count, sha256
                from conditionality_export_log
                where (cast(? as bigint) is null or centre_id = ?)
                order by exported_at desc, id desc limit ?""")
                .params(user.caseScopeCentreId(), user.caseScopeCentreId(), limit)
                .query((rs, n) -> new ExportLogEntry(rs.getString(1), rs.getTimestamp(2).toInstant(),
                        rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class), rs.getInt(5),
                        rs.getString(6)))
                .list();
    }

    /** Passes the bytes on and digests them (SHA-256). */
    private static final class Hashing extends FilterOutputStream {

        private final MessageDigest digest;

        Hashing(OutputStream out) {
            super(out);
            try {
                this.digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            digest.update((byte) b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            digest.update(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }

        String hex() {
            return HexFormat.of().formatHex(digest.digest());
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
