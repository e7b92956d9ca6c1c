package it.ricolloca.conditionality;

import static it.ricolloca.support.FormPosts.csrfOnce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.claims.Claim;
import it.ricolloca.claims.ClaimKind;
import it.ricolloca.conditionality.SuitableOffer.Coherence;
import it.ricolloca.conditionality.SuitableOffer.Criterion;
import it.ricolloca.conditionality.SuitableOffer.Facts;
import it.ricolloca.conditionality.SuitableOffer.Result;
import it.ricolloca.conditionality.SuitableOffer.Rules;
import it.ricolloca.network.CentreSummary;
import it.ricolloca.network.JobCentres;
import it.ricolloca.pathway.Pathway;
import it.ricolloca.pathway.PathwayOutcome;
import it.ricolloca.pathway.ServiceTimesheetActivity;
import it.ricolloca.pathway.internal.PathwayWork;
import it.ricolloca.pathway.internal.Timesheets;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.support.ClosedPathways;
import it.ricolloca.support.DemoUsers;
import it.ricolloca.support.IntegrationTest;
import it.ricolloca.support.ReleasedWorkers;
import it.ricolloca.workers.WorkerRoutes;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Issue 18, conditionality: a decadenza takes effect (the pathway closes with its outcome, the
 * register records the loss of NASpI and of the unemployment status, the ladder stops, the claim is
 * a Fee4Service, the export to INPS carries the codes and the CPI's official code and is logged);
 * a refusal ends in decadenza only with a saved finding that the offer was suitable, judged on the
 * rules in force on the offer's date (L. 92/2012 before 14/7/2018, the DM 10 aprile 2018 after).
 */
@IntegrationTest
class DecadenzaTest {

    @Autowired Conditionality conditionality;
    @Autowired ReleasedWorkers released;
    @Autowired ClosedPathways closed;
    @Autowired PathwayWork pathways;
    @Autowired Timesheets timesheets;
    @Autowired JobCentres centres;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;

    /**
     * Ugo Decaduto's service started 20 days ago, 2 hours served. He missed the appointments of
     * 2/11, 9/11 and 16/11/2026 without a valid reason: a quarter cut, a month cut, then decadenza
     * decided today. His pathway closes today with the outcome "loss of the benefit", the register
     * says NASpI lapsed today by that breach, a later missed appointment (23/11/2026) is recorded
     * but no sanction is proposed and it closes without one, the claim is a Fee4Service for the 2
     * hours, and the export to INPS carries DECADENZA with the CPI's official code and is logged.
     */
    @Test
    void aDecadenzaClosesThePathwayUpdatesTheRegisterAndStopsTheLadder() throws Exception {
        CurrentUser master = released.user("master.torino");
        long pathway = closed.started(closed.newTorinoOffice(), "Decaduto", "Ugo", 20);
        Pathway p = pathways.get(master, pathway);
        long worker = p.getWorkerId();
        timesheets.addHours(released.user("tutor.torino"), pathway, closed.version(pathway),
                ServiceTimesheetActivity.RECEPTION, Dates.today().minusDays(20), new BigDecimal("2"), "accoglienza");

        assertThat(decide(master, worker, p.getRequestId(), LocalDate.of(2026, 11, 2))).isEqualTo(Sanction.CUT_QUARTER_MONTH);
        assertThat(decide(master, worker, p.getRequestId(), LocalDate.of(2026, 11, 9))).isEqualTo(Sanction.CUT_ONE_MONTH);
        Breach third = report(worker, p.getRequestId(), BreachKind.MISSED_APPOINTMENT, LocalDate.of(2026, 11, 16));
        assertThat(decide(master, third)).isEqualTo(Sanction.LOSS_OF_BENEFIT);

        // (a) the open pathway closes with the outcome, dated the decision
        await().atMost(Duration.ofSeconds(20)).until(() -> pathways.get(master, pathway).isClosed());
        Pathway after = pathways.get(master, pathway);
        assertThat(after.getOutcome()).isEqualTo(PathwayOutcome.LOSS_OF_BENEFIT);
        assertThat(after.getClosedOn()).isEqualTo(Dates.today());

        // (b) the register: NASpI lapsed with the unemployment status, the date and the breach, shown on the worker's page
        Map<String, Object> naspi = jdbc.sql("select naspi_status, naspi_lapsed_on, naspi_lapsed_breach_id from workers_worker where id = ?")
                .param(worker).query().singleRow();
        assertThat(naspi.get("naspi_status")).isEqualTo("LAPSED");
        assertThat(naspi.get("naspi_lapsed_on").toString()).isEqualTo(Dates.today().toString());
        assertThat(((Number) naspi.get("naspi_lapsed_breach_id")).longValue()).isEqualTo(third.getId());
        String page = send("master.torino", get(WorkerRoutes.worker(worker))).getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Decaduta", "decadenza dalla NASpI e dallo stato di disoccupazione dal "
                + Dates.format(Dates.today()) + " (inadempienza n. " + third.getId() + ")");

        // (c) the ladder stops: a later breach is recorded, no sanction proposed, closed without one
        Breach later = report(worker, p.getRequestId(), BreachKind.MISSED_APPOINTMENT, LocalDate.of(2026, 11, 23));
        conditionality.recordJustification(master, later.getId(), later.getVersion(), "nessun motivo", Dates.today());
        assertThat(conditionality.proposal(conditionality.get(master, later.getId()))).isNull();
        assertThatThrownBy(() -> conditionality.applySanction(master, later.getId(), version(later.getId()),
                Sanction.LOSS_OF_BENEFIT, "ancora")).hasMessage("conditionality.afterDecadenza");
        String breachPage = send("master.torino", get(ConditionalityRoutes.breach(later.getId()))).getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(breachPage).contains("Nessuna: la decadenza è già stata decisa per questo lavoratore",
                "Chiudi senza sanzione");
        conditionality.closeAfterDecadenza(master, later.getId(), version(later.getId()), null);
        assertThat(conditionality.get(master, later.getId()).getStatus()).isEqualTo(BreachStatus.CLOSED_AFTER_DECADENZA);
        assertThat(conditionality.get(master, later.getId()).getSanction()).isNull();

        // (d) the claim: ended without a job, a Fee4Service for the hours served, no success fee
        Claim claim = closed.claimOf(pathway);
        assertThat(claim.getKind()).isEqualTo(ClaimKind.FEE_FOR_SERVICE);
        assertThat(claim.getServiceHours()).isEqualByComparingTo("2");
        assertThat(claim.getExplanation()).isEqualTo("claim.explanation.decadenza");

        // the export to INPS: the codes of the table, the CPI's official code and name; what was sent is logged
        CentreSummary cpi = centres.find(master.centreId()).orElseThrow();
        String csv = conditionality.decisionsCsv(master, LocalDate.of(2026, 1, 1), Dates.today(), k -> k);
        assertThat(csv).contains(
                "ART21C7A;conditionality.kind.MISSED_APPOINTMENT;" + Dates.format(LocalDate.of(2026, 11, 16)),
                "SANZIONATA;conditionality.status.SANCTIONED;DECADENZA;DECADENZA;",
                "NON_SANZIONABILE_DECADENZA", cpi.code() + ";" + cpi.officialName());
        Conditionality.ExportLogEntry logged = conditionality.exports(master, 1).get(0);
        assertThat(logged.exportedBy()).isEqualTo("master.torino");
        assertThat(logged.from()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(logged.to()).isEqualTo(Dates.today());
        assertThat(logged.rows()).isEqualTo(CSVFormat.Builder.create().setDelimiter(';').get()
                .parse(new StringReader(csv)).getRecords().size() - 1);
        assertThat(logged.sha256()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(csv.getBytes(StandardCharsets.UTF_8))));
        assertThat(send("master.torino", get(ConditionalityRoutes.EXPORTS)).getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains(logged.sha256());
    }

    /**
     * Lia Rifiuto, unemployed since 2/5/2018, was offered on 17/9/2018 a permanent full-time job as
     * a warehouse clerk (her pact's area) 35 km away, 1.500 euro gross a month (138 of her own
     * contributions), collective minimum 1.400, her benefit 1.000: she refused it on 20/9/2018. The
     * finding, posted on the breach's page, judges it by the DM (4 months unemployed) criterion by
     * criterion: suitable. The decadenza is then allowed and closes her pathway.
     */
    @Test
    void aRefusalWithASuitableFindingEndsInDecadenza() throws Exception {
        CurrentUser master = released.user("master.torino");
        long pathway = closed.started(closed.newTorinoOffice(), "Rifiuto", "Lia", 10);
        Pathway p = pathways.get(master, pathway);
        Breach refusal = report(p.getWorkerId(), p.getRequestId(), BreachKind.REFUSED_OFFER, LocalDate.of(2018, 9, 20));
        conditionality.recordJustification(master, refusal.getId(), refusal.getVersion(), "non mi interessa",
                Dates.today());

        MvcResult posted = send("operatore.torino", post(ConditionalityRoutes.finding(refusal.getId()))
                .param("offerDate", "2018-09-17").param("offerDescription", "Magazzino Rossi, addetta al magazzino, Chieri")
                .param("unemployedSince", "2018-05-02").param("coherence", "PACT_AREA").param("permanent", "YES")
                .param("distanceKm", "35").param("travelMinutes", "45").param("offeredHours", "40")
                .param("lastHours", "40").param("offeredPay", "1.500").param("workerContributions", "138")
                .param("collectiveMinimum", "1.400").param("benefit", "1.000"));
        assertThat(posted.getResponse().getStatus()).isEqualTo(302);
        SuitabilityFinding finding = conditionality.findings(master, refusal.getId()).get(0);
        assertThat(finding.getRules()).isEqualTo(Rules.DM_2018);
        assertThat(finding.results()).containsOnly(Map.entry(Criterion.COHERENCE, Result.MET),
                Map.entry(Criterion.DISTANCE, Result.MET), Map.entry(Criterion.CONTRACT, Result.MET),
                Map.entry(Criterion.HOURS, Result.MET), Map.entry(Criterion.PAY, Result.MET));
        assertThat(finding.suitable()).isTrue();
        assertThat(send("master.torino", get(ConditionalityRoutes.breach(refusal.getId()))).getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("Magazzino Rossi", "Offerta del 17/09/2018",
                "Regole del DM 10 aprile 2018");

        conditionality.applySanction(master, refusal.getId(), version(refusal.getId()), Sanction.LOSS_OF_BENEFIT, null);
        assertThat(conditionality.get(master, refusal.getId()).getSanction()).isEqualTo(Sanction.LOSS_OF_BENEFIT);
        await().atMost(Duration.ofSeconds(20)).until(() -> pathways.get(master, pathway).isClosed());
        assertThat(pathways.get(master, pathway).getOutcome()).isEqualTo(PathwayOutcome.LOSS_OF_BENEFIT);
    }

    /**
     * Teo Senzaverifica refused on 24/9/2018 an offer of 21/9/2018. Without a finding the decadenza
     * is refused with the Italian message on the page; with a finding that says not suitable (90 km,
     * 2 hours by bus, 5 months unemployed) it is refused again; nothing changed.
     */
    @Test
    void aRefusalWithoutASuitableFindingCannotEndInDecadenza() throws Exception {
        CurrentUser master = released.user("master.torino");
        long request = released.release("master.torino", "Senzaverifica", "Teo");
        long worker = workerOf(request);
        Breach refusal = report(worker, request, BreachKind.REFUSED_OFFER, LocalDate.of(2018, 9, 24));
        conditionality.recordJustification(master, refusal.getId(), refusal.getVersion(), "troppo lontano", Dates.today());

        MvcResult page = send("master.torino", post(ConditionalityRoutes.decision(refusal.getId()))
                .param("outcome", "SANCTION").param("sanction", "LOSS_OF_BENEFIT")
                .param("version", String.valueOf(version(refusal.getId()))));
        assertThat(page.getResponse().getStatus()).isEqualTo(200);
        assertThat(page.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("La decadenza per il rifiuto di un'offerta richiede la verifica dell'offerta congrua");

        conditionality.recordFinding(master, refusal.getId(), new Facts(LocalDate.of(2018, 4, 20),
                LocalDate.of(2018, 9, 21), Coherence.PACT_AREA, new BigDecimal("90"), 120, true, null,
                new BigDecimal("40"), new BigDecimal("40"), new BigDecimal("1500"), new BigDecimal("138"),
                new BigDecimal("1400"), new BigDecimal("1000")), null, "Logistica Bianchi, Novara");
        assertThatThrownBy(() -> conditionality.applySanction(master, refusal.getId(), version(refusal.getId()),
                Sanction.LOSS_OF_BENEFIT, null)).hasMessage("conditionality.decadenza.notSuitable");
        assertThat(conditionality.get(master, refusal.getId()).getStatus()).isEqualTo(BreachStatus.REPORTED);
        assertThat(jdbc.sql("select naspi_lapsed_on from workers_worker where id = ?").param(worker)
                .query(LocalDate.class).optional()).isEmpty();
        assertThatThrownBy(() -> conditionality.recordFinding(master, refusal.getId(), new Facts(null,
                LocalDate.of(2018, 9, 25), null, null, null, null, null, null, null, null, null, null, null), 12L, null))
                .as("an offer after the refusal").hasMessage("suitability.finding.offerDate");
    }

    /**
     * The same facts judged on two dates. Ada Confronto, unemployed since 10/1/2017, was offered a
     * fixed-term job of 1 month, 10 of her 40 hours, in another sector, 70 km and 95 minutes away,
     * 1.210 euro gross (200 of contributions) against a benefit of 1.000. On 12/3/2018 the L. 92/2012
     * rules apply: only the place (within 50 km or 80 minutes: not met) and the pay (1.210 at least
     * 20% above the gross 1.000: met) count. On 17/9/2018 the DM applies (20 months unemployed: 80 km
     * or 100 minutes, other sectors admitted): the place and the coherence are met, the contract,
     * the hours and the net pay (1.010 under 1.200) are not.
     */
    @Test
    void anOfferOfMarch2018IsJudgedByLaw92AndOneOfSeptember2018ByTheDecree() {
        CurrentUser master = released.user("master.torino");
        long request = released.release("master.torino", "Confronto", "Ada");
        long worker = workerOf(request);
        Breach march = report(worker, request, BreachKind.REFUSED_OFFER, LocalDate.of(2018, 3, 15));
        Breach september = report(worker, request, BreachKind.REFUSED_OFFER, LocalDate.of(2018, 9, 19));

        SuitabilityFinding l92 = conditionality.recordFinding(master, march.getId(), offer(LocalDate.of(2018, 3, 12)),
                null, "Trasporti Verdi, autista, Asti");
        assertThat(l92.getRules()).isEqualTo(Rules.L92_2012);
        assertThat(l92.results()).containsOnly(Map.entry(Criterion.COHERENCE, Result.NOT_APPLICABLE),
                Map.entry(Criterion.DISTANCE, Result.NOT_MET), Map.entry(Criterion.CONTRACT, Result.NOT_APPLICABLE),
                Map.entry(Criterion.HOURS, Result.NOT_APPLICABLE), Map.entry(Criterion.PAY, Result.MET));
        assertThat(l92.getOverall()).isEqualTo(Result.NOT_MET);

        SuitabilityFinding dm = conditionality.recordFinding(master, september.getId(), offer(LocalDate.of(2018, 9, 17)),
                4242L, null);
        assertThat(dm.getRules()).isEqualTo(Rules.DM_2018);
        assertThat(dm.getVacancyId()).isEqualTo(4242L);
        assertThat(dm.results()).containsOnly(Map.entry(Criterion.COHERENCE, Result.MET),
                Map.entry(Criterion.DISTANCE, Result.MET), Map.entry(Criterion.CONTRACT, Result.NOT_MET),
                Map.entry(Criterion.HOURS, Result.NOT_MET), Map.entry(Criterion.PAY, Result.NOT_MET));
        assertThat(dm.limits().payAbovePercent()).isEqualTo(20);
        assertThat(dm.limits().minContractMonths()).isEqualTo(3);
        assertThat(dm.limits().minHoursPercent()).isEqualTo(80);
    }

    private static Facts offer(LocalDate on) {
        return new Facts(LocalDate.of(2017, 1, 10), on, Coherence.OTHER_SECTOR, new BigDecimal("70"), 95, false, 1,
                new BigDecimal("10"), new BigDecimal("40"), new BigDecimal("1210"), new BigDecimal("200"), null,
                new BigDecimal("1000"));
    }

    private Sanction decide(CurrentUser master, long worker, long request, LocalDate on) {
        return decide(master, report(worker, request, BreachKind.MISSED_APPOINTMENT, on));
    }

    private Sanction decide(CurrentUser master, Breach b) {
        conditionality.recordJustification(master, b.getId(), b.getVersion(), "nessun motivo valido", Dates.today());
        Sanction proposal = conditionality.proposal(conditionality.get(master, b.getId()));
        conditionality.applySanction(master, b.getId(), version(b.getId()), proposal, null);
        return proposal;
    }

    private Breach report(long worker, long request, BreachKind kind, LocalDate on) {
        return conditionality.reportFromProvider("tutor.torino", worker, request, "CPI Torino – via Bologna", kind, on,
                "segnalazione del tutor con la convocazione firmata");
    }

    private long workerOf(long request) {
        return jdbc.sql("select worker_id from requests_voucher_request where id = ?").param(request)
                .query(Long.class).single();
    }

    private long version(long id) {
        return conditionality.get(released.user("master.torino"), id).getVersion();
    }

    private MvcResult send(String username, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(csrfOnce()).with(DemoUsers.as(users, username))).andReturn();
    }
}
