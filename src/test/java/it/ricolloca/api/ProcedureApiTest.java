package it.ricolloca.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.ricolloca.accounts.internal.ApiTokens;
import it.ricolloca.accounts.internal.UserAccountRepository;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.support.ClosedPathways;
import it.ricolloca.support.IntegrationTest;
import it.ricolloca.support.ReleasedWorkers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The seed's procedure driven only through the API, as a regional system would: a request filed by the
 * CPI, its three checks and the release; the first appointment booked from the queue and held; the pact
 * drafted and signed (which signs the timesheet), hours, a meeting, a diary entry; a breach reported by
 * the provider, justified and decided; a suspension for a short contract and the resumption; the closing
 * with a hire; the claim profiled, reviewed and submitted. Only the set-up (an invited worker, an office
 * without agenda, tokens) goes through the test support. Then the refusals: a wrong version and another
 * CPI, each as an RFC 9457 problem with the Italian message.
 */
@IntegrationTest
class ProcedureApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired MockMvc mvc;
    @Autowired ApiTokens tokens;
    @Autowired UserAccountRepository users;
    @Autowired ReleasedWorkers released;
    @Autowired ClosedPathways closed;

    private String token(String username) {
        return "Bearer " + tokens.create(users.findByUsername(username).orElseThrow().getId(), "procedura", "test");
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

    private MockHttpServletResponse read(String token, String path) throws Exception {
        return mvc.perform(get(path).header("Authorization", token)).andReturn().getResponse();
    }

    private JsonNode readOk(String token, String path) throws Exception {
        MockHttpServletResponse r = read(token, path);
        assertThat(r.getStatus()).as(path).isEqualTo(200);
        return JSON.readTree(r.getContentAsString(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> body(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1] instanceof LocalDate d ? d.toString() : pairs[i + 1]);
        }
        return m;
    }

    @Test
    void theWholeProcedureByApi() throws Exception {
        LocalDate today = Dates.today();
        String cf = released.invited("master.torino", "Procedura", "Piera");
        long office = closed.newTorinoOffice();
        String master = token("master.torino");
        String tutor = token("tutor.torino");

        // The CPI files the request (the worker chose one of its offices) and records the three checks.
        JsonNode r = ok(master, "/api/v1/requests", body("taxCode", cf, "providerType", "CPI", "officeId", office));
        long request = r.get("request").get("id").asLong();
        assertThat(r.get("request").get("status").asText()).isEqualTo("REQUESTED");
        for (String kind : List.of("EMPLOYMENT", "NASPI", "OTHER_ACTIVE_POLICY")) {
            r = ok(master, "/api/v1/requests/" + request + "/checks", body("kind", kind, "outcome", "PASSED",
                    "checkedOn", today, "note", "verifica " + kind, "version", r.get("version").asLong()));
        }
        assertThat(r.get("events").toString()).contains("CHECK");

        // Release: the voucher goes to the provider's queue.
        r = ok(master, "/api/v1/requests/" + request + "/release", body("note", "verifiche superate",
                "version", r.get("version").asLong()));
        assertThat(r.get("request").get("status").asText()).isEqualTo("RELEASED");
        await().atMost(Duration.ofSeconds(20)).until(() -> readOk(tutor, "/api/v1/pathways/queue").toString()
                .contains("\"requestId\":" + request));

        // The first appointment, agreed by phone earlier today (the office has no agenda), then held.
        ZonedDateTime start = ZonedDateTime.now(Dates.ZONE).truncatedTo(ChronoUnit.MINUTES).minusMinutes(1);
        if (!start.toLocalDate().equals(today)) {
            start = today.atStartOfDay(Dates.ZONE);
        }
        JsonNode p = ok(tutor, "/api/v1/pathways/queue/" + request + "/first-appointment", body("start",
                start.toOffsetDateTime().toString(), "contactMinutes", 60, "contactNote", "accordato per telefono",
                "pastJustification", "registrato dopo la telefonata"));
        long pathway = p.get("id").asLong();
        JsonNode first = p.get("appointments").get(0);
        assertThat(first.get("purpose").asText()).isEqualTo("FIRST");
        JsonNode held = ok(tutor, "/api/v1/agenda/appointments/" + first.get("id").asLong() + "/outcome",
                body("outcome", "HELD", "note", "accoglienza svolta", "version", first.get("version").asLong()));
        assertThat(held.get("status").asText()).isEqualTo("HELD");
        p = readOk(tutor, "/api/v1/pathways/" + pathway);
        assertThat(p.get("startedOn").asText()).isEqualTo(today.toString());

        // The pact: a draft with two actions, the first hours of service, then the signature (which signs the timesheet).
        p = ok(tutor, "/api/v1/pathways/" + pathway + "/pact", body("actions", List.of(
                body("kind", "CV", "description", "Aggiornare il curriculum", "dueOn", today.plusDays(7)),
                body("kind", "JOB_SEARCH", "description", "Candidature nel settore logistica", "dueOn", today.plusDays(30))),
                "nextAppointments", "Ogni due settimane", "version", p.get("version").asLong()));
        assertThat(p.get("pacts").get(0).get("status").asText()).isEqualTo("DRAFT");
        p = ok(tutor, "/api/v1/pathways/" + pathway + "/timesheet", body("activity", "RECEPTION", "onDate", today,
                "hours", 1.5, "note", "accoglienza", "version", p.get("version").asLong()));
        assertThat(p.get("timesheet").get(0).get("hours").decimalValue()).isEqualByComparingTo("1.5");
        p = ok(tutor, "/api/v1/pathways/" + pathway + "/pact/sign", body("signedOn", today,
                "version", p.get("version").asLong()));
        assertThat(p.get("pacts").get(0).get("status").asText()).isEqualTo("SIGNED");
        assertThat(p.get("timesheetSignedOn").asText()).isEqualTo(today.toString());

        // A new version of the pact: amended, drafted and signed again.
        p = ok(tutor, "/api/v1/pathways/" + pathway + "/pact/amend", body("version", p.get("version").asLong()));
        p = ok(tutor, "/api/v1/pathways/" + pathway + "/pact", body("actions", List.of(
                body("kind", "TRAINING", "description", "Corso per carrellisti", "dueOn", today.plusDays(45))),
                "version", p.get("version").asLong()));
        p = ok(tutor, "/api/v1/pathways/" + pathway + "/pact/sign", body("signedOn", today,
                "version", p.get("version").asLong()));
        assertThat(p.get("pacts").get(0).get("versionNo").asInt()).isEqualTo(2);
        assertThat(p.get("pacts").get(0).get("status").asText()).isEqualTo("SIGNED");
        assertThat(p.get("pacts").get(1).get("status").asText()).isEqualTo("SUPERSEDED");

        // A meeting and a diary entry.
        p = ok(tutor, "/api/v1/pathways/" + pathway + "/meetings", body("onDate", today, "start", "00:00", "end", "00:30",
                "status", "HELD", "topics", "Revisione del curriculum", "actionsAgreed", "Tre candidature",
                "nextMeeting", today.plusDays(14), "version", p.get("version").asLong()));
        assertThat(p.get("meetings")).hasSize(1);
        p = ok(tutor, "/api/v1/pathways/" + pathway + "/diary", body("action", "JOB_AD_REPLY", "onDate", today,
                "how", "portale", "company", "Logistica Srl", "profile", "magazziniere", "outcome", "in attesa",
                "source", "WORKER", "version", p.get("version").asLong()));
        assertThat(p.get("diary").get(0).get("action").asText()).isEqualTo("JOB_AD_REPLY");

        // A breach reported by the provider to the competent CPI, justified by the worker, decided by the CPI.
        JsonNode reported = ok(tutor, "/api/v1/pathways/" + pathway + "/breach", body("kind", "MISSED_APPOINTMENT",
                "occurredOn", today, "evidence", "Assente all'incontro senza avviso"));
        long breach = reported.get("breachId").asLong();
        JsonNode b = readOk(master, "/api/v1/breaches/" + breach);
        assertThat(b.get("status").asText()).isEqualTo("REPORTED");
        b = ok(master, "/api/v1/breaches/" + breach + "/justification", body("text", "Certificato medico",
                "receivedOn", today, "version", b.get("version").asLong()));
        b = ok(master, "/api/v1/breaches/" + breach + "/decision", body("outcome", "ACCEPT",
                "reason", "Giustificazione documentata", "version", b.get("version").asLong()));
        assertThat(b.get("status").asText()).isEqualTo("JUSTIFIED");

        // A short contract suspends the pathway; it resumes when the contract ends.
        p = readOk(tutor, "/api/v1/pathways/" + pathway);
        p = ok(tutor, "/api/v1/pathways/" + pathway + "/suspend", body("onDate", today, "contract", "FIXED_TERM",
                "employer", "Stagionale Srl", "note", "contratto di un mese", "version", p.get("version").asLong()));
        assertThat(p.get("suspended").asBoolean()).isTrue();
        p = ok(tutor, "/api/v1/pathways/" + pathway + "/resume", body("onDate", today, "version", p.get("version").asLong()));
        assertThat(p.get("suspended").asBoolean()).isFalse();
        assertThat(p.get("suspensions").get(0).get("resumedOn").asText()).isEqualTo(today.toString());

        p = ok(tutor, "/api/v1/pathways/" + pathway + "/extend", body("reason", "Colloqui in corso con due aziende",
                "version", p.get("version").asLong()));
        assertThat(p.get("extendedOn").asText()).isEqualTo(today.toString());

        // The closing with a hire; the claim is prepared, profiled, reviewed and submitted.
        p = ok(tutor, "/api/v1/pathways/" + pathway + "/close", body("outcome", "HIRED", "onDate", today,
                "employer", "Logistica Srl", "employerVat", ClosedPathways.VAT, "contract", "PERMANENT", "weeklyHours", 40,
                "hireStart", today, "version", p.get("version").asLong()));
        assertThat(p.get("closed").asBoolean()).isTrue();
        assertThat(p.get("outcome").asText()).isEqualTo("HIRED");
        await().atMost(Duration.ofSeconds(20)).until(() -> read(master, "/api/v1/pathways/" + pathway + "/claim")
                .getStatus() == 200);
        JsonNode c = readOk(master, "/api/v1/pathways/" + pathway + "/claim");
        long claim = c.get("id").asLong();
        assertThat(c.get("kind").asText()).isEqualTo("SUCCESS");
        assertThat(c.get("missing").toString()).contains("claim.missing.profiling");
        c = ok(master, "/api/v1/claims/" + claim + "/profiling", body("index", 0.8, "version", c.get("version").asLong()));
        assertThat(c.get("missing")).isEmpty();
        c = ok(master, "/api/v1/claims/" + claim + "/review", body("version", c.get("version").asLong()));
        assertThat(c.get("status").asText()).isEqualTo("REVIEWED");
        c = ok(master, "/api/v1/claims/" + claim + "/submit", body("version", c.get("version").asLong()));
        assertThat(c.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(c.get("submittedOn").asText()).isEqualTo(today.toString());
    }

    /**
     * The other branches by API: a failed check of another active policy, the contact, the notice of
     * rejection, the worker's observations and the rejection that answers them; a block and its re-enabling,
     * a provider change and a withdrawal; in an office with an agenda, a first appointment booked in a free
     * slot, moved to another and cancelled.
     */
    @Test
    void theOtherBranchesByApi() throws Exception {
        LocalDate today = Dates.today();
        String master = token("master.torino");
        String tutor = token("tutor.torino");

        String cf = released.invited("master.torino", "Rigetto", "Rita");
        JsonNode r = ok(master, "/api/v1/requests", body("taxCode", cf, "providerType", "CPI",
                "officeId", released.office("master.torino").id()));
        long rejected = r.get("request").get("id").asLong();
        for (String[] check : List.of(new String[] {"EMPLOYMENT", "PASSED"}, new String[] {"NASPI", "PASSED"},
                new String[] {"OTHER_ACTIVE_POLICY", "FAILED"})) {
            r = ok(master, "/api/v1/requests/" + rejected + "/checks", body("kind", check[0], "outcome", check[1],
                    "checkedOn", today, "version", r.get("version").asLong()));
        }
        r = ok(master, "/api/v1/requests/" + rejected + "/active-policy-contact", body("contactedOn", today,
                "choice", "KEEP_OTHER_POLICY", "note", "prosegue il tirocinio", "version", r.get("version").asLong()));
        r = ok(master, "/api/v1/requests/" + rejected + "/rejection-notice", body("reasons", "Altra politica attiva in corso",
                "version", r.get("version").asLong()));
        assertThat(r.get("request").get("status").asText()).isEqualTo("NOTICE_OF_REJECTION");
        r = ok(master, "/api/v1/requests/" + rejected + "/observations", body("receivedOn", today,
                "text", "Il tirocinio termina a fine mese", "version", r.get("version").asLong()));
        r = ok(master, "/api/v1/requests/" + rejected + "/reject", body("reasons", "Il tirocinio prosegue oltre il termine",
                "observationsAnswer", "Il termine del tirocinio non cambia la sovrapposizione",
                "version", r.get("version").asLong()));
        assertThat(r.get("request").get("status").asText()).isEqualTo("REJECTED");

        String other = released.invited("master.torino", "Blocco", "Bruno");
        r = ok(master, "/api/v1/requests", body("taxCode", other, "providerType", "CPI",
                "officeId", released.office("master.torino").id()));
        long blocked = r.get("request").get("id").asLong();
        r = ok(master, "/api/v1/requests/" + blocked + "/block", body("reasons", "Verifica INPS in corso",
                "version", r.get("version").asLong()));
        assertThat(r.get("request").get("status").asText()).isEqualTo("BLOCKED");
        r = ok(master, "/api/v1/requests/" + blocked + "/reenable", body("reasons", "Verifica INPS conclusa",
                "version", r.get("version").asLong()));
        assertThat(r.get("request").get("status").asText()).isEqualTo("REENABLED");
        long otherOffice = closed.newTorinoOffice();
        r = ok(master, "/api/v1/requests/" + blocked + "/provider", body("providerType", "CPI", "officeId", otherOffice,
                "version", r.get("version").asLong()));
        assertThat(r.get("events").toString()).contains("CHANGE_PROVIDER");
        r = ok(master, "/api/v1/requests/" + blocked + "/withdraw", body("reasons", "Il lavoratore rinuncia",
                "version", r.get("version").asLong()));
        assertThat(r.get("request").get("status").asText()).isEqualTo("WITHDRAWN");

        // An office with an agenda: the first appointment in a free slot, moved, then cancelled.
        released.openEveryDay("master.torino");
        long office = released.office("master.torino").id();
        String booked = released.invited("master.torino", "Agenda", "Anna");
        r = ok(master, "/api/v1/requests", body("taxCode", booked, "providerType", "CPI", "officeId", office));
        long request = r.get("request").get("id").asLong();
        for (String kind : List.of("EMPLOYMENT", "NASPI", "OTHER_ACTIVE_POLICY")) {
            r = ok(master, "/api/v1/requests/" + request + "/checks", body("kind", kind, "outcome", "PASSED",
                    "checkedOn", today, "version", r.get("version").asLong()));
        }
        ok(master, "/api/v1/requests/" + request + "/release", body("version", r.get("version").asLong()));
        await().atMost(Duration.ofSeconds(20)).until(() -> readOk(tutor, "/api/v1/pathways/queue").toString()
                .contains("\"requestId\":" + request));
        JsonNode slots = readOk(tutor, "/api/v1/agenda/offices/" + office + "/slots?from=" + today.plusDays(20)
                + "&to=" + today.plusDays(27));
        assertThat(slots.size()).isGreaterThan(1);
        assertThat(slots.get(0).get("free").asInt()).isPositive();
        JsonNode p = ok(tutor, "/api/v1/pathways/queue/" + request + "/first-appointment",
                body("start", slots.get(0).get("start").asText()));
        JsonNode first = p.get("appointments").get(0);
        JsonNode moved = ok(tutor, "/api/v1/agenda/appointments/" + first.get("id").asLong() + "/move",
                body("start", slots.get(1).get("start").asText(), "reason", "Richiesta del lavoratore",
                        "version", first.get("version").asLong()));
        assertThat(moved.get("id").asLong()).isNotEqualTo(first.get("id").asLong());
        assertThat(moved.get("startsAt").asText()).isEqualTo(slots.get(1).get("start").asText());
        assertThat(readOk(tutor, "/api/v1/agenda/appointments/" + first.get("id").asLong()).get("status").asText())
                .isEqualTo("MOVED");
        JsonNode cancelled = ok(tutor, "/api/v1/agenda/appointments/" + moved.get("id").asLong() + "/cancel",
                body("reason", "Il lavoratore ha trovato lavoro", "version", moved.get("version").asLong()));
        assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");
        MockHttpServletResponse notAnOutcome = send(tutor, "/api/v1/agenda/appointments/" + moved.get("id").asLong()
                + "/outcome", body("outcome", "BOOKED", "version", cancelled.get("version").asLong()));
        assertThat(notAnOutcome.getStatus()).isEqualTo(409);
        assertThat(JSON.readTree(notAnOutcome.getContentAsString(StandardCharsets.UTF_8)).get("detail").asText())
                .isNotBlank();
    }

    /** A wrong version is a 409 problem with the Italian text; another CPI's staff get 404 like on the pages. */
    @Test
    void aWrongVersionAndAnotherCentreAreRefusedAsProblems() throws Exception {
        String cf = released.invited("master.torino", "Rifiuti", "Rosa");
        String master = token("master.torino");
        JsonNode r = ok(master, "/api/v1/requests", body("taxCode", cf, "providerType", "CPI",
                "officeId", released.office("master.torino").id()));
        long request = r.get("request").get("id").asLong();
        long version = r.get("version").asLong();

        MockHttpServletResponse stale = send(master, "/api/v1/requests/" + request + "/checks", body("kind", "NASPI",
                "outcome", "PASSED", "checkedOn", Dates.today(), "version", version + 5));
        assertThat(stale.getStatus()).isEqualTo(409);
        assertThat(stale.getContentType()).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(stale.getContentAsString(StandardCharsets.UTF_8));
        assertThat(problem.get("status").asInt()).isEqualTo(409);
        assertThat(problem.get("detail").asText()).contains("modificat", "nulla è stato salvato");
        assertThat(problem.get("instance").asText()).isEqualTo("/api/v1/requests/" + request + "/checks");

        MockHttpServletResponse otherCentre = send(token("master.novara"), "/api/v1/requests/" + request + "/checks",
                body("kind", "NASPI", "outcome", "PASSED", "checkedOn", Dates.today(), "version", version));
        assertThat(otherCentre.getStatus()).isEqualTo(404);
        assertThat(otherCentre.getContentType()).startsWith("application/problem+json");
        assertThat(JSON.readTree(otherCentre.getContentAsString(StandardCharsets.UTF_8)).get("detail").asText())
                .contains("non rientra nel tuo ambito");
        assertThat(read(token("operatore.novara"), "/api/v1/requests/" + request).getStatus()).isEqualTo(404);

        MockHttpServletResponse invalid = send(master, "/api/v1/requests/" + request + "/checks", body("kind", "NASPI",
                "version", version));
        assertThat(invalid.getStatus()).isEqualTo(400);
        JsonNode errors = JSON.readTree(invalid.getContentAsString(StandardCharsets.UTF_8)).get("errors");
        assertThat(errors.findValuesAsText("field")).contains("outcome", "checkedOn");

        // Nothing of the refusals changed the request: the right version still acts.
        ok(master, "/api/v1/requests/" + request + "/checks", body("kind", "NASPI", "outcome", "PASSED",
                "checkedOn", Dates.today(), "version", version));
    }

    /** The OpenAPI description names the procedure's routes and their problems. */
    @Test
    void theOpenApiDescriptionDocumentsTheProcedure() throws Exception {
        String doc = mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(doc).contains("/api/v1/requests/{id}/checks", "/api/v1/pathways/{id}/pact/sign",
                "/api/v1/agenda/appointments/{id}/outcome", "/api/v1/breaches/{id}/decision", "/api/v1/claims/{id}/submit",
                "application/problem+json", "Idempotency-Key", "Registra una verifica");
    }
}
