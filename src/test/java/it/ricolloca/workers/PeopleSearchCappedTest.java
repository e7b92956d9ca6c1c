package it.ricolloca.workers;

import static it.ricolloca.support.DemoUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import it.ricolloca.support.IntegrationTest;
import it.ricolloca.support.TestCodes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A search matching more workers than the count reads (ADR 0039): 1,030 workers of Novara share a surname
 * that sorts first. The count stops past 1,000 and says so; the first page comes from the list's first rows
 * (the window), a far page from the sorted matches, and both are exactly the rows the whole order puts there;
 * a page past the ones offered is the last one offered. The list without a search counts the same way.
 */
@IntegrationTest
class PeopleSearchCappedTest {

    private static final int PEOPLE = 1_030;

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aFrequentSurnameCountsUpToTheCapAndEveryPageHoldsTheRowsOfTheWholeOrder() throws Exception {
        Random random = new Random();
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            letters.append((char) ('a' + random.nextInt(26)));
        }
        String surname = "Aaa" + letters;
        long novara = jdbc.queryForObject("select id from network_job_centre where code = 'NOVARA'", Long.class);
        List<String> codes = new ArrayList<>();
        Set<String> taken = new HashSet<>(jdbc.queryForList("select tax_code from workers_worker", String.class));
        while (codes.size() < PEOPLE) {
            String code = TestCodes.random(random);
            if (taken.add(code)) {
                codes.add(code);
            }
        }
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            rows.add(new Object[] {codes.get(i), String.format("Nome%04d", i), surname, novara});
        }
        jdbc.batchUpdate("insert into workers_worker (tax_code, first_name, last_name, competent_centre_id)"
                + " values (?, ?, ?, ?)", rows);

        String first = page(surname.toUpperCase(), 0);
        assertThat(first).contains("più di 1.000 risultati");
        assertThat(shown(first, codes)).as("page 1: the window of the list's first rows")
                .containsExactlyElementsOf(codes.subList(0, 20));
        assertThat(shown(page(surname, 1), codes)).containsExactlyElementsOf(codes.subList(20, 40));
        String far = page(surname, 49);
        assertThat(shown(far, codes)).as("page 50: the sorted matches").containsExactlyElementsOf(codes.subList(980, 1000));
        assertThat(far).contains("Pagina 50 di 50");
        String past = page(surname, 70);
        assertThat(shown(past, codes)).as("a page past the offered ones").containsExactlyElementsOf(codes.subList(980, 1000));
        assertThat(past).contains("Pagina 50 di 50").doesNotContain("Pagina 71");

        String fewer = page(surname + " nome101", 0);
        assertThat(fewer).doesNotContain("più di 1.000");
        assertThat(shown(fewer, codes)).containsExactlyElementsOf(codes.subList(1010, 1020));
        assertThat(page(surname, 0, "master.torino")).as("another CPI").doesNotContain(codes.get(0));

        // The list without a search counts the same way: the whole register is not counted row by row.
        String blank = page("", 0);
        assertThat(blank).contains("più di 1.000 risultati: cerca per restringere", "Pagina 1 di 50");
        assertThat(page("", 70)).as("a page past the offered ones").contains("Pagina 50 di 50").doesNotContain("Pagina 71");
    }

    /** The generated workers' codes in the order the page shows them. */
    private static List<String> shown(String html, List<String> codes) {
        List<String> found = new ArrayList<>();
        for (String code : codes) {
            int at = html.indexOf(code);
            if (at >= 0) {
                found.add(code);
            }
        }
        found.sort((a, b) -> Integer.compare(html.indexOf(a), html.indexOf(b)));
        return found;
    }

    private String page(String q, int page) throws Exception {
        return page(q, page, "master.novara");
    }

    private String page(String q, int page, String user) throws Exception {
        return mvc.perform(get(WorkerRoutes.WORKERS).param("q", q).param("page", String.valueOf(page))
                .with(as(users, user))).andReturn().getResponse().getContentAsString();
    }
}
