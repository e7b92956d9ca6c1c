package it.ricolloca.network;

import static it.ricolloca.support.DemoUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static it.ricolloca.support.FormPosts.csrfOnce;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import it.ricolloca.network.internal.NetworkAdministration;
import it.ricolloca.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@IntegrationTest
class NetworkAdministrationTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService userDetails;
    @Autowired JobCentres centres;
    @Autowired NetworkAdministration administration;
    @Autowired JdbcClient jdbc;

    @Test
    void theDemoNetworkHasTheTwentyFiveCentresOfTheSeedEachWithOneOffice() {
        assertThat(centres.all()).hasSize(25);
        assertThat(jdbc.sql("select count(*) from network_office").query(Long.class).single()).isGreaterThanOrEqualTo(25);
        assertThat(centres.regionalAgency()).map(RegionalAgency::getName).hasValue("Agenzia Piemonte Lavoro");
    }

    @Test
    void everyNameOfTheSeedTableIsRecognised() {
        List<String> seed = List.of("CENTRO PER L'IMPIEGO DI NOVARA", "CENTRO PER L'IMPIEGO DI PINEROLO",
                "CPI ACQUI TERME", "CPI ALBA", "CPI ALESSANDRIA", "CPI ASTI", "CPI BIELLA", "CPI BORGOMANERO",
                "CPI CASALE MONFERRATO", "CPI CHIERI", "CPI CHIVASSO", "CPI CIRIE'", "CPI CUNEO", "CPI CUORGNE'",
                "CPI FOSSANO", "CPI IVREA", "CPI MONCALIERI", "CPI OMEGNA", "CPI ORBASSANO", "CPI RIVOLI",
                "CPI SETTIMO TORINESE", "CPI SUSÀ", "CPI TORINO - VIA BOLOGNA", "CPI TORTONA", "CPI VENARIA REALE");
        assertThat(seed.stream().map(centres::recognise).map(o -> o.map(CentreSummary::id).orElse(null)).distinct())
                .hasSize(25).doesNotContainNull();
        assertThat(centres.recognise("Centro per l'impiego di Torino – via Bologna")).map(CentreSummary::code)
                .hasValue("TORINO-BOLOGNA");
        assertThat(centres.recognise("CPI Roma")).isEmpty();
    }

    @Test
    void theAdministratorEditsACentreAndTheChangeIsAudited() throws Exception {
        JobCentre alba = byCode("ALBA");
        MvcResult result = mvc.perform(post("/centres/" + alba.getId() + "/edit").with(csrfOnce()).with(as(userDetails, "regione"))
                .param("code", "ALBA").param("name", "CPI Alba").param("officialName", alba.getOfficialName())
                .param("province", "CN").param("email", "alba.nuova@example.org")
                .param("variants", "CPI ALBA\nC.P.I. di Alba e Bra").param("version", String.valueOf(alba.getVersion())))
                .andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/centres/" + alba.getId());
        assertThat(centres.recognise("cpi alba e bra")).map(CentreSummary::code).hasValue("ALBA");
        assertThat(jdbc.sql("select details from audit_entry where action = 'CENTRE_UPDATED' and record_id = ? order by id desc limit 1")
                .param(String.valueOf(alba.getId())).query(String.class).single()).contains("alba.nuova@example.org");
    }

    @Test
    void aStaleFormIsRefusedAndChangesNothing() throws Exception {
        JobCentre asti = byCode("ASTI");
        MvcResult result = mvc.perform(post("/centres/" + asti.getId() + "/edit").with(csrfOnce()).with(as(userDetails, "regione"))
                .param("code", "ASTI").param("name", "CPI Asti modificato").param("officialName", asti.getOfficialName())
                .param("province", "AT").param("email", asti.getEmail()).param("variants", "CPI ASTI")
                .param("version", String.valueOf(asti.getVersion() + 7))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentAsString()).contains("modificato da un altro utente");
        assertThat(byCode("ASTI").getName()).isEqualTo("CPI Asti");
    }

    @Test
    void aVariantThatAlreadyNamesAnotherCentreIsRefused() throws Exception {
        JobCentre biella = byCode("BIELLA");
        MvcResult result = mvc.perform(post("/centres/" + biella.getId() + "/edit").with(csrfOnce()).with(as(userDetails, "regione"))
                .param("code", "BIELLA").param("name", "CPI Biella").param("officialName", biella.getOfficialName())
                .param("province", "BI").param("email", biella.getEmail()).param("variants", "CPI BIELLA\ncpi cuneo")
                .param("version", String.valueOf(biella.getVersion()))).andReturn();
        assertThat(result.getResponse().getContentAsString()).contains("riconosce già il CPI CPI Cuneo");
        assertThat(byCode("BIELLA").getNameVariants()).containsExactly("CPI BIELLA");
    }

    @Test
    void invalidInputGetsItalianMessagesAndCreatesNothing() throws Exception {
        long before = centres.all().size();
        MvcResult result = mvc.perform(post("/centres").with(csrfOnce()).with(as(userDetails, "regione"))
                .param("code", "<script>").param("name", "").param("officialName", "x").param("province", "Torino")
                .param("email", "non-una-mail").param("version", "0")).andReturn();
        String page = result.getResponse().getContentAsString();
        assertThat(page).contains("Campo obbligatorio.", "Indirizzo e-mail non valido.", "Sigla di due lettere",
                "Solo lettere, cifre e trattini.").doesNotContain("<script>");
        assertThat(centres.all()).hasSize((int) before);
    }

    @Test
    void aDuplicateCodeIsRefused() throws Exception {
        MvcResult result = mvc.perform(post("/centres").with(csrfOnce()).with(as(userDetails, "regione"))
                .param("code", "novara").param("name", "CPI Doppio").param("officialName", "Centro doppio")
                .param("province", "NO").param("email", "doppio@example.org").param("version", "0")).andReturn();
        assertThat(result.getResponse().getContentAsString()).contains("Esiste già un CPI con questo codice.");
    }

    @Test
    void theListSearchesAndPages() throws Exception {
        String page = mvc.perform(get("/centres").param("q", "TORI").with(as(userDetails, "tutor.novara")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("CPI Torino – via Bologna", "CPI Settimo Torinese").doesNotContain(">CPI Novara</a>");
        String second = mvc.perform(get("/centres").param("page", "1").with(as(userDetails, "tutor.novara")))
                .andReturn().getResponse().getContentAsString();
        assertThat(second).contains("Pagina 2 di 2 (25 elementi)");
        String none = mvc.perform(get("/centres").param("q", "zzzz").with(as(userDetails, "tutor.novara")))
                .andReturn().getResponse().getContentAsString();
        assertThat(none).contains("Nessun risultato per la ricerca.");
    }

    private JobCentre byCode(String code) {
        long id = centres.all().stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow().id();
        return administration.get(id);
    }
}
