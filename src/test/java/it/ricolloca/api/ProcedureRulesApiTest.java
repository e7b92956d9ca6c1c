package it.ricolloca.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.ricolloca.accounts.internal.ApiTokens;
import it.ricolloca.accounts.internal.UserAccountRepository;
import it.ricolloca.network.OfficeSummary;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.support.IntegrationTest;
import it.ricolloca.support.ReleasedWorkers;
import it.ricolloca.support.TestCodes;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The worked examples of issue 18 driven only through the API, as a regional system would: the ministerial
 * list imported, notices with and without their date, the art. 10-bis terms of 2017 and of 2020, a term ending
 * on Easter Monday 2018, the information record, a refusal with and without a suitable-offer finding and the
 * decadenza it leads to. Set-up names a worker through the test support only where the register has no API to
 * create one; every act and every read is an API call.
 */
@IntegrationTest
class ProcedureRulesApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Random RANDOM = new Random(1818);
    private static final String HEADER = "Codice fiscale;Data richiesta;Stato richiesta;CPI competente;Data stato;"
            + "Tipo erogatore;Soggetto erogatore;Sede erogatore\n";

    @Autowired MockMvc mvc;
    @Autowired ApiTokens tokens;
    @Autowired UserAccountRepository users;
    @Autowired ReleasedWorkers released;

    @Test
    void theRulesOfTheRequestSideByApi() throws Exception {
        String region = token("adr.regione");
        String master = token("master.torino");
        OfficeSummary office = released.office("master.torino");
        String noticeWithDate = TestCodes.random(RANDOM);
        String noticeWithoutDate = TestCodes.random(RANDOM);
        String requested2017 = TestCodes.random(RANDOM);
        String easter = TestCodes.random(RANDOM);
        String csv = HEADER + row(noticeWithDate, "01/12/2020", "Preavviso di rigetto", office, "22/12/2020")
                + row(noticeWithoutDate, "01/12/2020", "Preavviso di rigetto", office, "")
                + row(requested2017, "17/12/2017", "Richiesto", office, "")
                + row(easter, "26/03/2018", "Richiesto", office, "");
        MockHttpServletResponse imported = mvc.perform(multipart("/api/v1/imports/requests")
                .file(new MockMultipartFile("file", "elenco.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .param("snapshotDate", "2021-01-15").header("Authorization", region)
                .header("Idempotency-Key", UUID.randomUUID().toString())).andReturn().getResponse();
        assertThat(imported.getStatus()).as(imported.getContentAsString()).isEqualTo(200);

        // A term ending on Easter Monday: requested on Monday 26/3/2018, 7 days to Monday 2/4/2018 (Easter Monday):
        // the decision is due on Tuesday 3/4/2018.
        JsonNode r = request(master, easter);
        assertThat(r.get("request").get("deadline").asText()).isEqualTo("2018-04-03");

        // An imported notice with its status date: the window counts from 22/12/2020 and closed long ago.
        r = request(master, noticeWithDate);
        assertThat(r.get("notice").get("sentOn").asText()).isEqualTo("2020-12-22");
        assertThat(r.get("notice").get("regime").asText()).isEqualTo("SUSPENDED");
        r = ok(master, "/api/v1/requests/" + id(r) + "/reject", body("reasons", "Occupato dal 15/11/2020",
                "version", version(r)));
        assertThat(r.get("request").get("status").asText()).isEqualTo("REJECTED");

        // An imported notice without a date: no decision until the date is given (a problem, in Italian).
        r = request(master, noticeWithoutDate);
        MockHttpServletResponse refused = send(master, "/api/v1/requests/" + id(r) + "/reject",
                body("reasons", "Occupato", "version", version(r)));
        assertThat(refused.getStatus()).isEqualTo(409);
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(JSON.readTree(refused.getContentAsString(StandardCharsets.UTF_8)).get("detail").asText())
                .contains("data");
        r = ok(master, "/api/v1/requests/" + id(r) + "/notice-date", body("on", "2020-12-22", "version", version(r)));
        // Received on Monday 28/12/2020: ten days to Thursday 7/1/2021; the term is suspended (text from 17/7/2020).
        r = ok(master, "/api/v1/requests/" + id(r) + "/notice-receipt", body("on", "2020-12-28", "version", version(r)));
        assertThat(r.get("notice").get("observationDeadline").asText()).isEqualTo("2021-01-07");
        assertThat(r.get("notice").get("regime").asText()).isEqualTo("SUSPENDED");
        r = ok(master, "/api/v1/requests/" + id(r) + "/reject", body("reasons", "Occupato dal 15/11/2020",
                "version", version(r)));
        assertThat(r.get("request").get("status").asText()).isEqualTo("REJECTED");

        // A notice sent on 22/12/2017 and received on 27/12/2017: ten days to Saturday 6/1/2018 (Epiphany), then
        // Sunday: Monday 8/1/2018; the term, interrupted, runs anew for 7 days: Monday 15/1/2018.
        r = request(master, requested2017);
        r = ok(master, "/api/v1/requests/" + id(r) + "/checks", body("kind", "EMPLOYMENT", "outcome", "FAILED",
                "checkedOn", "2017-12-20", "note", "rapporto di lavoro dal 15/12/2017", "version", version(r)));
        MockHttpServletResponse early = send(master, "/api/v1/requests/" + id(r) + "/rejection-notice",
                body("reasons", "Risulta occupato", "sentOn", "2017-12-10", "version", version(r)));
        assertThat(early.getStatus()).as("a notice before the request").isIn(400, 409);
        r = ok(master, "/api/v1/requests/" + id(r) + "/rejection-notice", body("reasons", "Risulta occupato dal 15/12/2017",
                "sentOn", "2017-12-22", "version", version(r)));
        assertThat(r.get("notice").get("regime").asText()).isEqualTo("INTERRUPTED");
        r = ok(master, "/api/v1/requests/" + id(r) + "/notice-receipt", body("on", "2017-12-27", "version", version(r)));
        assertThat(r.get("notice").get("observationDeadline").asText()).isEqualTo("2018-01-08");
        assertThat(r.get("request").get("deadline").asText()).isEqualTo("2018-01-15");

        // Nothing of this is readable by another CPI.
        assertThat(mvc.perform(get("/api/v1/requests/" + id(r)).header("Authorization", token("master.novara")))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void informationAndARefusalWithAndWithoutAFindingByApi() throws Exception {
        String master = token("master.torino");
        String cf = released.invited("master.torino", "Congrua", "Carla");

        // Accoglienza e informazione: recorded and read back.
        JsonNode info = ok(master, "/api/v1/workers/" + cf + "/information", body("informedOn", "2026-11-02",
                "channel", "IN_PERSON", "aboutService", true, "aboutVoluntary", true, "aboutConditionality", true,
                "aboutSuitableOffer", true));
        assertThat(info.get(0).get("informedOn").asText()).isEqualTo("2026-11-02");
        assertThat(info.get(0).get("channel").asText()).isEqualTo("IN_PERSON");
        assertThat(send(token("master.novara"), "/api/v1/workers/" + cf + "/information", body("informedOn",
                "2026-11-02", "channel", "PHONE", "aboutService", true)).getStatus()).isEqualTo(404);

        // A refusal of an offer of 17/9/2018, reported for a private provider on 20/9/2018 and justified.
        JsonNode breach = ok(master, "/api/v1/breaches", body("taxCode", cf, "provider", "Agenzia privata Alfa",
                "kind", "REFUSED_OFFER", "occurredOn", "2018-09-20", "evidence", "Rifiuto dell'offerta del 17/09/2018"));
        long id = breach.get("id").asLong();
        breach = ok(master, "/api/v1/breaches/" + id + "/justification", body("text", "non mi interessa",
                "receivedOn", Dates.today().toString(), "version", breach.get("version").asLong()));
        assertThat(breach.get("proposedSanction").asText()).isEqualTo("LOSS_OF_BENEFIT");

        // Without a finding the decadenza is refused.
        MockHttpServletResponse refused = send(master, "/api/v1/breaches/" + id + "/decision", body("outcome", "SANCTION",
                "sanction", "LOSS_OF_BENEFIT", "version", breach.get("version").asLong()));
        assertThat(refused.getStatus()).isEqualTo(409);
        assertThat(refused.getContentType()).startsWith("application/problem+json");

        // The finding, criterion by criterion, by the DM of 10 April 2018 (in force on the offer's date).
        JsonNode finding = ok(master, "/api/v1/breaches/" + id + "/findings", body("offerDate", "2018-09-17",
                "offerDescription", "Magazzino Rossi, addetta al magazzino, Chieri", "unemployedSince", "2018-05-02",
                "coherence", "PACT_AREA", "permanent", true, "distanceKm", 35, "travelMinutes", 45,
                "offeredWeeklyHours", 40, "lastWeeklyHours", 40, "offeredMonthlyPay", 1500, "workerContributions", 138,
                "collectiveMinimum", 1400, "lastMonthlyBenefit", 1000));
        assertThat(finding.get("rules").asText()).isEqualTo("DM_2018");
        assertThat(finding.get("overall").asText()).isEqualTo("MET");
        assertThat(finding.get("results").size()).isEqualTo(5);
        breach = readOk(master, "/api/v1/breaches/" + id);
        breach = ok(master, "/api/v1/breaches/" + id + "/decision", body("outcome", "SANCTION",
                "sanction", "LOSS_OF_BENEFIT", "version", breach.get("version").asLong()));
        assertThat(breach.get("sanction").asText()).isEqualTo("LOSS_OF_BENEFIT");

        // The decadenza reaches the register: the worker lost NASpI and the unemployment status.
        assertThat(readOk(master, "/api/v1/workers/" + cf).get("naspiStatus").asText()).isEqualTo("LAPSED");
    }

    /**
     * The service side by API: a first appointment dated two days before the release is refused; a first
     * appointment missed without justification is recorded, and a new one, held, starts the service; a
     * provider of another CPI reads nothing of it.
     */
    @Test
    void aFirstAppointmentMissedThenHeldAndNeverBeforeTheReleaseByApi() throws Exception {
        String master = token("master.torino");
        String tutor = token("tutor.torino");
        String cf = released.invited("master.torino", "Assente", "Arturo");
        OfficeSummary office = released.office("master.torino");
        JsonNode r = ok(master, "/api/v1/requests", body("taxCode", cf, "providerType", "CPI", "officeId", office.id()));
        long request = id(r);
        for (String kind : new String[] {"EMPLOYMENT", "NASPI", "OTHER_ACTIVE_POLICY"}) {
            r = ok(master, "/api/v1/requests/" + request + "/checks", body("kind", kind, "outcome", "PASSED",
                    "checkedOn", Dates.today().toString(), "version", version(r)));
        }
        r = ok(master, "/api/v1/requests/" + request + "/release", body("note", "verifiche superate", "version", version(r)));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() ->
                readOk(tutor, "/api/v1/pathways/queue").toString().contains("\"requestId\":" + request));

        // Released yesterday (the release is dated by SQL): both appointments are then in the past at any hour
        // of today, just after midnight included.
        java.time.LocalDate releasedOn = Dates.today().minusDays(1);
        released.releasedOn(request, releasedOn);
        String past = "/api/v1/pathways/queue/" + request + "/past-first-appointment";
        MockHttpServletResponse before = send(tutor, past, body("onDate", releasedOn.minusDays(2).toString(),
                "at", "10:00", "minutes", 60, "outcome", "HELD"));
        assertThat(before.getStatus()).isEqualTo(409);
        assertThat(JSON.readTree(before.getContentAsString(StandardCharsets.UTF_8)).get("detail").asText())
                .contains(Dates.format(releasedOn));

        JsonNode p = ok(tutor, past, body("onDate", releasedOn.toString(), "at", "10:01", "minutes", 5,
                "outcome", "ABSENT_UNJUSTIFIED", "note", "non si è presentato"));
        assertThat(p.get("startedOn").isNull()).isTrue();
        assertThat(p.get("appointments").get(0).get("status").asText()).isEqualTo("ABSENT_UNJUSTIFIED");
        p = ok(tutor, past, body("onDate", releasedOn.toString(), "at", "10:10", "minutes", 5, "outcome", "HELD"));
        assertThat(p.get("startedOn").asText()).isEqualTo(releasedOn.toString());
        assertThat(mvc.perform(get("/api/v1/pathways/" + p.get("id").asLong()).header("Authorization",
                token("tutor.novara"))).andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    private String row(String cf, String requestDate, String status, OfficeSummary office, String statusDate) {
        return cf + ";" + requestDate + ";" + status + ";" + office.centreName() + ";" + statusDate + ";CPI;"
                + office.centreName() + ";" + office.name() + "\n";
    }

    private JsonNode request(String token, String cf) throws Exception {
        JsonNode list = readOk(token, "/api/v1/requests?q=" + cf);
        assertThat(list.get("items").size()).as(cf).isEqualTo(1);
        return readOk(token, "/api/v1/requests/" + list.get("items").get(0).get("id").asLong());
    }

    private static long id(JsonNode r) {
        return r.get("request").get("id").asLong();
    }

    private static long version(JsonNode r) {
        return r.get("version").asLong();
    }

    private String token(String username) {
        return "Bearer " + tokens.create(users.findByUsername(username).orElseThrow().getId(), "regole", "test");
    }

    private JsonNode ok(String token, String path, Map<String, Object> body) throws Exception {
        MockHttpServletResponse r = send(token, path, body);
        assertThat(r.getStatus()).as(path + " → " + r.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
        return JSON.readTree(r.getContentAsString(StandardCharsets.UTF_8));
    }

    private MockHttpServletResponse send(String token, String path, Map<String, Object> body) throws Exception {
        return mvc.perform(post(path).header("Authorization", token).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType("application/json").content(JSON.writeValueAsString(body))).andReturn().getResponse();
    }

    private JsonNode readOk(String token, String path) throws Exception {
        MockHttpServletResponse r = mvc.perform(get(path).header("Authorization", token)).andReturn().getResponse();
        assertThat(r.getStatus()).as(path + " → " + r.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
        return JSON.readTree(r.getContentAsString(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> body(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }
}
