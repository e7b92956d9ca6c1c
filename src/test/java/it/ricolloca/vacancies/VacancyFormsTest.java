package it.ricolloca.vacancies;

import static it.ricolloca.support.FormPosts.csrfOnce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import it.ricolloca.accounts.internal.UserAccountRepository;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.support.DemoUsers;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import it.ricolloca.shared.tabular.ImportReport;
import it.ricolloca.support.IntegrationTest;
import it.ricolloca.support.ReleasedWorkers;
import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.pathway.internal.PathwayStart;
import it.ricolloca.pathway.internal.PathwayWork;
import it.ricolloca.vacancies.internal.BoardExchange;
import it.ricolloca.vacancies.internal.Referrals;
import it.ricolloca.workers.internal.WorkHistoryEntry;
import it.ricolloca.vacancies.internal.VacancyBoard;
import java.io.ByteArrayOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The board's forms as a referent fills them: numbers written the Italian way are stored as meant
 * and shown so; a number written otherwise, or a required field left blank, comes back on its
 * field with everything typed kept; a form read at an older version saves nothing.
 */
@IntegrationTest
class VacancyFormsTest {

    static final String STALE = "Il record è stato modificato da un altro utente";

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired UserAccountRepository accounts;
    @Autowired JdbcClient jdbc;
    @Autowired BoardExchange exchange;
    @Autowired ReleasedWorkers released;
    @Autowired VacancyBoard board;
    @Autowired Referrals referrals;
    @Autowired PathwayWork pathwayWork;
    @Autowired PathwayStart pathwayStart;
    @Autowired it.ricolloca.workers.internal.WorkerRegister register;
    @Autowired it.ricolloca.workers.internal.WorkerRepository workers;

    long centre() {
        return accounts.findByUsername("referente.torino").orElseThrow().getCentreId();
    }

    long count() {
        return jdbc.sql("select count(*) from vacancies_vacancy").query(Long.class).single();
    }

    MockHttpServletRequestBuilder offer(String url, String profile) {
        return post(url).with(csrfOnce()).with(DemoUsers.as(users, "referente.torino"))
                .param("arrivedOn", Dates.today().toString()).param("profile", profile).param("positions", "1")
                .param("companyName", "Numeri Srl").param("source", "CPI").param("centreId", String.valueOf(centre()));
    }

    static String html(MockHttpServletResponse r) throws Exception {
        return r.getContentAsString(StandardCharsets.UTF_8);
    }

    static long idOf(String url) {
        return Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
    }

    @Test
    void italianNumbersAreStoredAsMeantAndShownTheItalianWay() throws Exception {
        MockHttpServletResponse created = mvc.perform(offer("/vacancies", "Contabile")
                .param("salaryMin", "1.650").param("salaryMax", "1.650,50").param("weeklyHours", "37,5"))
                .andReturn().getResponse();
        assertThat(created.getRedirectedUrl()).as(html(created)).startsWith("/vacancies/");
        long id = idOf(created.getRedirectedUrl());

        List<BigDecimal> stored = jdbc.sql("select salary_min, salary_max, weekly_hours from vacancies_vacancy where id = ?")
                .param(id).query((rs, n) -> List.of(rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getBigDecimal(3))).single();
        assertThat(stored.get(0)).as("1.650 is one thousand six hundred and fifty").isEqualByComparingTo("1650");
        assertThat(stored.get(1)).isEqualByComparingTo("1650.50");
        assertThat(stored.get(2)).isEqualByComparingTo("37.5");

        String page = html(mvc.perform(get("/vacancies/" + id).with(DemoUsers.as(users, "referente.torino")))
                .andReturn().getResponse());
        assertThat(page).contains("1.650,00 €", "1.650,50 €", "37,5").doesNotContain("1650.50", "37.5<");

        String edit = html(mvc.perform(get("/vacancies/" + id + "/edit").with(DemoUsers.as(users, "referente.torino")))
                .andReturn().getResponse());
        assertThat(edit).as("the form shows the numbers back as they read again").contains("value=\"1650,5\"",
                "value=\"37,5\"", "inputmode=\"decimal\"");
    }

