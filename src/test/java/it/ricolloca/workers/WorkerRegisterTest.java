package it.ricolloca.workers;

import static it.ricolloca.support.DemoUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static it.ricolloca.support.FormPosts.csrfOnce;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import it.ricolloca.accounts.internal.ApiTokens;
import it.ricolloca.accounts.internal.UserAccountRepository;
import it.ricolloca.shared.CodiceFiscale;
import it.ricolloca.support.IntegrationTest;
import it.ricolloca.workers.internal.Worker;
import it.ricolloca.workers.internal.WorkerRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@IntegrationTest
class WorkerRegisterTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService userDetails;
    @Autowired WorkerRepository workers;
    @Autowired UserAccountRepository users;
    @Autowired ApiTokens tokens;
    @Autowired JdbcClient jdbc;

    static String cf(String first15) {
        return first15 + CodiceFiscale.checkCharacter(first15);
    }

    @Test
    void anOperatorAddsAWorkerToTheirOwnCentreAndTheBirthDateComesFromTheCode() throws Exception {
        String code = cf("VRDGNN85M52L219");
        MvcResult result = mvc.perform(post("/workers").with(csrfOnce()).with(as(userDetails, "operatore.torino"))
                .param("taxCode", code.toLowerCase()).param("firstName", "Giovanna").param("lastName", "Verdi")
                .param("competentCentreId", String.valueOf(centreOf("master.novara")))).andReturn();
        Worker w = workers.findByTaxCode(code).orElseThrow();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/workers/" + w.getId());
        assertThat(w.getCompetentCentreId()).isEqualTo(centreOf("master.torino"));
        assertThat(w.getBirthDate()).hasToString("1985-08-12");
        assertThat(w.getSex()).isEqualTo("F");
        assertThat(w.isNeedsCompletion()).isFalse();
    }

    @Test
    void aWrongCodiceFiscaleIsRefusedWithItsPreciseReason() throws Exception {
        String first15 = "BNCLCU70A01F205";
        char right = CodiceFiscale.checkCharacter(first15);
        char wrong = right == 'Z' ? 'Y' : (char) (right + 1);
        String page = mvc.perform(post("/workers").with(csrfOnce()).with(as(userDetails, "adr.regione"))
                .param("taxCode", first15 + wrong).param("firstName", "Luca").param("lastName", "Bianchi"))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Il carattere di controllo è \"" + wrong + "\", ma per questo codice dovrebbe essere \""
                + right + "\"");
        assertThat(workers.findByTaxCode(first15 + wrong)).isEmpty();
        String month = mvc.perform(post("/workers").with(csrfOnce()).with(as(userDetails, "adr.regione"))
                .param("taxCode", "BNCLCU70F01F205X").param("firstName", "Luca").param("lastName", "Bianchi"))
                .andReturn().getResponse().getContentAsString();
        assertThat(month).contains("non indica un mese");
    }

    @Test
    void theRecordIsEditedWithHistoryAndEveryChangeShowsInTheTimeline() throws Exception {
        String code = cf("GLLPLA75C10L219");
        mvc.perform(post("/workers").with(csrfOnce()).with(as(userDetails, "regione")).param("taxCode", code)
                .param("firstName", "Paolo").param("lastName", "Gialli")
                .param("competentCentreId", String.valueOf(centreOf("master.torino"))));
        Worker w = workers.findByTaxCode(code).orElseThrow();
        MvcResult edit = mvc.perform(post("/workers/" + w.getId() + "/edit").with(csrfOnce()).with(as(userDetails, "tutor.torino"))
                .param("firstName", "Paolo").param("lastName", "Gialli").param("residenceMunicipality", "Torino")
                .param("email", "paolo@example.org").param("naspiStart", "2026-03-01").param("naspiExpectedEnd", "2027-02-28")
                .param("naspiMonthlyAmount", "980,50").param("naspiStatus", "ACTIVE").param("profilingIndex", "0,625")
                .param("profilingDate", "2026-03-10").param("skills", "Magazzino, carrellista")
                .param("version", String.valueOf(w.getVersion()))).andReturn();
        assertThat(edit.getResponse().getRedirectedUrl()).isEqualTo("/workers/" + w.getId());
        Worker edited = workers.findByTaxCode(code).orElseThrow();
        mvc.perform(post("/workers/" + w.getId() + "/work-history").with(csrfOnce()).with(as(userDetails, "tutor.torino"))
                .param("employer", "Logistica Srl").param("employerVat", "00743110157").param("professionLabel", "Magazziniere")
                .param("professionCode", "8.1.3.1.0").param("classification", "CP2021").param("contractType", "Tempo determinato")
                .param("startDate", "2024-01-08").param("endDate", "2025-12-31").param("version", String.valueOf(edited.getVersion())));
        Worker withWork = workers.findByTaxCode(code).orElseThrow();
        mvc.perform(post("/workers/" + w.getId() + "/education").with(csrfOnce()).with(as(userDetails, "tutor.torino"))
                .param("title", "Diploma di perito industriale").param("institution", "ITIS Avogadro").param("year", "1994")
                .param("version", String.valueOf(withWork.getVersion())));

        String page = mvc.perform(get("/workers/" + w.getId()).with(as(userDetails, "master.torino"))).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("Logistica Srl", "Magazziniere", "Diploma di perito industriale", "980,50 €",
                "In corso", "0,625", "Scheda modificata", "Esperienza lavorativa aggiunta", "Titolo di studio aggiunto",
                "Lavoratore aggiunto al registro");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'WORKER_VIEWED' and record_id = ? and actor = 'master.torino'")
                .param(String.valueOf(w.getId())).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aStaleFormOrAWrongHistoryIsRefusedAndChangesNothing() throws Exception {
        String code = cf("NREGRG60T20L219");
        mvc.perform(post("/workers").with(csrfOnce()).with(as(userDetails, "regione")).param("taxCode", code)
                .param("firstName", "Giorgio").param("lastName", "Neri")
                .param("competentCentreId", String.valueOf(centreOf("master.torino"))));
        Worker w = workers.findByTaxCode(code).orElseThrow();
        String stale = mvc.perform(post("/workers/" + w.getId() + "/edit").with(csrfOnce()).with(as(userDetails, "regione"))
                .param("firstName", "Giorgione").param("lastName", "Neri").param("version", String.valueOf(w.getVersion() + 3)))
                .andReturn().getResponse().getContentAsString();
        assertThat(stale).contains("modificato da un altro utente");
        String dates = mvc.perform(post("/workers/" + w.getId() + "/work-history").with(csrfOnce()).with(as(userDetails, "regione"))
                .param("employer", "Ditta").param("startDate", "2025-05-01").param("endDate", "2024-01-01")
                .param("employerVat", "123").param("version", String.valueOf(w.getVersion()))).andReturn().getResponse()
                .getContentAsString();
        assertThat(dates).contains("La partita IVA ha 11 cifre.");
        String amount = mvc.perform(post("/workers/" + w.getId() + "/edit").with(csrfOnce()).with(as(userDetails, "regione"))
                .param("naspiMonthlyAmount", "mille").param("version", String.valueOf(w.getVersion())))
                .andReturn().getResponse().getContentAsString();
        assertThat(amount).contains("Numero non valido: scrivilo");
        String index = mvc.perform(post("/workers/" + w.getId() + "/edit").with(csrfOnce()).with(as(userDetails, "regione"))
                .param("profilingIndex", "1,5").param("version", String.valueOf(w.getVersion())))
                .andReturn().getResponse().getContentAsString();
        assertThat(index).contains("Il valore non può superare 1.");
        Worker after = workers.findByTaxCode(code).orElseThrow();
        assertThat(after.getFirstName()).isEqualTo("Giorgio");
        assertThat(after.getVersion()).isEqualTo(w.getVersion());
    }

    @Test
    void searchIsScopedAndFindsByCodePrefixOrName() throws Exception {
        String torino = cf("BLUMRC90A01L219");
        String novara = cf("BLUMRC91A01F952");
        mvc.perform(post("/workers").with(csrfOnce()).with(as(userDetails, "master.torino")).param("taxCode", torino)
                .param("firstName", "Marco").param("lastName", "Blu"));
        mvc.perform(post("/workers").with(csrfOnce()).with(as(userDetails, "master.novara")).param("taxCode", novara)
                .param("firstName", "Marco").param("lastName", "Blu"));
        String fromNovara = mvc.perform(get("/workers").param("q", "blu").with(as(userDetails, "operatore.novara")))
                .andReturn().getResponse().getContentAsString();
        assertThat(fromNovara).contains(novara).doesNotContain(torino);
        String regional = mvc.perform(get("/workers").param("q", "BLUMRC9").with(as(userDetails, "adr.regione")))
                .andReturn().getResponse().getContentAsString();
        assertThat(regional).contains(novara, torino);
        String byFullName = mvc.perform(get("/workers").param("q", "marco blu").with(as(userDetails, "adr.regione")))
                .andReturn().getResponse().getContentAsString();
        assertThat(byFullName).contains(novara, torino);
    }

    @Test
    void anOperatorOfNovaraCannotOpenATorinoWorkerByPageOrApi() throws Exception {
        String code = cf("RNCLRA82B41L219");
        mvc.perform(post("/workers").with(csrfOnce()).with(as(userDetails, "operatore.torino")).param("taxCode", code)
                .param("firstName", "Laura").param("lastName", "Arancio"));
        long id = workers.findByTaxCode(code).orElseThrow().getId();
        assertThat(mvc.perform(get("/workers/" + id).with(as(userDetails, "operatore.novara"))).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
        String novaraToken = tokens.create(users.findByUsername("operatore.novara").orElseThrow().getId(), "prova", "test");
        assertThat(mvc.perform(get("/api/v1/workers/" + code).header("Authorization", "Bearer " + novaraToken))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        String torinoToken = tokens.create(users.findByUsername("tutor.torino").orElseThrow().getId(), "prova", "test");
        MvcResult api = mvc.perform(get("/api/v1/workers/" + code.toLowerCase()).header("Authorization", "Bearer " + torinoToken))
                .andReturn();
        assertThat(api.getResponse().getStatus()).isEqualTo(200);
        assertThat(api.getResponse().getContentAsString()).contains("\"codiceFiscale\":\"" + code + "\"", "\"sex\":\"F\"",
                "\"birthDate\":\"1982-02-01\"");
        assertThat(mvc.perform(get("/api/v1/workers/NONESISTE").header("Authorization", "Bearer demo-token-regione"))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    private long centreOf(String username) {
        return users.findByUsername(username).orElseThrow().getCentreId();
    }
}
