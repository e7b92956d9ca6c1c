package it.ricolloca.parameters;

import static it.ricolloca.support.DemoUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static it.ricolloca.support.FormPosts.csrfOnce;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.Messages;
import it.ricolloca.support.IntegrationTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class ParametersTest {

    @Autowired Parameters parameters;
    @Autowired MockMvc mvc;
    @Autowired UserDetailsService userDetails;
    @Autowired JdbcClient jdbc;
    @Autowired Messages messages;

    @Test
    void everyConfigurableRuleHasItsDefault() {
        LocalDate today = Dates.today();
        assertThat(parameters.allOn(today)).hasSize(Parameter.values().length);
        assertThat(parameters.integer(Parameter.OBSERVATION_WINDOW_DAYS, today)).isEqualTo(10);
        assertThat(parameters.integer(Parameter.DECISION_DEADLINE_DAYS, today)).isEqualTo(7);
        assertThat(parameters.integer(Parameter.NASPI_MIN_MONTHS, today)).isEqualTo(4);
        assertThat(parameters.flag(Parameter.SILENCE_MEANS_APPROVAL, today)).isFalse();
        assertThat(parameters.amount(Parameter.FEE4SERVICE_HOURLY_EUR, today)).isEqualByComparingTo("35.50");
        assertThat(parameters.amount(Parameter.SUCCESS_PERMANENT_MAX_EUR, today)).isEqualByComparingTo("5000");
    }

    @Test
    void aNewValueAppliesFromItsDateAndTheOldOneStaysForEarlierDecisions() throws Exception {
        Parameter p = Parameter.FEE4SERVICE_MAX_HOURS;
        long latest = parameters.history(p).get(0).id();
        LocalDate from = LocalDate.of(2030, 1, 1);
        var result = mvc.perform(post("/parameters/" + p.name()).with(csrfOnce()).with(as(userDetails, "regione"))
                .param("value", "4").param("validFrom", from.toString()).param("legalSource", "Delibera di prova n. 1/2030")
                .param("latestId", String.valueOf(latest))).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/parameters/" + p.name());
        assertThat(parameters.integer(p, from.minusDays(1))).isEqualTo(3);
        assertThat(parameters.integer(p, from)).isEqualTo(4);
        assertThat(parameters.history(p).get(1).validTo()).isEqualTo(from.minusDays(1));
        assertThat(messages.detail(jdbc.sql("select details from audit_entry where action = 'PARAMETER_CHANGED' and record_id = ?"
                + " order by id desc limit 1").param(p.name()).query(String.class).single())).contains("3 → 4", "01/01/2030", "Delibera di prova");
        String page = mvc.perform(get("/parameters/" + p.name()).with(as(userDetails, "tutor.novara"))).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("Delibera di prova n. 1/2030", "31/12/2029").doesNotContain("Registra il nuovo valore");
    }

    @Test
    void badValuesEarlyDatesAndStaleFormsChangeNothing() throws Exception {
        Parameter p = Parameter.SUCCESS_FIXED_3_MONTHS_MAX_EUR;
        long latest = parameters.history(p).get(0).id();
        int before = parameters.history(p).size();
        String amount = submit(p, "mille", "2031-01-01", "Fonte", latest);
        assertThat(amount).contains("Indica un importo non negativo con al massimo due decimali.");
        String early = submit(p, "1300", "2015-01-01", "Fonte", latest);
        assertThat(early).contains("Il nuovo valore deve valere da una data successiva al 24/09/2015.");
        String stale = submit(p, "1300", "2031-01-01", "Fonte", latest + 999);
        assertThat(stale).contains("modificato da un altro utente");
        String source = submit(p, "1300", "2031-01-01", " ", latest);
        assertThat(source).contains("Indica la fonte normativa");
        assertThat(parameters.history(p)).hasSize(before);
        assertThat(parameters.amount(p, LocalDate.of(2031, 6, 1))).isEqualByComparingTo(new BigDecimal("1250"));
        assertThat(mvc.perform(get("/parameters/NON_ESISTE").with(as(userDetails, "regione"))).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
    }

    private String submit(Parameter p, String value, String from, String source, long latest) throws Exception {
        return mvc.perform(post("/parameters/" + p.name()).with(csrfOnce()).with(as(userDetails, "regione"))
                .param("value", value).param("validFrom", from).param("legalSource", source)
                .param("latestId", String.valueOf(latest))).andReturn().getResponse().getContentAsString();
    }
}
