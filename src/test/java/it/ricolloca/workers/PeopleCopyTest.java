package it.ricolloca.workers;

import static it.ricolloca.support.DemoUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.internal.UserAccountRepository;
import it.ricolloca.claims.ClaimRoutes;
import it.ricolloca.pathway.ContractType;
import it.ricolloca.pathway.Pathway;
import it.ricolloca.pathway.PathwayOutcome;
import it.ricolloca.pathway.PathwayRoutes;
import it.ricolloca.requests.RequestRoutes;
import it.ricolloca.requests.internal.RequestListImporter;
import it.ricolloca.shared.search.PeopleCopy;
import it.ricolloca.shared.tabular.ImportReport;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.support.ClosedPathways;
import it.ricolloca.support.IntegrationTest;
import it.ricolloca.support.ReleasedWorkers;
import it.ricolloca.support.TestCodes;
import it.ricolloca.workers.internal.Worker;
import it.ricolloca.workers.internal.WorkerRegister;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The lists' own copies of their workers' names (ADR 0047) follow the register: a worker renamed in the register is
 * found on the requests, pathways and claims lists by the new name and no longer by the old; a pseudonymised
 * worker's name leaves every copy in the same transaction; a worker a ministerial list brings in is found on the
 * requests list by codice fiscale; a worker the copy lacks (a row written by SQL) is copied by the start-up's fill.
 */
@IntegrationTest
class PeopleCopyTest {

    private static final List<String> LISTS = List.of(RequestRoutes.REQUESTS, PathwayRoutes.PATHWAYS, ClaimRoutes.REGISTER);
    private static final List<String> COPIES = List.of("requests_person", "pathway_person", "claims_person");

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired UserAccountRepository accounts;
    @Autowired ClosedPathways closed;
    @Autowired ReleasedWorkers released;
    @Autowired Workers workers;
    @Autowired WorkerRegister register;
    @Autowired RequestListImporter importer;
    @Autowired JdbcClient jdbc;
    @Autowired org.springframework.transaction.support.TransactionTemplate transactions;
    @Autowired it.ricolloca.requests.internal.RequestQueries requestQueries;
    @Autowired it.ricolloca.pathway.internal.PathwayQueries pathwayQueries;

    private final Random random = new Random();

    @Test
    void aWorkerRenamedInTheRegisterIsFoundByTheNewNameOnEveryListAndNotByTheOld() throws Exception {
        String before = "Copiaprima" + letters();
        String after = "Copiadopo" + letters();
        long worker = hiredWorker(before);
        String taxCode = workers.summaries(List.of(worker)).get(worker).taxCode();
        for (String list : LISTS) {
            assertThat(page(list, before)).as(list + " before").contains(taxCode);
        }
        CurrentUser master = released.user("master.torino");
        Worker w = register.get(master, worker);
        register.update(master, worker, w.getVersion(), w.getFirstName(), after, w.getResidenceMunicipality(),
                w.getEmail(), w.getPhone(), w.getCompetentCentreId(), w.getNaspiStart(), w.getNaspiExpectedEnd(),
                w.getNaspiMonthlyAmount(), w.getNaspiStatus(), w.getProfilingIndex(), w.getProfilingDate(),
                w.getSkills(), w.getLanguages(), w.getNotes());
        for (String list : LISTS) {
            assertThat(page(list, after.toUpperCase())).as(list + " by the new name").contains(taxCode);
            assertThat(page(list, before)).as(list + " by the old name").doesNotContain(taxCode);
        }
        assertThat(copies(worker)).as("every copy holds the register's text")
                .containsOnly(workers.searchTexts(List.of(worker)).get(worker));
    }

    @Test
    void aPseudonymisedWorkersNameLeavesEveryCopy() throws Exception {
        String surname = "Copiascade" + letters();
        long worker = hiredWorker(surname);
        String taxCode = workers.summaries(List.of(worker)).get(worker).taxCode();
        assertThat(copies(worker)).hasSize(COPIES.size()).allMatch(t -> t.contains(surname.toLowerCase()));

        assertThat(workers.expire(worker)).isTrue();

        for (String list : LISTS) {
            assertThat(page(list, surname)).as(list).doesNotContain(taxCode);
        }
        assertThat(copies(worker)).hasSize(COPIES.size())
                .allMatch(t -> !t.contains(surname.toLowerCase()) && !t.contains(taxCode.toLowerCase()))
                .containsOnly(workers.searchTexts(List.of(worker)).get(worker));
    }

    @Test
    void aWorkerTheMinisterialListBringsInIsFoundByCodiceFiscale() throws Exception {
        String code = TestCodes.random(random);
        String csv = "cf;data richiesta;stato;cpi\n" + code + ";05/05/2017;Rilasciato;CPI Biella\n";
        ImportReport report = importer.importFile(accounts.findByUsername("adr.regione").orElseThrow().toCurrentUser(),
                "copia-" + code + ".csv", csv.getBytes(StandardCharsets.UTF_8), Dates.today());
        assertThat(report.created()).as(String.valueOf(report)).isEqualTo(1);
        long worker = workers.findByTaxCode(code).orElseThrow().id();
        assertThat(jdbc.sql("select search_text from requests_person where worker_id = ?").param(worker)
                .query(String.class).optional()).contains(workers.searchTexts(List.of(worker)).get(worker))
                .hasValueSatisfying(t -> assertThat(t).contains(code.toLowerCase()));
        assertThat(mvc.perform(get(RequestRoutes.REQUESTS).param("q", code.substring(2, 12).toLowerCase())
                .with(as(users, "adr.regione"))).andReturn().getResponse().getContentAsString()).contains(code);
    }