    @Test
    void aNumberWrittenTheForeignWayIsAFieldErrorWithEverythingTypedKept() throws Exception {
        long before = count();
        MockHttpServletResponse r = mvc.perform(offer("/vacancies", "Magazziniere straniero")
                .param("salaryMin", "1,650.50").param("weeklyHours", "37,5")).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(html(r)).contains("Numero non valido: scrivilo all'italiana, con il punto", "value=\"1,650.50\"", "value=\"37,5\"",
                "value=\"Magazziniere straniero\"", "id=\"salaryMin-error\"");
        MockHttpServletResponse point = mvc.perform(offer("/vacancies", "Magazziniere col punto")
                .param("salaryMin", "1.65").param("weeklyHours", "37.5")).andReturn().getResponse();
        assertThat(html(point)).as("a point before two decimals is refused, not read as decimals")
                .contains("id=\"salaryMin-error\"", "value=\"1.65\"", "id=\"weeklyHours-error\"", "value=\"37.5\"");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aBlankRequiredFieldIsAFieldErrorWithEverythingTypedKept() throws Exception {
        long before = count();
        MockHttpServletResponse r = mvc.perform(offer("/vacancies", "").param("salaryMax", "2.000,75")
                .param("skills", "Contabilità generale")).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(html(r)).contains("Indica il profilo richiesto.", "id=\"profile-error\"", "value=\"Numeri Srl\"",
                "value=\"2000,75\"", "Contabilità generale");
        assertThat(count()).isEqualTo(before);

        MockHttpServletResponse created = mvc.perform(offer("/vacancies", "Autista")).andReturn().getResponse();
        long id = idOf(created.getRedirectedUrl());
        long version = jdbc.sql("select version from vacancies_vacancy where id = ?").param(id).query(Long.class).single();
        MockHttpServletResponse status = mvc.perform(post("/vacancies/" + id + "/status").with(csrfOnce())
                .with(DemoUsers.as(users, "referente.torino")).param("version", String.valueOf(version))
                .param("status", "").param("note", "colloqui fissati")).andReturn().getResponse();
        assertThat(status.getStatus()).isEqualTo(200);
        assertThat(html(status)).contains("Scegli il nuovo stato dell'offerta.", "colloqui fissati");
        assertThat(jdbc.sql("select status from vacancies_vacancy where id = ?").param(id).query(String.class).single())
                .isEqualTo("OPEN");
    }

    @Test
    void aFormReadAtAnOlderVersionSavesNothing() throws Exception {
        MockHttpServletResponse created = mvc.perform(offer("/vacancies", "Cuoco")).andReturn().getResponse();
        long id = idOf(created.getRedirectedUrl());
        long version = jdbc.sql("select version from vacancies_vacancy where id = ?").param(id).query(Long.class).single();
        MockHttpServletResponse changed = mvc.perform(offer("/vacancies/" + id + "/edit", "Cuoco capo partita")
                .param("version", String.valueOf(version))).andReturn().getResponse();
        assertThat(changed.getRedirectedUrl()).isEqualTo("/vacancies/" + id);

        MockHttpServletResponse stale = mvc.perform(offer("/vacancies/" + id + "/edit", "Cuoco di notte")
                .param("version", String.valueOf(version)).param("salaryMin", "1.200,00")).andReturn().getResponse();
        assertThat(stale.getStatus()).isEqualTo(200);
        assertThat(html(stale)).contains(STALE, "value=\"Cuoco di notte\"", "value=\"1200\"");
        assertThat(jdbc.sql("select profile from vacancies_vacancy where id = ?").param(id).query(String.class).single())
                .isEqualTo("Cuoco capo partita");

        var staleStatus = mvc.perform(post("/vacancies/" + id + "/status").with(csrfOnce())
                .with(DemoUsers.as(users, "referente.torino")).param("version", String.valueOf(version))
                .param("status", "CLOSED")).andReturn();
        assertThat(staleStatus.getResponse().getRedirectedUrl()).isEqualTo("/vacancies/" + id);
        assertThat(staleStatus.getFlashMap().get("problem")).asString().startsWith(STALE);
        assertThat(jdbc.sql("select status from vacancies_vacancy where id = ?").param(id).query(String.class).single())
                .isEqualTo("OPEN");
    }

    List<BigDecimal> numbersOf(String profile) {
        return jdbc.sql("select weekly_hours, salary_min, salary_max from vacancies_vacancy where profile = ?").param(profile)
                .query((rs, n) -> Arrays.asList(rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getBigDecimal(3)))
                .single();
    }

    @Test
    void theBoardFileReadsNumbersTypedTheItalianWayAndNumericCellsAsTheyAre() throws Exception {
        String tag = "N" + System.nanoTime();
        byte[] csv = ("Data arrivo offerta;Profilo richiesto;Nome azienda;Cpi;Ore settimanali;Retribuzione minima;"
                + "Retribuzione massima\n"
                + "01/10/2026;" + tag + " Contabile;Numeri Srl;CPI Asti;37,5;1.650;1.650,50\n"
                + "01/10/2026;" + tag + " Straniero;Numeri Srl;CPI Asti;40;1,650.50;\n").getBytes(StandardCharsets.UTF_8);
        ImportReport report = exchange.importBoard(released.user("reclutamenti.regione"), "vetrina.csv", csv);
        assertThat(report.created()).isEqualTo(1);
        assertThat(report.rejections()).singleElement().satisfies(r -> assertThat(r.reason()).contains("1,650.50"));
        List<BigDecimal> typed = numbersOf(tag + " Contabile");
        assertThat(typed.get(0)).isEqualByComparingTo("37.5");
        assertThat(typed.get(1)).as("1.650 in a text cell is one thousand six hundred and fifty").isEqualByComparingTo("1650");
        assertThat(typed.get(2)).isEqualByComparingTo("1650.50");

        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet("Vetrina");
            Row head = sheet.createRow(0);
            List<String> names = List.of("Data arrivo offerta", "Profilo richiesto", "Nome azienda", "Cpi",
                    "Ore settimanali", "Retribuzione minima");
            for (int i = 0; i < names.size(); i++) {
                head.createCell(i).setCellValue(names.get(i));
            }
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue("01/10/2026");
            row.createCell(1).setCellValue(tag + " Numerico");
            row.createCell(2).setCellValue("Numeri Srl");
            row.createCell(3).setCellValue("CPI Asti");
            row.createCell(4).setCellValue(37.5);
            row.createCell(5).setCellValue(1650.5);
            wb.write(out);
            ImportReport numeric = exchange.importBoard(released.user("reclutamenti.regione"), "vetrina.xlsx",
                    out.toByteArray());
            assertThat(numeric.rejections()).isEmpty();
        }
        List<BigDecimal> cells = numbersOf(tag + " Numerico");
        assertThat(cells.get(0)).isEqualByComparingTo("37.5");
        assertThat(cells.get(1)).isEqualByComparingTo("1650.5");
    }

