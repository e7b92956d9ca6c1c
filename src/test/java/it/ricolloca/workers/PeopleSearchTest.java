package it.ricolloca.workers;

import static it.ricolloca.support.DemoUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import it.ricolloca.claims.ClaimRoutes;
import it.ricolloca.pathway.ContractType;
import it.ricolloca.pathway.Pathway;
import it.ricolloca.pathway.PathwayOutcome;
import it.ricolloca.pathway.PathwayRoutes;
import it.ricolloca.requests.RequestRoutes;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.support.ClosedPathways;
import it.ricolloca.support.IntegrationTest;
import it.ricolloca.support.ReleasedWorkers;
import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * People search (issue 21, ADR 0039) on the four lists that find workers: the register, the requests, the
 * pathways and the claims. One hired worker, Nicolò Pèrgola followed by letters no one else has, is found
 * typed without accents, in capitals, by a fragment of the surname and by a fragment of the codice fiscale;
 * the searches that found people before still do, and a search for someone else finds nobody.
 */
@IntegrationTest
class PeopleSearchTest {

    private static final List<String> LISTS = List.of(WorkerRoutes.WORKERS, RequestRoutes.REQUESTS, PathwayRoutes.PATHWAYS,
            ClaimRoutes.REGISTER);

    /** One worker for the whole class (a pathway closed with a hire, so a claim too). */
    private static String surname;
    private static String taxCode;

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired ClosedPathways closed;
    @Autowired ReleasedWorkers released;
    @Autowired Workers workers;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void aHiredWorkerWithAccents() {
        if (taxCode != null) {
            return;
        }
        StringBuilder letters = new StringBuilder();
        Random random = new Random();
        for (int i = 0; i < 7; i++) {
            letters.append((char) ('a' + random.nextInt(26)));
        }
        surname = "Pèrgola" + letters;
        long pathway = closed.started(closed.newTorinoOffice(), surname, "Nicolò", 20);
        closed.close(pathway, PathwayOutcome.HIRED, new Pathway.Hire("Ricerca Srl", ClosedPathways.VAT,
                ContractType.APPRENTICESHIP, new BigDecimal("40"), Dates.today(), 36));
        closed.claimOf(pathway);
        taxCode = released.taxCodeOf(closed.requestOf(pathway));
    }

    private String plain() {
        return "pergola" + surname.substring("Pèrgola".length());
    }

    @Test
    void aNameTypedWithoutAccentsFindsTheWorkerOnEveryList() throws Exception {
        for (String list : LISTS) {
            assertThat(page(list, "nicolo " + plain(), "master.torino")).as(list).contains(taxCode);
        }
    }

    @Test
    void capitalsAndAccentsTypedOrNotAreTheSame() throws Exception {
        for (String list : LISTS) {
            assertThat(page(list, surname.toUpperCase(), "master.torino")).as(list).contains(taxCode);
            assertThat(page(list, "NICOLÒ " + plain().toUpperCase(), "master.torino")).as(list).contains(taxCode);
        }
    }

    @Test
    void aFragmentOfTheSurnameFindsTheWorker() throws Exception {
        String fragment = plain().substring(4);
        for (String list : LISTS) {
            assertThat(page(list, fragment, "master.torino")).as(list + " by " + fragment).contains(taxCode);
        }
    }

    @Test
    void aFragmentOfTheCodiceFiscaleInAnyCaseFindsTheWorker() throws Exception {
        String middle = taxCode.substring(3, 11).toLowerCase();
        for (String list : LISTS) {
            assertThat(page(list, middle, "master.torino")).as(list + " by " + middle).contains(taxCode);
        }
    }

    @Test
    void whatFoundPeopleBeforeStillDoesAndNobodyElseIsFound() throws Exception {
        for (String list : LISTS) {
            assertThat(page(list, taxCode, "master.torino")).as(list + ", whole codice fiscale").contains(taxCode);
            assertThat(page(list, taxCode.substring(0, 9), "master.torino")).as(list + ", its start").contains(taxCode);
            assertThat(page(list, plain() + " nicolò", "master.torino")).as(list + ", surname then name").contains(taxCode);
            assertThat(page(list, "nicolo " + plain() + "x", "master.torino")).as(list + ", someone else")
                    .doesNotContain(taxCode);
            assertThat(page(list, plain() + " nicolo", "master.novara")).as(list + ", another CPI").doesNotContain(taxCode);
        }
    }

    @Test
    void wildcardsAreLettersOnEveryList() throws Exception {
        long id = workers.findByTaxCode(taxCode).orElseThrow().id();
        for (String list : LISTS) {
            assertThat(page(list, plain().substring(0, 8) + "%", "master.torino")).as(list + ", percent")
                    .doesNotContain(taxCode);
            assertThat(page(list, plain().substring(0, 8) + "_" + plain().substring(9), "master.torino"))
                    .as(list + ", underscore").doesNotContain(taxCode);
        }
        String text = plain() + " nicolo " + taxCode.toLowerCase();
        assertThat(jdbc.sql("select search_text from workers_worker where id = ?").param(id).query(String.class).single())
                .as("what the index holds").isEqualTo(text);
        assertThat(workers.searchTexts(List.of(id))).containsExactly(java.util.Map.entry(id, text));
        for (String copy : List.of("requests_person", "pathway_person", "claims_person")) {
            assertThat(jdbc.sql("select search_text from " + copy + " where worker_id = ?").param(id).query(String.class)
                    .optional()).as("the copy in " + copy).contains(text);
        }
    }

    private String page(String list, String q, String user) throws Exception {
        return mvc.perform(get(list).param("q", q).with(as(users, user))).andReturn().getResponse().getContentAsString();
    }
}