    @Test
    void aWorkerTheCopyLacksIsCopiedByTheStartUpsFill() throws Exception {
        String surname = "Copiamanca" + letters();
        long worker = hiredWorker(surname);
        String taxCode = workers.summaries(List.of(worker)).get(worker).taxCode();
        jdbc.sql("delete from requests_person where worker_id = ?").param(worker).update();
        assertThat(page(RequestRoutes.REQUESTS, surname)).as("not copied").doesNotContain(taxCode);

        int added = new PeopleCopy(jdbc, "requests_person", "requests_voucher_request", workers::searchTexts).fillMissing();

        assertThat(added).isGreaterThanOrEqualTo(1);
        assertThat(page(RequestRoutes.REQUESTS, surname)).as("copied again").contains(taxCode);
    }

    @Test
    void aSearchCountsItsMatchesOnEveryPageAndPastTheLast() {
        String surname = "Copiaconta" + letters();
        hiredWorker(surname + "uno");
        hiredWorker(surname + "due");
        CurrentUser master = released.user("master.torino");
        for (int page : new int[] {0, 1, 5}) {
            var requests = requestQueries.search(master, null, null, surname, page, 1);
            assertThat(requests.getTotalElements()).as("requests, page " + page).isEqualTo(2);
            assertThat(requests.getContent()).hasSize(page < 2 ? 1 : 0);
            var pathways = pathwayQueries.search(master, false, surname, page, 1);
            assertThat(pathways.getTotalElements()).as("pathways, page " + page).isEqualTo(2);
            assertThat(pathways.getContent()).hasSize(page < 2 ? 1 : 0);
        }
        assertThat(requestQueries.search(master, null, null, surname + "nessuno", 0, 20).getTotalElements()).isZero();
        assertThat(pathwayQueries.search(master, false, surname + "nessuno", 0, 20).getTotalElements()).isZero();
    }

    @Test
    void aSearchIsPlannedForACachedListInItsOwnTransactionOnly() {
        PeopleCopy copy = new PeopleCopy(jdbc, "requests_person", "requests_voucher_request", workers::searchTexts);
        String before = jdbc.sql("show random_page_cost").query(String.class).single();
        String helpersBefore = jdbc.sql("show max_parallel_workers_per_gather").query(String.class).single();
        String during = transactions.execute(status -> {
            assertThat(copy.condition("r", PeopleCopy.search("   "))).as("a blank search").isNull();
            copy.planSearch(PeopleCopy.search("   "));
            assertThat(jdbc.sql("show random_page_cost").query(String.class).single()).isEqualTo(before);
            assertThat(copy.condition("r", PeopleCopy.search("rossi"))).contains("requests_person");
            assertThat(jdbc.sql("show random_page_cost").query(String.class).single()).as("the condition alone")
                    .isEqualTo(before);
            copy.planSearch(PeopleCopy.search("rossi"));
            return jdbc.sql("show random_page_cost").query(String.class).single() + " "
                    + jdbc.sql("show cpu_tuple_cost").query(String.class).single() + " "
                    + jdbc.sql("show max_parallel_workers_per_gather").query(String.class).single();
        });
        assertThat(during).isEqualTo("1.1 0.03 0");
        assertThat(before).isNotEqualTo("1.1");
        assertThat(jdbc.sql("show random_page_cost").query(String.class).single()).as("after").isEqualTo(before);
        assertThat(jdbc.sql("show cpu_tuple_cost").query(String.class).single()).as("after").isEqualTo("0.01");
        assertThat(helpersBefore).isNotEqualTo("0");
        assertThat(jdbc.sql("show max_parallel_workers_per_gather").query(String.class).single()).as("after")
                .isEqualTo(helpersBefore);
    }

    private long hiredWorker(String surname) {
        long pathway = closed.started(closed.newTorinoOffice(), surname, "Copiata", 20);
        closed.close(pathway, PathwayOutcome.HIRED, new Pathway.Hire("Ricerca Srl", ClosedPathways.VAT,
                ContractType.APPRENTICESHIP, new BigDecimal("40"), Dates.today(), 36));
        closed.claimOf(pathway);
        return closed.claimOf(pathway).getWorkerId();
    }

    private List<String> copies(long worker) {
        return COPIES.stream().map(t -> jdbc.sql("select search_text from " + t + " where worker_id = ?").param(worker)
                .query(String.class).optional().orElse(null)).filter(java.util.Objects::nonNull).toList();
    }

    private String letters() {
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < 7; i++) {
            letters.append((char) ('a' + random.nextInt(26)));
        }
        return letters.toString();
    }

    private String page(String list, String q) throws Exception {
        return mvc.perform(get(list).param("q", q).with(as(users, "master.torino"))).andReturn().getResponse()
                .getContentAsString();
    }
}