    @Test
    void theHireFormReadsItalianHoursAndKeepsWhatWasTypedOnAFieldError() throws Exception {
        CurrentUser tutor = released.user("tutor.torino");
        CurrentUser referent = released.user("referente.torino");
        released.openEveryDay("master.torino");
        long request = released.release("master.torino", "Orefice", "Marta");
        long pathway = pathwayStart.bookFirstAppointment(tutor, request,
                it.ricolloca.shared.LegalCalendar.nextWorkingDayFrom(Dates.today().plusDays(19)).atTime(16, 0).atZone(Dates.ZONE), null, null, null);
        Vacancy v = board.create(referent, new VacancyDetails(Dates.today(), "Orafo", null, null, 1, "Ori Srl", null, null,
                null, null, null, null, null, null, referent.centreId(), VacancySource.CPI, null, null, null, null, null,
                null, null, null, null, null));
        Referral r = referrals.propose(tutor, v.getId(), pathway, null);
        Referral sent = referrals.record(referent, r.getId(), r.getVersion(), ReferralStatus.SENT_TO_COMPANY, null);
        referrals.record(referent, r.getId(), sent.getVersion(), ReferralStatus.HIRED, null);
        long version = pathwayWork.get(tutor, pathway).getVersion();
        String url = "/vacancies/referrals/" + r.getId() + "/hire";

        MockHttpServletResponse blank = mvc.perform(post(url).with(csrfOnce()).with(DemoUsers.as(users, "tutor.torino"))
                .param("version", String.valueOf(version)).param("onDate", Dates.today().toString())
                .param("employerVat", "01234567897").param("contract", "PERMANENT").param("weeklyHours", "37,5")
                .param("hireStart", "")).andReturn().getResponse();
        assertThat(blank.getStatus()).isEqualTo(200);
        assertThat(html(blank)).contains("id=\"hire-start-error\"", "value=\"37,5\"", "value=\"01234567897\"");

        MockHttpServletResponse foreign = mvc.perform(post(url).with(csrfOnce()).with(DemoUsers.as(users, "tutor.torino"))
                .param("version", String.valueOf(version)).param("onDate", Dates.today().toString())
                .param("contract", "PERMANENT").param("weeklyHours", "37.5").param("hireStart", Dates.today().toString()))
                .andReturn().getResponse();
        assertThat(html(foreign)).contains("id=\"hire-hours-error\"", "value=\"37.5\"")
                .as("the shared field fragment writes nothing stray").doesNotContain("\n        @\n");
        assertThat(pathwayWork.get(tutor, pathway).getOutcome()).isNull();

        MockHttpServletResponse closed = mvc.perform(post(url).with(csrfOnce()).with(DemoUsers.as(users, "tutor.torino"))
                .param("version", String.valueOf(version)).param("onDate", Dates.today().toString())
                .param("employerVat", "01234567897").param("contract", "PERMANENT").param("weeklyHours", "37,5")
                .param("hireStart", Dates.today().toString())).andReturn().getResponse();
        assertThat(closed.getRedirectedUrl()).isEqualTo("/pathways/" + pathway);
        assertThat(jdbc.sql("select hire_weekly_hours from pathway_pathway where id = ?").param(pathway)
                .query(BigDecimal.class).single()).isEqualByComparingTo("37.5");
    }

