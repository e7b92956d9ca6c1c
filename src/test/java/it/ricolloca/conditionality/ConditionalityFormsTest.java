package it.ricolloca.conditionality;

import static it.ricolloca.support.FormPosts.csrfOnce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import it.ricolloca.conditionality.SuitableOffer.Criterion;
import it.ricolloca.conditionality.SuitableOffer.Result;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.support.DemoUsers;
import it.ricolloca.support.IntegrationTest;
import it.ricolloca.support.ReleasedWorkers;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Conditionality's forms as a user posts them: the offer check reads Italian numbers and refuses
 * foreign ones on the field with the text kept; a report without its evidence comes back as typed;
 * a stale justification or decision is refused with the one stale message and changes nothing.
 */
@IntegrationTest
class ConditionalityFormsTest {

    static final String STALE = "Il record è stato modificato da un altro utente mentre compilavi il modulo";
    static final String REQUIRED = "Campo obbligatorio.";

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired Conditionality conditionality;
    @Autowired ReleasedWorkers released;
    @Autowired JdbcClient jdbc;

    @Test
    @SuppressWarnings("unchecked")
    void theOfferCheckReadsItalianNumbers() throws Exception {
        // Read the foreign way, 1.600 and 1.400 would be under two euros and the pay would pass.
        MvcResult r = send("tutor.torino", post(ConditionalityRoutes.SUITABILITY).param("offeredPay", "1.650,50")
                .param("collectiveMinimum", "1.600").param("benefit", "1.400").param("offeredHours", "32,5")
                .param("lastHours", "40").param("distanceKm", "0,73").param("permanent", "YES"));
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        Map<Criterion, Result> results = (Map<Criterion, Result>) r.getModelAndView().getModel().get("results");
        assertThat(results.get(Criterion.PAY)).as("1.650,50 is under 1,2 × 1.400").isEqualTo(Result.NOT_MET);
        assertThat(results.get(Criterion.HOURS)).as("32,5 of 40 hours is over 80%").isEqualTo(Result.MET);
        assertThat(results.get(Criterion.CONTRACT)).isEqualTo(Result.MET);
        assertThat(r.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("value=\"1650,5\"",
                "value=\"32,5\"", "value=\"0,73\"", "value=\"1600\"");

        MvcResult foreign = send("tutor.torino", post(ConditionalityRoutes.SUITABILITY).param("offeredPay", "1,650.50")
                .param("benefit", "1.400"));
        assertThat(foreign.getResponse().getStatus()).isEqualTo(200);
        assertThat(foreign.getModelAndView().getModel().get("results")).isNull();
        assertThat(foreign.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("value=\"1,650.50\"",
                "scrivilo all", "value=\"1400\"");
    }

    /**
     * Torino (centroid 45.07170, 7.67794) to Novara (45.43926, 8.61531): 83,99 km in a straight line (haversine,
     * Earth radius 6371,0088 km) × road factor 1,30 = 109,2 km; at 30 km/h by public transport, 218 minutes. The
     * estimate fills the empty fields and the page says it is one; a figure the user typed is kept.
     */
    @Test
    void theOfferCheckBetweenTwoMunicipalitiesPrefillsTheEstimatedDistance() throws Exception {
        MvcResult r = send("tutor.torino", post(ConditionalityRoutes.SUITABILITY).param("homeMunicipality", "Torino")
                .param("offerMunicipality", "Novara").param("offerDate", Dates.today().toString())
                .param("unemployedSince", Dates.today().minusMonths(3).toString()));
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        String page = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"distanceKm\" name=\"distanceKm\"", "value=\"109,2\"", "value=\"218\"",
                "Stima da Torino (TO) a Novara (NO): 84 km in linea d", "aria × fattore stradale 1,3 = 109,2 km",
                "30 km/h", "218 minuti", "sono stime");
        @SuppressWarnings("unchecked")
        Map<Criterion, Result> results = (Map<Criterion, Result>) r.getModelAndView().getModel().get("results");
        assertThat(results.get(Criterion.DISTANCE)).as("109,2 km and 218 minutes are over 50 km and 80 minutes")
                .isEqualTo(Result.NOT_MET);

        MvcResult typed = send("tutor.torino", post(ConditionalityRoutes.SUITABILITY).param("homeMunicipality", "Torino")
                .param("offerMunicipality", "Novara").param("distanceKm", "95").param("travelMinutes", "70"));
        assertThat(typed.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("value=\"95\"",
                "value=\"70\"").doesNotContain("value=\"109,2\"");

        MvcResult unknown = send("tutor.torino", post(ConditionalityRoutes.SUITABILITY)
                .param("homeMunicipality", "Borgo Inesistente").param("offerMunicipality", "Novara"));
        assertThat(unknown.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("Non è stato possibile stimare distanza e tempo");
    }

    @Test
    void aReportWithoutEvidenceComesBackAsTypedAndSavesNothing() throws Exception {
        long request = released.release("master.torino", "Moduli", "Rita");
        String taxCode = released.taxCodeOf(request);
        long before = count();
        MvcResult r = send("master.torino", post(ConditionalityRoutes.QUEUE).param("taxCode", taxCode)
                .param("provider", "Agenzia Lavoro Ovunque").param("kind", "REFUSED_OFFER")
                .param("occurredOn", Dates.today().minusDays(2).toString()).param("evidence", " "));
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        assertThat(r.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains(REQUIRED, taxCode,
                "Agenzia Lavoro Ovunque", "value=\"" + Dates.today().minusDays(2) + "\"");
        assertThat(r.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .containsPattern("value=\"REFUSED_OFFER\"\\s+selected");
        assertThat(r.getResponse().getContentAsString(StandardCharsets.UTF_8)).as("no template syntax leaks onto the page")
                .doesNotContainPattern("(?m)^\\s*@\\s*$");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aStaleJustificationOrDecisionSaysSoAndChangesNothing() throws Exception {
        long request = released.release("master.torino", "Moduli", "Ugo");
        long worker = jdbc.sql("select worker_id from requests_voucher_request where id = ?").param(request)
                .query(Long.class).single();
        Breach b = conditionality.reportFromProvider("tutor.torino", worker, request, "CPI Torino", BreachKind.MISSED_APPOINTMENT,
                Dates.today().minusDays(1), "assente");
        String stale = String.valueOf(b.getVersion() + 1);

        MvcResult justification = send("operatore.torino", post(ConditionalityRoutes.justification(b.getId()))
                .param("text", "certificato medico del giorno").param("receivedOn", Dates.today().toString())
                .param("version", stale));
        assertThat(justification.getResponse().getStatus()).isEqualTo(200);
        assertThat(justification.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains(STALE,
                "certificato medico del giorno");
        assertThat(jdbc.sql("select justification from conditionality_breach where id = ?").param(b.getId())
                .query(String.class).list().get(0)).isNull();

        MvcResult blank = send("operatore.torino", post(ConditionalityRoutes.justification(b.getId()))
                .param("text", "").param("receivedOn", "2026-02-03").param("version", String.valueOf(b.getVersion())));
        assertThat(blank.getResponse().getStatus()).isEqualTo(200);
        assertThat(blank.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains(REQUIRED,
                "value=\"2026-02-03\"");
    }

    private long count() {
        return jdbc.sql("select count(*) from conditionality_breach").query(Long.class).single();
    }

    private MvcResult send(String username, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(csrfOnce()).with(DemoUsers.as(users, username))).andReturn();
    }
}