    @Test
    void anOfferWithEveryPositionFilledProposesToBeMarkedFilled() throws Exception {
        CurrentUser tutor = released.user("tutor.torino");
        CurrentUser referent = released.user("referente.torino");
        released.openEveryDay("master.torino");
        long request = released.release("master.torino", "Coperta", "Carla");
        long pathway = pathwayStart.bookFirstAppointment(tutor, request,
                it.ricolloca.shared.LegalCalendar.nextWorkingDayFrom(Dates.today().plusDays(19)).atTime(15, 0)
                        .atZone(Dates.ZONE), null, null, null);
        Vacancy v = board.create(referent, new VacancyDetails(Dates.today(), "Sarta", null, null, 1, "Fili Srl", null,
                null, null, null, null, null, null, null, referent.centreId(), VacancySource.CPI, null, null, null, null,
                null, null, null, null, null, null));
        String url = "/vacancies/" + v.getId();
        assertThat(page(url)).doesNotContain("id=\"awaits-filling\"");
        assertThat(v.awaitsFilling(0)).isFalse();

        Referral r = referrals.propose(tutor, v.getId(), pathway, null);
        Referral sent = referrals.record(referent, r.getId(), r.getVersion(), ReferralStatus.SENT_TO_COMPANY, null);
        referrals.record(referent, r.getId(), sent.getVersion(), ReferralStatus.HIRED, null);
        String filled = page(url);
        assertThat(filled).contains("id=\"awaits-filling\"", "1 assunto su 1 posto: tutti i posti sono coperti",
                "Segna come coperta", "<option value=\"FILLED\" selected");
        assertThat(board.get(referent, v.getId()).getStatus()).isEqualTo(VacancyStatus.OPEN);

        MockHttpServletResponse marked = mvc.perform(post(url + "/status").with(csrfOnce())
                .with(DemoUsers.as(users, "referente.torino")).param("status", "FILLED")
                .param("version", String.valueOf(board.get(referent, v.getId()).getVersion()))).andReturn().getResponse();
        assertThat(marked.getStatus()).isEqualTo(302);
        Vacancy after = board.get(referent, v.getId());
        assertThat(after.getStatus()).isEqualTo(VacancyStatus.FILLED);
        assertThat(after.awaitsFilling(1)).as("a filled offer proposes nothing more").isFalse();
        assertThat(page(url)).doesNotContain("id=\"awaits-filling\"");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'VACANCY_STATUS' and record_id = ?")
                .param(String.valueOf(v.getId())).query(Long.class).single()).isEqualTo(1);
    }

    private String page(String url) throws Exception {
        return html(mvc.perform(get(url).with(DemoUsers.as(users, "referente.torino"))).andReturn().getResponse());
    }

    @Test
    void aWorkerWithoutHistoryIsToldToCompleteTheProfileNotScored() throws Exception {
        CurrentUser tutor = released.user("tutor.torino");
        CurrentUser referent = released.user("referente.torino");
        released.openEveryDay("master.torino");
        long request = released.release("master.torino", "Senzastoria", "Sara");
        long pathway = pathwayStart.bookFirstAppointment(tutor, request,
                it.ricolloca.shared.LegalCalendar.nextWorkingDayFrom(Dates.today().plusDays(19)).atTime(14, 0)
                        .atZone(Dates.ZONE), null, null, null);
        long worker = pathwayWork.get(tutor, pathway).getWorkerId();
        Vacancy v = board.create(referent, new VacancyDetails(Dates.today(), "Magazziniere", "8.1.3.1.0", null, 1,
                "Scaffali Srl", null, null, null, null, null, null, null, "Carrelli elevatori", referent.centreId(),
                VacancySource.CPI, null, null, null, null, null, null, null, null, null, null));

        String incomplete = html(mvc.perform(get("/vacancies/matches/" + pathway).with(DemoUsers.as(users, "tutor.torino")))
                .andReturn().getResponse());
        assertThat(incomplete).contains("id=\"profile-incomplete\"", "href=\"/workers/" + worker + "\"",
                "href=\"/workers/" + worker + "/edit\"", "senza punteggio")
                .doesNotContain(">Punteggio</th>", "Sede: ");
        // incomplete profiles come last: on the last page when the shared database holds many workers
        String candidates = "";
        for (int p = 0; p <= 200 && !candidates.contains("Senzastoria"); p++) {
            candidates = html(mvc.perform(get("/vacancies/" + v.getId() + "/candidates").param("page", String.valueOf(p))
                    .with(DemoUsers.as(users, "tutor.torino"))).andReturn().getResponse());
        }
        String row = candidates.substring(candidates.indexOf("Senzastoria") - 400, candidates.indexOf("Senzastoria") + 600);
        assertThat(row).contains("Profilo incompleto", "il punteggio non è calcolato");

        CurrentUser admin = released.user("master.torino");
        register.addWork(admin, worker, workers.findById(worker).orElseThrow().getVersion(),
                new WorkHistoryEntry("Depositi Spa", "00743110157", "8.1.3.1.0", "Magazziniere", "CP2021", "Indeterminato",
                        LocalDate.of(2015, 1, 1), LocalDate.of(2019, 12, 31)));
        String complete = html(mvc.perform(get("/vacancies/matches/" + pathway).with(DemoUsers.as(users, "tutor.torino")))
                .andReturn().getResponse());
        assertThat(complete).doesNotContain("id=\"profile-incomplete\"").contains(">Punteggio</th>",
                "Professione: 40 punti (5 livelli su 5 in comune)");
    }

    @Test
    void aProposalFromTheMatchesCarriesANoteTheReferentReads() throws Exception {
        CurrentUser tutor = released.user("tutor.torino");
        CurrentUser referent = released.user("referente.torino");
        released.openEveryDay("master.torino");
        long request = released.release("master.torino", "Connota", "Nadia");
        long pathway = pathwayStart.bookFirstAppointment(tutor, request,
                it.ricolloca.shared.LegalCalendar.nextWorkingDayFrom(Dates.today().plusDays(19)).atTime(13, 0)
                        .atZone(Dates.ZONE), null, null, null);
        Vacancy v = board.create(referent, new VacancyDetails(Dates.today(), "Commessa", null, null, 1, "Negozi Srl",
                null, null, null, null, null, null, null, null, referent.centreId(), VacancySource.CPI, null, null, null,
                null, null, null, null, null, null, null));
        String matches = html(mvc.perform(get("/vacancies/matches/" + pathway).with(DemoUsers.as(users, "tutor.torino")))
                .andReturn().getResponse());
        assertThat(matches).contains("id=\"note-" + v.getId() + "\"", "name=\"note\"", "maxlength=\"2000\"");

        MockHttpServletResponse proposed = mvc.perform(post("/vacancies/" + v.getId() + "/referrals").with(csrfOnce())
                .with(DemoUsers.as(users, "tutor.torino")).param("pathwayId", String.valueOf(pathway))
                .param("note", "Disponibile subito,\nanche il sabato.")).andReturn().getResponse();
        assertThat(proposed.getStatus()).isEqualTo(302);
        assertThat(jdbc.sql("select note from vacancies_referral where vacancy_id = ?").param(v.getId())
                .query(String.class).single()).isEqualTo("Disponibile subito,\nanche il sabato.");
        assertThat(page("/vacancies/" + v.getId())).contains("Nota: Disponibile subito,");

        String tooLong = "x".repeat(2001);
        Vacancy other = board.create(referent, new VacancyDetails(Dates.today(), "Cassiera", null, null, 1, "Negozi Srl",
                null, null, null, null, null, null, null, null, referent.centreId(), VacancySource.CPI, null, null, null,
                null, null, null, null, null, null, null));
        MockHttpServletResponse refused = mvc.perform(post("/vacancies/" + other.getId() + "/referrals").with(csrfOnce())
                .with(DemoUsers.as(users, "tutor.torino")).param("pathwayId", String.valueOf(pathway))
                .param("note", tooLong)).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(200);
        assertThat(html(refused)).contains("id=\"referral-note-error\"");
        assertThat(jdbc.sql("select count(*) from vacancies_referral where vacancy_id = ?").param(other.getId())
                .query(Long.class).single()).isZero();
    }
}
