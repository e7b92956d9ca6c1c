package it.ricolloca.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static it.ricolloca.support.FormPosts.csrfOnce;

import it.ricolloca.accounts.internal.ApiTokens;
import it.ricolloca.accounts.internal.DelegationAdministration;
import it.ricolloca.accounts.internal.UserAccount;
import it.ricolloca.accounts.internal.UserAccountRepository;
import it.ricolloca.accounts.internal.UserAdministration;
import it.ricolloca.accounts.web.AccountRoutes;
import it.ricolloca.network.CentreSummary;
import it.ricolloca.network.JobCentres;
import it.ricolloca.requests.RequestRoutes;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.MeRoutes;
import it.ricolloca.support.DemoUsers;
import it.ricolloca.support.WorkerSessions;
import it.ricolloca.support.IntegrationTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Walks every route of the application for every demo role, for the operator and master of the
 * other CPI, and for an anonymous visitor, and checks who gets in. A route added without a row
 * here fails {@link #everyRouteIsInTheTable()}.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoutePermissionTest {

    static final String ANON = "(anonimo)";
    /** A worker signed in to their own pages (ADR 0040): Mario Rossi of the register, below. */
    static final String WORKER = "(lavoratore)";
    static final List<String> USERS = List.of("regione", "adr.regione", "reclutamenti.regione", "master.torino",
            "operatore.torino", "tutor.torino", "referente.torino", "master.novara", "operatore.novara", ANON, WORKER);

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService userDetails;
    @Autowired UserAdministration userAdministration;
    @Autowired DelegationAdministration delegationAdministration;
    @Autowired UserAccountRepository users;
    @Autowired JobCentres centres;
    @Autowired ApiTokens tokens;
    @Autowired it.ricolloca.accounts.internal.MachineClients machineClients;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    long torino;
    long torinoOffice;
    long target;
    long targetOperator;
    long delegation;
    long worker;
    WorkerPrincipal workerPrincipal;
    String workerTaxCode;
    long importId;
    long invitationImport;
    long machineClient;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbcClient;
    @Autowired it.ricolloca.requests.internal.RequestListImporter importer;
    @Autowired it.ricolloca.workers.internal.InvitationImporter invitationImporter;
    @Autowired it.ricolloca.workers.internal.WorkerRegister workerRegister;
    @Autowired it.ricolloca.workers.internal.WorkerRepository workerRepository;
    final List<Route> routes = new ArrayList<>();

    record Route(HttpMethod method, String pattern, String path, Map<String, Integer> expected, Map<String, String> form) {
    }

    @BeforeAll
    void prepare() {
        CentreSummary centre = centres.all().stream().filter(c -> c.code().equals("TORINO-BOLOGNA")).findFirst().orElseThrow();
        torino = centre.id();
        CurrentUser admin = users.findByUsername("regione").orElseThrow().toCurrentUser();
        target = users.findByUsername("permessi.tutor").map(UserAccount::getId).orElseGet(() -> userAdministration.create(
                admin, "permessi.tutor", "Tutor di prova", "permessi.tutor@example.org", torino, Set.of(Role.CPI_TUTOR),
                "Prova-permessi-1").getId());
        targetOperator = users.findByUsername("permessi.operatore").map(UserAccount::getId).orElseGet(() ->
                userAdministration.create(admin, "permessi.operatore", "Operatore di prova", "permessi.op@example.org",
                        torino, Set.of(Role.CPI_OPERATOR), "Prova-permessi-1").getId());
        delegation = delegationAdministration.grant(admin, targetOperator, DelegatedFunction.AGENDA, Dates.today(), null)
                .getId();
        torinoOffice = 0;
        String cf = "RSSMRA80A01L219" + it.ricolloca.shared.CodiceFiscale.checkCharacter("RSSMRA80A01L219");
        workerTaxCode = cf;
        worker = workerRepository.findByTaxCode(cf).map(w -> w.getId()).orElseGet(() ->
                workerRegister.create(admin, cf, "Mario", "Rossi", torino).getId());
        importId = importer.importFile(admin, "permessi.csv", ("cf;data richiesta;stato;cpi\n" + cf
                + ";02/05/2017;Rilasciato;CPI Torino - via Bologna\nXX;02/05/2017;Rilasciato;CPI Asti\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), LocalDate.of(2017, 5, 15)).importId();
        invitationImport = invitationImporter.importFile(admin, "inviti-permessi.csv", ("codice fiscale\n" + cf + "\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), LocalDate.of(2017, 4, 1)).importId();
        machineClient = machineClients.register("permessi-" + System.nanoTime(), "Client dei permessi",
                Set.of(it.ricolloca.accounts.internal.MachineClients.READ), Role.REGIONAL_VACANCY_MANAGER, null).id();
        workerPrincipal = new WorkerPrincipal(worker, cf, "Mario Rossi");
        build();
    }

    private void build() {
        String user = "/users/" + target;
        String del = "/delegations/" + delegation + "/revoke";
        String centre = "/centres/" + torino;
        Map<String, String> badCentre = Map.of("code", "", "name", "", "officialName", "", "province", "",
                "email", "x", "version", "0");
        Map<String, String> badOffice = Map.of("name", "", "municipality", "", "version", "0");
        Map<String, String> badUser = Map.of("username", "", "fullName", "", "email", "", "version", "0");

        get("/", "/", allow(ok(), all()), redirectAnon());
        // The worker's pages (ADR 0040): a worker session's only; staff 403; the anonymous to the workers' sign-in.
        Map<String, Integer> workerOnly = allow(403, all());
        workerOnly.put(WORKER, 200);
        get(MeRoutes.HOME, MeRoutes.HOME, workerOnly, redirectAnon());
        for (String page : List.of(MeRoutes.REQUEST, MeRoutes.PATHWAY, MeRoutes.PACT, MeRoutes.DOCUMENTS,
                MeRoutes.MESSAGES, MeRoutes.CONTACTS)) {
            get(page, page, workerOnly, redirectAnon());
        }
        // A document that is not the worker's does not exist for them; a refused form is the page again.
        Map<String, Integer> workerNotFound = allow(403, all());
        workerNotFound.put(WORKER, 404);
        get(MeRoutes.DOCUMENT, MeRoutes.of(MeRoutes.DOCUMENT, 999999999), workerNotFound, redirectAnon());
        post(MeRoutes.DOCUMENTS, MeRoutes.DOCUMENTS, Map.of("kind", "CV"), workerOnly, redirectAnon());
        post(MeRoutes.CONTACTS, MeRoutes.CONTACTS, Map.of("phone", "chiamami"), workerOnly, redirectAnon());
        post(MeRoutes.REQUEST_OBSERVATION, MeRoutes.REQUEST_OBSERVATION, Map.of("text", ""), workerOnly, redirectAnon());
        Map<String, Integer> signInPage = allow(200, all());
        signInPage.put(WORKER, 302);
        get(MeRoutes.SIGN_IN, MeRoutes.SIGN_IN, signInPage, Map.of(ANON, 200));
        get(MeRoutes.REFUSED, MeRoutes.REFUSED + "?motivo=chiuso", allow(403, all()), Map.of(ANON, 403, WORKER, 403));
        get("/login", "/login", allow(302, authenticated()), Map.of(ANON, 200, WORKER, 302));
        // Single sign-on's refusal page (ADR 0029): public, and a refusal (403) whoever opens it.
        get(AccountRoutes.SSO_REFUSED, AccountRoutes.SSO_REFUSED + "?motivo=sconosciuto", allow(403, all()),
                Map.of(ANON, 403));
        get(AccountRoutes.ACCESSIBILITY, AccountRoutes.ACCESSIBILITY, allow(ok(), all()), Map.of(ANON, 200));
        get(AccountRoutes.PRIVACY_NOTICE, AccountRoutes.PRIVACY_NOTICE, allow(ok(), all()), Map.of(ANON, 200));
        get("/centres", "/centres", allow(ok(), all()), redirectAnon());
        get("/centres/{id}", centre, allow(ok(), all()), redirectAnon());
        get("/centres/new", "/centres/new", adminOnly(200), redirectAnon());
        post("/centres", "/centres", badCentre, adminOnly(200), redirectAnon());
        get("/centres/{id}/edit", centre + "/edit", adminOnly(200), redirectAnon());
        post("/centres/{id}/edit", centre + "/edit", badCentre, adminOnly(200), redirectAnon());
        get("/centres/{id}/offices/new", centre + "/offices/new", adminOnly(200), redirectAnon());
        post("/centres/{id}/offices/new", centre + "/offices/new", badOffice, adminOnly(200), redirectAnon());
        get("/centres/{id}/offices/{officeId}/edit", centre + "/offices/" + officeOf(torino) + "/edit", adminOnly(200),
                redirectAnon());
        post("/centres/{id}/offices/{officeId}/edit", centre + "/offices/" + officeOf(torino) + "/edit", badOffice,
                adminOnly(200), redirectAnon());

        get("/users", "/users", managers(200, 200), redirectAnon());
        get("/users/new", "/users/new", managers(200, 200), redirectAnon());
        post("/users", "/users", badUser, managers(200, 200), redirectAnon());
        get("/users/{id}", user, managers(200, 404), redirectAnon());
        get("/users/{id}/edit", user + "/edit", managers(200, 404), redirectAnon());
        post("/users/{id}/edit", user + "/edit", badUser, managers(200, 404), redirectAnon());
        post("/users/{id}/enable", user + "/enable", Map.of(), managers(302, 404), redirectAnon());
        post("/users/{id}/disable", user + "/disable", Map.of(), managers(302, 404), redirectAnon());
        post("/users/{id}/unlock", user + "/unlock", Map.of(), managers(302, 404), redirectAnon());
        post("/users/{id}/password", user + "/password", Map.of("password", "x"), managers(200, 404), redirectAnon());
        post("/users/{id}/tokens", user + "/tokens", Map.of("name", ""), adminOnly(200), redirectAnon());
        post("/users/{id}/tokens/{tokenId}/revoke", user + "/tokens/999999/revoke", Map.of(), adminOnly(404),
                redirectAnon());

        // Machine clients (ADR 0030): the regional administrator only, as for the users' API tokens. A POST
        // without the page's version changes nothing (stale) and comes back to the client's page.
        String client = AccountRoutes.machineClient(machineClient);
        get(AccountRoutes.MACHINE_CLIENTS, AccountRoutes.MACHINE_CLIENTS, adminOnly(200), redirectAnon());
        get(AccountRoutes.MACHINE_CLIENT_NEW, AccountRoutes.MACHINE_CLIENT_NEW, adminOnly(200), redirectAnon());
        post(AccountRoutes.MACHINE_CLIENTS, AccountRoutes.MACHINE_CLIENTS, Map.of("clientId", "", "name", ""),
                adminOnly(200), redirectAnon());
        get(AccountRoutes.MACHINE_CLIENT, client, adminOnly(200), redirectAnon());
        post(AccountRoutes.MACHINE_CLIENT_ENABLE, AccountRoutes.machineClientEnable(machineClient), Map.of(),
                adminOnly(302), redirectAnon());
        post(AccountRoutes.MACHINE_CLIENT_DISABLE, AccountRoutes.machineClientDisable(machineClient), Map.of(),
                adminOnly(302), redirectAnon());

        Map<String, Integer> readers = allow(403, all());
        readers.putAll(Map.of("regione", 200, "adr.regione", 200, "master.torino", 200, "master.novara", 200));
        get("/delegations", "/delegations", readers, redirectAnon());
        get("/delegations/new", "/delegations/new", managers(200, 200), redirectAnon());
        post("/delegations", "/delegations", Map.of("delegateId", ""), managers(200, 200), redirectAnon());
        get("/delegations/{id}/revoke", del, managers(200, 404), redirectAnon());
        post("/delegations/{id}/revoke", del, Map.of(), managers(302, 404), redirectAnon());

        get("/account/password", "/account/password", allow(ok(), all()), redirectAnon());
        post("/account/password", "/account/password", Map.of("currentPassword", ""), allow(ok(), all()), redirectAnon());
        get("/account/tokens", "/account/tokens", allow(ok(), all()), redirectAnon());
        // the progress of one's own long operation (ADR 0028): anyone signed in; another's reads as starting
        get("/progress/{token}", "/progress/" + java.util.UUID.randomUUID(), allow(ok(), all()), redirectAnon());
        post("/account/tokens", "/account/tokens", Map.of("name", ""), allow(200, all()), redirectAnon());
        post("/account/tokens/{id}/revoke", "/account/tokens/999999/revoke", Map.of(), allow(404, all()), redirectAnon());

        get("/audit", "/audit", adminOnly(200), redirectAnon());
        post("/audit/verify", "/audit/verify", Map.of(), adminOnly(302), redirectAnon());

        String w = "/workers/" + worker;
        Map<String, Integer> creators = allow(403, all());
        creators.putAll(Map.of("regione", 200, "adr.regione", 200, "master.torino", 200, "operatore.torino", 200,
                "master.novara", 200, "operatore.novara", 200));
        get("/workers", "/workers", allow(ok(), all()), redirectAnon());
        get("/workers/new", "/workers/new", creators, redirectAnon());
        post("/workers", "/workers", Map.of("taxCode", "sbagliato"), creators, redirectAnon());
        get("/workers/{id}", w, torinoWorker(200, 200), redirectAnon());
        get("/workers/{id}/edit", w + "/edit", torinoWorker(200, 403), redirectAnon());
        post("/workers/{id}/edit", w + "/edit", Map.of("email", "non-una-mail", "version", "0"), torinoWorker(200, 403),
                redirectAnon());
        post("/workers/{id}/work-history", w + "/work-history", Map.of("employer", ""), torinoWorker(200, 403),
                redirectAnon());
        post("/workers/{id}/work-history/{index}/remove", w + "/work-history/99/remove", Map.of("version", "-1"),
                torinoWorker(302, 403), redirectAnon());
        post("/workers/{id}/education", w + "/education", Map.of("title", ""), torinoWorker(200, 403), redirectAnon());
        post("/workers/{id}/information", w + "/information", Map.of("informedOn", ""), torinoWorker(200, 403),
                redirectAnon());
        post("/workers/{id}/education/{index}/remove", w + "/education/99/remove", Map.of("version", "-1"),
                torinoWorker(302, 403), redirectAnon());
        get("/api/v1/workers/{codiceFiscale}", "/api/v1/workers/" + workerTaxCode, torinoWorker(200, 200),
                Map.of(ANON, 401));
        // a date in the future is refused: whoever may record the information gets 409
        post("/api/v1/workers/{codiceFiscale}/information", "/api/v1/workers/" + workerTaxCode + "/information",
                Map.of("informedOn", "2100-01-01", "channel", "PHONE"), torinoWorker(409, 404), Map.of(ANON, 401));
        get("/api/v1/workers/{codiceFiscale}/information", "/api/v1/workers/" + workerTaxCode + "/information",
                torinoWorker(200, 200), Map.of(ANON, 401));

        Map<String, Integer> adr = allow(403, all());
        adr.put("regione", 200);
        adr.put("adr.regione", 200);
        String imp = "/imports/" + importId;
        get("/imports", "/imports", adr, redirectAnon());
        get("/imports/new", "/imports/new", adr, redirectAnon());
        post("/imports", "/imports", Map.of("snapshotDate", "2017-05-15"), adr, redirectAnon());
        get("/imports/{id}", imp, adr, redirectAnon());
        get("/imports/{id}/rejections.csv", imp + "/rejections.csv", adr, redirectAnon());
        get("/imports/jobs/{id}", "/imports/jobs/" + java.util.UUID.randomUUID(), adrNotFound(), redirectAnon());
        get("/imports/compare", "/imports/compare?from=" + importId + "&to=" + importId, adr, redirectAnon());
        String inv = "/invitations/" + invitationImport;
        get("/workers/register.xlsx", "/workers/register.xlsx", adr, redirectAnon());
        get("/workers/register.ods", "/workers/register.ods", adr, redirectAnon());
        get("/workers/register/import", "/workers/register/import", adr, redirectAnon());
        post("/workers/register/import", "/workers/register/import", Map.of(), adr, redirectAnon());
        get("/invitations", "/invitations", adr, redirectAnon());
        get("/invitations/new", "/invitations/new", adr, redirectAnon());
        post("/invitations", "/invitations", Map.of("invitationDate", "2017-04-01"), adr, redirectAnon());
        get("/invitations/{id}", inv, adr, redirectAnon());
        get("/invitations/{id}/rejections.csv", inv + "/rejections.csv", adr, redirectAnon());
        Map<String, Integer> adrApi = allow(403, all());
        adrApi.put("regione", 400);
        adrApi.put("adr.regione", 400);
        post("/api/v1/imports/requests", "/api/v1/imports/requests", Map.of(), adrApi, Map.of(ANON, 401));
        post("/api/v1/imports/invitations", "/api/v1/imports/invitations", Map.of(), adrApi, Map.of(ANON, 401));

        long request = jdbcClient.sql("select r.id from requests_voucher_request r join workers_worker w on w.id = r.worker_id"
                + " where w.tax_code = ?").param(workerTaxCode).query(Long.class).single();
        get("/requests", "/requests", allow(ok(), all()), redirectAnon());
        get("/requests/{id}", "/requests/" + request, torinoWorker(200, 200), redirectAnon());
        get("/api/v1/requests", "/api/v1/requests", allow(ok(), all()), Map.of(ANON, 401));
        get("/api/v1/requests/{id}", "/api/v1/requests/" + request, torinoWorker(200, 200), Map.of(ANON, 401));

        Map<String, Integer> filers = allow(403, all());
        filers.putAll(Map.of("master.torino", 200, "operatore.torino", 200, "master.novara", 200, "operatore.novara", 200));
        get("/requests/new", "/requests/new", filers, redirectAnon());
        post("/requests", "/requests", Map.of("taxCode", "sbagliato", "providerType", "CPI"), filers, redirectAnon());
        String r = "/requests/" + request;
        get(RequestRoutes.REQUEST_CHECKS, r + "/checks", torinoStaff(200), redirectAnon());
        post(RequestRoutes.REQUEST_CHECKS, r + "/checks", Map.of("version", "0"), torinoStaff(200), redirectAnon());
        get(RequestRoutes.REQUEST_ACTIVE_POLICY_CONTACT, r + "/active-policy-contact", torinoStaff(200), redirectAnon());
        post(RequestRoutes.REQUEST_ACTIVE_POLICY_CONTACT, r + "/active-policy-contact", Map.of("version", "0"), torinoStaff(200),
                redirectAnon());
        get(RequestRoutes.REQUEST_OBSERVATIONS, r + "/observations", torinoStaff(200), redirectAnon());
        post(RequestRoutes.REQUEST_OBSERVATIONS, r + "/observations", Map.of("version", "0"), torinoStaff(200),
                redirectAnon());
        get(RequestRoutes.REQUEST_NOTICE_DATE, r + "/notice-date", torinoStaff(200), redirectAnon());
        post(RequestRoutes.REQUEST_NOTICE_DATE, r + "/notice-date", Map.of("version", "0"), torinoStaff(200), redirectAnon());
        get(RequestRoutes.REQUEST_NOTICE_RECEIPT, r + "/notice-receipt", torinoStaff(200), redirectAnon());
        post(RequestRoutes.REQUEST_NOTICE_RECEIPT, r + "/notice-receipt", Map.of("version", "0"), torinoStaff(200),
                redirectAnon());
        get(RequestRoutes.REQUEST_PROVIDER, r + "/provider", torinoStaff(200), redirectAnon());
        post(RequestRoutes.REQUEST_PROVIDER, r + "/provider", Map.of("version", "0"), torinoStaff(200), redirectAnon());
        for (String act : List.of("rejection-notice", "release", "reject", "block", "reenable", "withdraw")) {
            get(RequestRoutes.REQUEST_ACT, r + "/" + act, torinoStaff(200), redirectAnon());
            post(RequestRoutes.REQUEST_ACT, r + "/" + act, Map.of("version", "0"), torinoStaff(200), redirectAnon());
        }
        Map<String, Integer> noDocument = allow(404, all());
        get(RequestRoutes.REQUEST_DOCUMENT, r + "/documents/999999", noDocument, redirectAnon());
        post(RequestRoutes.API_REQUEST_RELEASE, "/api/v1" + r + "/release", Map.of(), torinoStaff(409), Map.of(ANON, 401));
        post(RequestRoutes.API_REQUEST_REJECT, "/api/v1" + r + "/reject", Map.of("reasons", "prova"), torinoStaff(409),
                Map.of(ANON, 401));
        // The API's acts (JSON, issue 18): a valid body at a stale version is 409 for whoever may act.
        String today = Dates.today().toString();
        post(RequestRoutes.API_REQUESTS, RequestRoutes.API_REQUESTS, Map.of("taxCode", "sbagliato", "providerType", "CPI"),
                allowElse(409, 403, "master.torino", "operatore.torino", "master.novara", "operatore.novara"),
                Map.of(ANON, 401));
        post(RequestRoutes.API_REQUEST_CHECKS, "/api/v1" + r + "/checks", Map.of("kind", "NASPI", "outcome", "PASSED",
                "checkedOn", today, "version", "-1"), torinoStaff(409), Map.of(ANON, 401));
        post(RequestRoutes.API_REQUEST_ACTIVE_POLICY_CONTACT, "/api/v1" + r + "/active-policy-contact",
                Map.of("contactedOn", today, "choice", "KEEP_OTHER_POLICY", "version", "-1"), torinoStaff(409),
                Map.of(ANON, 401));
        post(RequestRoutes.API_REQUEST_OBSERVATIONS, "/api/v1" + r + "/observations", Map.of("receivedOn", today,
                "text", "osservazioni", "version", "-1"), torinoStaff(409), Map.of(ANON, 401));
        for (String act : List.of("rejection-notice", "block", "reenable", "withdraw")) {
            post("/api/v1/requests/{id}/" + act, "/api/v1" + r + "/" + act, Map.of("reasons", "prova", "version", "-1"),
                    torinoStaff(409), Map.of(ANON, 401));
        }
        post(RequestRoutes.API_REQUEST_PROVIDER, "/api/v1" + r + "/provider", Map.of("providerType", "CPI",
                "officeId", String.valueOf(officeOf(torino)), "version", "-1"), torinoStaff(409), Map.of(ANON, 401));
        post(RequestRoutes.API_REQUEST_NOTICE_DATE, "/api/v1" + r + "/notice-date", Map.of("on", today, "version", "-1"),
                torinoStaff(409), Map.of(ANON, 401));
        post(RequestRoutes.API_REQUEST_NOTICE_RECEIPT, "/api/v1" + r + "/notice-receipt", Map.of("on", today,
                "version", "-1"), torinoStaff(409), Map.of(ANON, 401));

        routesOfTheProvider();
        routesOfTheBoard();
        routesOfTheClaims();
        routesOfTraining();
        routesOfNotices();

        get("/privacy", "/privacy", adminOnly(200), redirectAnon());
        post("/privacy/export", "/privacy/export", Map.of("taxCode", "non-un-codice"), adminOnly(200), redirectAnon());

        // the municipality picker's search (ADR 0032): anyone signed in
        get("/places/municipalities", "/places/municipalities?q=tor", allow(ok(), all()), redirectAnon());
        get("/parameters", "/parameters", allow(ok(), all()), redirectAnon());
        get("/parameters/{name}", "/parameters/DECISION_DEADLINE_DAYS", allow(ok(), all()), redirectAnon());
        post("/parameters/{name}", "/parameters/DECISION_DEADLINE_DAYS", Map.of("value", "x"), adminOnly(200), redirectAnon());

        get("/api/v1/centres", "/api/v1/centres", allow(ok(), all()), Map.of(ANON, 401));
        get("/v3/api-docs", "/v3/api-docs", allow(ok(), all()), Map.of(ANON, 200));
        get("/actuator/health", "/actuator/health", allow(ok(), all()), Map.of(ANON, 200));
        get("/actuator/metrics", "/actuator/metrics", adminOnly(200), Map.of(ANON, 401));
        get("/actuator/prometheus", "/actuator/prometheus", adminOnly(200), Map.of(ANON, 401));
    }

    @Autowired it.ricolloca.support.ReleasedWorkers released;
    @Autowired it.ricolloca.pathway.internal.PathwayWork pathwayWork;
    @Autowired it.ricolloca.pathway.internal.Pacts pathwayPacts;
    @Autowired it.ricolloca.pathway.internal.PathwayStart pathwayStart;
    @Autowired it.ricolloca.agenda.Agenda agenda;
    @Autowired it.ricolloca.conditionality.Conditionality conditionality;

    /** Agenda and pathway routes, on a Torino pathway with its first appointment, a draft pact and a template. */
    private void routesOfTheProvider() {
        released.openEveryDay("master.torino");
        CurrentUser master = released.user("master.torino");
        long officeId = released.office("master.torino").id();
        long requestId = released.release("master.torino", "Permessi", "Percorso");
        long pathway = pathwayStart.bookFirstAppointment(master, requestId,
                it.ricolloca.shared.LegalCalendar.nextWorkingDayFrom(it.ricolloca.shared.web.Dates.today().plusDays(9)).atTime(9, 0).atZone(it.ricolloca.shared.web.Dates.ZONE),
                null, null, null);
        var p = pathwayWork.get(master, pathway);
        pathwayPacts.saveDraft(master, pathway, p.getVersion(), List.of(new it.ricolloca.pathway.PactAction(
                it.ricolloca.pathway.PactActionKind.CV, "Curriculum", null)), null);
        long appointment = pathwayWork.appointments(p).get(0).getId();
        long template = agenda.templates(officeId).get(0).getId();
        String office = "/agenda/offices/" + officeId;
        String pw = "/pathways/" + pathway;

        // The demo operator holds the intermediated-request and release delegations, not the agenda's.
        Map<String, Integer> managers = torinoOnly(403);
        managers.put("master.torino", 200);
        Map<String, Integer> managersRedirect = torinoOnly(403);
        managersRedirect.put("master.torino", 302);
        Map<String, Integer> assigners = torinoOnly(403);
        assigners.putAll(Map.of("master.torino", 302, "operatore.torino", 302));
        Map<String, Integer> staffRedirect = torinoOnly(403);
        staffRedirect.putAll(Map.of("master.torino", 302, "operatore.torino", 302, "tutor.torino", 302));
        // a pathway's form refused (blank, stale) comes back as its page with the errors, for those who may act
        Map<String, Integer> staffForm = torinoOnly(403);
        staffForm.putAll(Map.of("master.torino", 200, "operatore.torino", 200, "tutor.torino", 200));
        Map<String, Integer> assignersForm = torinoOnly(403);
        assignersForm.putAll(Map.of("master.torino", 200, "operatore.torino", 200));
        Map<String, Integer> staffPage = torinoOnly(403);
        staffPage.putAll(Map.of("master.torino", 200, "operatore.torino", 200, "tutor.torino", 200));

        get("/agenda", "/agenda", allow(ok(), all()), redirectAnon());
        get("/agenda/offices/{officeId}", office, torinoVisible(200), redirectAnon());
        get("/agenda/offices/{officeId}/templates", office + "/templates", torinoVisible(200), redirectAnon());
        post("/agenda/offices/{officeId}/templates", office + "/templates", Map.of("name", ""), managers, redirectAnon());
        post("/agenda/templates/{templateId}/end", "/agenda/templates/" + template + "/end",
                Map.of("officeId", String.valueOf(officeId), "version", "-1"), managers, redirectAnon());
        get("/agenda/offices/{officeId}/closures", office + "/closures", torinoVisible(200), redirectAnon());
        post("/agenda/offices/{officeId}/closures", office + "/closures", Map.of("from", ""), managers,
                redirectAnon());
        post("/agenda/closures/{closureId}/remove", "/agenda/closures/999999/remove",
                Map.of("officeId", String.valueOf(officeId)), allow(404, all()), redirectAnon());
        post("/agenda/offices/{officeId}/patron-saint", office + "/patron-saint", Map.of("saint", ""), managers,
                redirectAnon());
        post("/agenda/offices/{officeId}/patron-saint/remove", office + "/patron-saint/remove", Map.of(),
                managersRedirect, redirectAnon());
        get("/agenda/appointments/{id}", "/agenda/appointments/" + appointment, torinoVisible(200), redirectAnon());
        for (String act : List.of("outcome", "cancel", "move")) {
            post(it.ricolloca.agenda.AgendaRoutes.APPOINTMENT_ACT, "/agenda/appointments/" + appointment + "/" + act,
                    Map.of("version", "-1"), staffPage, redirectAnon());
        }
        // the worker's own pages of issue 22: a worker session only; another worker's appointment is not found
        Map<String, Integer> meOk = allow(403, all());
        meOk.put(WORKER, 200);
        Map<String, Integer> meNotFound = allow(403, all());
        meNotFound.put(WORKER, 404);
        get(MeRoutes.DIARY, MeRoutes.DIARY, meOk, redirectAnon());
        post(MeRoutes.DIARY, MeRoutes.DIARY, Map.of("action", ""), meOk, redirectAnon());
        get(MeRoutes.DIARY_ENTRY, "/me/diario/999999", meNotFound, redirectAnon());
        post(MeRoutes.DIARY_ENTRY, "/me/diario/999999", Map.of("action", "CV"), meNotFound, redirectAnon());
        post(MeRoutes.DIARY_DELETE, "/me/diario/999999/elimina", Map.of(), meNotFound, redirectAnon());
        get(MeRoutes.DIARY_PROOF, "/me/diario/999999/prova", meNotFound, redirectAnon());
        get(MeRoutes.APPOINTMENTS, MeRoutes.APPOINTMENTS, meOk, redirectAnon());
        get(MeRoutes.APPOINTMENT_ICS, "/me/appuntamenti/" + appointment + "/calendario.ics", meNotFound, redirectAnon());
        post(MeRoutes.APPOINTMENT_MOVE, "/me/appuntamenti/" + appointment + "/spostamento", Map.of("reason", "x"),
                meNotFound, redirectAnon());
        // the worker's request to move an appointment (issue 22): the CPI's case staff list and decide them
        long moveRequest = appointmentMoves.ask(p.getWorkerId(), "lavoratore:permessi", appointment, "visita medica").getId();
        Map<String, Integer> caseStaff = allow(403, all());
        caseStaff.putAll(Map.of("master.torino", 200, "operatore.torino", 200, "tutor.torino", 200, "master.novara", 200,
                "operatore.novara", 200));
        get(it.ricolloca.agenda.AgendaRoutes.MOVE_REQUESTS, "/agenda/move-requests", caseStaff, redirectAnon());
        // those who read no case files (the vacancy referents) do not see whose appointment it is: not found
        Map<String, Integer> decideMove = new LinkedHashMap<>(staffPage);
        decideMove.putAll(Map.of("referente.torino", 404, "reclutamenti.regione", 404));
        for (String act : List.of("approve", "refuse")) {
            post(it.ricolloca.agenda.AgendaRoutes.MOVE_REQUEST_ACT, "/agenda/move-requests/" + moveRequest + "/" + act,
                    Map.of("version", "-1"), decideMove, redirectAnon());
        }

        get("/pathways/queue", "/pathways/queue", allow(ok(), all()), redirectAnon());
        long queued = released.release("master.torino", "Permessi", "Coda");
        get("/pathways/queue/{requestId}", "/pathways/queue/" + queued, torinoVisible(200), redirectAnon());
        post("/pathways/queue/{requestId}", "/pathways/queue/" + queued, Map.of("start", ""), staffForm,
                redirectAnon());
        post("/pathways/queue/{requestId}/past", "/pathways/queue/" + queued + "/past", Map.of("onDate", ""), staffForm,
                redirectAnon());
        get("/pathways", "/pathways", allow(ok(), all()), redirectAnon());
        get("/pathways/{id}", pw, torinoVisible(200), redirectAnon());
        post("/pathways/{id}/tutor", pw + "/tutor", Map.of("version", "-1"), assignersForm, redirectAnon());
        get("/pathways/{id}/pact", pw + "/pact", staffPage, redirectAnon());
        post("/pathways/{id}/pact", pw + "/pact", Map.of("version", "-1"), staffForm, redirectAnon());
        get("/pathways/{id}/pact/{versionNo}/pdf", pw + "/pact/1/pdf", torinoVisible(200), redirectAnon());
        post("/pathways/{id}/pact/sign", pw + "/pact/sign", Map.of("version", "-1"), staffForm, redirectAnon());
        post("/pathways/{id}/pact/amend", pw + "/pact/amend", Map.of("version", "-1"), staffForm, redirectAnon());
        post("/pathways/{id}/pact/signed-copy", pw + "/pact/signed-copy", Map.of("version", "-1"), staffForm,
                redirectAnon());
        post("/pathways/{id}/timesheet", pw + "/timesheet", Map.of("version", "-1"), staffForm, redirectAnon());
        post("/pathways/{id}/timesheet/{entryId}/remove", pw + "/timesheet/999999/remove", Map.of("version", "-1"),
                staffForm, redirectAnon());
        get("/pathways/{id}/timesheet/pdf", pw + "/timesheet/pdf", torinoVisible(200), redirectAnon());
        get("/pathways/{id}/dossier", pw + "/dossier", torinoVisible(200), redirectAnon());
        post("/pathways/{id}/dossier", pw + "/dossier", Map.of("kind", "OTHER"), staffForm, redirectAnon());
        get("/pathways/{id}/dossier/{documentId}", pw + "/dossier/999999", allow(404, all()), redirectAnon());
        get("/pathways/{id}/dossier/{documentId}/p7m", pw + "/dossier/999999/p7m", allow(404, all()), redirectAnon());
        get("/pathways/{id}/dossier/zip", pw + "/dossier/zip", torinoVisible(200), redirectAnon());
        Map<String, Integer> tutorReaders = allow(403, all());
        tutorReaders.putAll(Map.of("regione", 200, "adr.regione", 200, "master.torino", 200, "master.novara", 200));
        get("/pathways/tutors", "/pathways/tutors", tutorReaders, redirectAnon());
        get("/pathways/tutors/xlsx", "/pathways/tutors/xlsx", tutorReaders, redirectAnon());
        get("/pathways/tutors/ods", "/pathways/tutors/ods", tutorReaders, redirectAnon());
        get("/pathways/worklist", "/pathways/worklist", allow(ok(), all()), redirectAnon());
        get("/pathways/{id}/meetings", pw + "/meetings", torinoVisible(200), redirectAnon());
        for (String act : List.of("meetings", "extend", "suspend", "resume", "close")) {
            post("/pathways/{id}/" + act, pw + "/" + act, Map.of("version", "-1"), staffForm, redirectAnon());
        }
        get("/pathways/{id}/diary", pw + "/diary", torinoVisible(200), redirectAnon());
        post("/pathways/{id}/diary", pw + "/diary", Map.of("version", "-1"), staffForm, redirectAnon());
        post("/pathways/{id}/diary/{entryId}/review", pw + "/diary/999999/review", Map.of("version", "-1"),
                staffForm, redirectAnon());
        get("/pathways/{id}/diary/pdf", pw + "/diary/pdf", torinoVisible(200), redirectAnon());
        post("/pathways/{id}/breach", pw + "/breach", Map.of("kind", ""), staffForm, redirectAnon());

        Map<String, Integer> competentStaff = torinoOnly(403);
        competentStaff.putAll(Map.of("master.torino", 200, "operatore.torino", 200, "master.novara", 200,
                "operatore.novara", 200));
        get("/conditionality", "/conditionality", allow(ok(), all()), redirectAnon());
        get("/conditionality/new", "/conditionality/new", competentStaff, redirectAnon());
        post("/conditionality", "/conditionality", Map.of("taxCode", "x"), competentStaff, redirectAnon());
        long breach = conditionality.reportFromProvider("tutor.torino", p.getWorkerId(), p.getRequestId(),
                "CPI Torino", it.ricolloca.conditionality.BreachKind.MISSED_APPOINTMENT,
                it.ricolloca.shared.web.Dates.today(), "assente").getId();
        String b = "/conditionality/" + breach;
        get("/conditionality/{id}", b, torinoVisible(200), redirectAnon());
        Map<String, Integer> instructors = torinoOnly(403);
        instructors.putAll(Map.of("master.torino", 200, "operatore.torino", 200));
        post("/conditionality/{id}/justification", b + "/justification", Map.of("version", "-1"), instructors,
                redirectAnon());
        Map<String, Integer> deciders = torinoOnly(403);
        deciders.put("master.torino", 200);
        post("/conditionality/{id}/decision", b + "/decision", Map.of("version", "-1"), deciders, redirectAnon());
        post("/conditionality/{id}/finding", b + "/finding", Map.of("distanceKm", "x"), instructors, redirectAnon());
        get("/conditionality/decisions.csv", "/conditionality/decisions.csv", allow(ok(), all()), redirectAnon());
        get("/conditionality/exports", "/conditionality/exports", allow(ok(), all()), redirectAnon());
        get("/conditionality/suitability", "/conditionality/suitability", allow(ok(), all()), redirectAnon());
        post("/conditionality/suitability", "/conditionality/suitability", Map.of("distanceKm", "x'; drop table"),
                allow(ok(), all()), redirectAnon());

        // The API of agenda, pathway and conditionality (JSON, issue 18): valid bodies at a stale version.
        String today = it.ricolloca.shared.web.Dates.today().toString();
        Map<String, Integer> staffApi = torinoOnly(403);
        staffApi.putAll(Map.of("master.torino", 409, "operatore.torino", 409, "tutor.torino", 409));
        Map<String, Integer> api401 = Map.of(ANON, 401);
        String apiPw = "/api/v1/pathways/" + pathway;
        String apiA = "/api/v1/agenda/appointments/" + appointment;
        get("/api/v1/agenda/offices/{officeId}/slots", "/api/v1/agenda/offices/" + officeId + "/slots?from=" + today
                + "&to=" + it.ricolloca.shared.web.Dates.today().plusDays(6), torinoVisible(200), api401);
        get("/api/v1/agenda/appointments/{id}", apiA, torinoVisible(200), api401);
        post("/api/v1/agenda/appointments/{id}/outcome", apiA + "/outcome", Map.of("outcome", "HELD", "version", "-1"),
                staffApi, api401);
        post("/api/v1/agenda/appointments/{id}/cancel", apiA + "/cancel", Map.of("reason", "prova", "version", "-1"),
                staffApi, api401);
        post("/api/v1/agenda/appointments/{id}/move", apiA + "/move", Map.of("start", "2030-01-07T10:00:00+01:00",
                "reason", "prova", "version", "-1"), staffApi, api401);
        get("/api/v1/pathways/queue", "/api/v1/pathways/queue", allow(ok(), all()), api401);
        // a start that is no slot of the office's agenda: refused for whoever may book, nothing booked
        post("/api/v1/pathways/queue/{requestId}/first-appointment", "/api/v1/pathways/queue/" + queued
                + "/first-appointment", Map.of("start", it.ricolloca.shared.web.Dates.today().plusDays(5).atTime(10, 7)
                .atZone(it.ricolloca.shared.web.Dates.ZONE).toOffsetDateTime().toString()), staffApi, api401);
        // a first appointment in the future cannot be recorded as past: whoever may book it gets 409
        post("/api/v1/pathways/queue/{requestId}/past-first-appointment", "/api/v1/pathways/queue/" + queued
                + "/past-first-appointment", Map.of("onDate", it.ricolloca.shared.web.Dates.today().plusDays(5).toString(),
                "at", "10:00", "outcome", "HELD"), staffApi, api401);
        get("/api/v1/pathways/{id}", apiPw, torinoVisible(200), api401);
        Map<String, Integer> assignersApi = torinoOnly(403);
        assignersApi.putAll(Map.of("master.torino", 409, "operatore.torino", 409));
        post("/api/v1/pathways/{id}/tutor", apiPw + "/tutor", Map.of("tutorId", "1", "version", "-1"), assignersApi, api401);
        post("/api/v1/pathways/{id}/pact", apiPw + "/pact", Map.of("actions",
                "[{\"kind\": \"CV\", \"description\": \"Curriculum\"}]", "version", "-1"), staffApi, api401);
        post("/api/v1/pathways/{id}/pact/amend", apiPw + "/pact/amend", Map.of("version", "-1"), staffApi, api401);
        post("/api/v1/pathways/{id}/pact/sign", apiPw + "/pact/sign", Map.of("signedOn", today, "version", "-1"), staffApi,
                api401);
        post("/api/v1/pathways/{id}/timesheet", apiPw + "/timesheet", Map.of("activity", "RECEPTION", "onDate", today,
                "hours", "1", "version", "-1"), staffApi, api401);
        post("/api/v1/pathways/{id}/timesheet/{entryId}/remove", apiPw + "/timesheet/999999/remove",
                Map.of("version", "-1"), staffApi, api401);
        post("/api/v1/pathways/{id}/diary/{entryId}/review", apiPw + "/diary/999999/review",
                Map.of("meetingId", "999999", "version", "-1"), staffApi, api401);
        post("/api/v1/pathways/{id}/meetings", apiPw + "/meetings", Map.of("onDate", today, "start", "09:00",
                "end", "10:00", "status", "HELD", "version", "-1"), staffApi, api401);
        post("/api/v1/pathways/{id}/diary", apiPw + "/diary", Map.of("action", "CV", "onDate", today, "source", "WORKER",
                "version", "-1"), staffApi, api401);
        post("/api/v1/pathways/{id}/suspend", apiPw + "/suspend", Map.of("onDate", today, "contract", "FIXED_TERM",
                "employer", "Ditta", "version", "-1"), staffApi, api401);
        post("/api/v1/pathways/{id}/resume", apiPw + "/resume", Map.of("onDate", today, "version", "-1"), staffApi, api401);
        post("/api/v1/pathways/{id}/extend", apiPw + "/extend", Map.of("reason", "prova", "version", "-1"), staffApi, api401);
        post("/api/v1/pathways/{id}/close", apiPw + "/close", Map.of("outcome", "WITHDRAWAL", "onDate", today,
                "version", "-1"), staffApi, api401);
        // a breach carries no version: whoever may report it does (200)
        Map<String, Integer> reportersApi = torinoOnly(403);
        reportersApi.putAll(Map.of("master.torino", 200, "operatore.torino", 200, "tutor.torino", 200));
        post("/api/v1/pathways/{id}/breach", apiPw + "/breach", Map.of("kind", "MISSED_APPOINTMENT", "occurredOn", today,
                "evidence", "assente (prova dei permessi)"), reportersApi, api401);
        Map<String, Integer> competentApi = allow(403, all());
        competentApi.putAll(Map.of("master.torino", 409, "operatore.torino", 409, "master.novara", 409,
                "operatore.novara", 409));
        post("/api/v1/breaches", "/api/v1/breaches", Map.of("taxCode", "x", "provider", "Agenzia", "kind",
                "MISSED_APPOINTMENT", "occurredOn", today, "evidence", "assente"), competentApi, api401);
        String apiB = "/api/v1/breaches/" + breach;
        get("/api/v1/breaches/{id}", apiB, torinoVisible(200), api401);
        Map<String, Integer> instructorsApi = torinoOnly(403);
        instructorsApi.putAll(Map.of("master.torino", 409, "operatore.torino", 409));
        post("/api/v1/breaches/{id}/justification", apiB + "/justification", Map.of("text", "giustificazione",
                "receivedOn", today, "version", "-1"), instructorsApi, api401);
        Map<String, Integer> decidersApi = torinoOnly(403);
        decidersApi.put("master.torino", 409);
        post("/api/v1/breaches/{id}/decision", apiB + "/decision", Map.of("outcome", "ACCEPT", "version", "-1"),
                decidersApi, api401);
        // an offer dated after the refusal is refused: whoever may record the finding gets 409
        post("/api/v1/breaches/{id}/findings", apiB + "/findings", Map.of("offerDate", "2100-01-01"), instructorsApi,
                api401);
        get("/api/v1/breaches/{id}/findings", apiB + "/findings", torinoVisible(200), api401);

        get("/pathways/feeds", "/pathways/feeds", allow(ok(), all()), redirectAnon());
        Map<String, Integer> tutorsOnly = allow(403, all());
        tutorsOnly.put("tutor.torino", 200);
        post("/pathways/feeds", "/pathways/feeds", Map.of(), tutorsOnly, redirectAnon());
        post("/pathways/feeds/{feedId}/revoke", "/pathways/feeds/999999/revoke", Map.of(), allow(404, all()),
                redirectAnon());
        get("/calendar/{token}.ics", "/calendar/sconosciutosconosciutosconosciuto.ics", allow(404, all()),
                Map.of(ANON, 404));
    }

    @Autowired it.ricolloca.vacancies.internal.VacancyBoard vacancyBoard;
    @Autowired it.ricolloca.vacancies.internal.Referrals vacancyReferrals;
    @Autowired it.ricolloca.vacancies.internal.WorkerOffers workerOffers;
    @Autowired it.ricolloca.agenda.AppointmentMoves appointmentMoves;

    /** The vacancy board: a Torino offer by Torino's referent, a Torino pathway proposed for it by the master. */
    private void routesOfTheBoard() {
        CurrentUser master = released.user("master.torino");
        long requestId = released.release("master.torino", "Vetrina", "Permessi");
        long pathway = pathwayStart.bookFirstAppointment(master, requestId,
                it.ricolloca.shared.LegalCalendar.nextWorkingDayFrom(it.ricolloca.shared.web.Dates.today().plusDays(10)).atTime(10, 0).atZone(it.ricolloca.shared.web.Dates.ZONE),
                null, null, null);
        long vacancy = vacancyBoard.create(released.user("referente.torino"), new it.ricolloca.vacancies.VacancyDetails(
                it.ricolloca.shared.web.Dates.today(), "Magazziniere permessi", null, null, 1, "Azienda Permessi", null, null,
                null, null, null, null, null, null, torino, it.ricolloca.vacancies.VacancySource.CPI, null, null, null,
                null, null, null, null, null, null, null)).getId();
        long referral = vacancyReferrals.propose(master, vacancy, pathway, "prova").getId();
        String v = "/vacancies/" + vacancy;
        String r = "/vacancies/referrals/" + referral;
        Map<String, Integer> editors = allow(403, all());
        editors.putAll(Map.of("reclutamenti.regione", 200, "referente.torino", 200));
        Map<String, Integer> editorsRedirect = allow(403, all());
        editorsRedirect.putAll(Map.of("reclutamenti.regione", 302, "referente.torino", 302));
        Map<String, Integer> service = allow(403, all());
        service.put("reclutamenti.regione", 200);
        Map<String, Integer> proposers = torinoOnly(403);
        proposers.putAll(Map.of("master.torino", 302, "operatore.torino", 302));
        Map<String, Integer> evaluators = torinoOnly(403);
        evaluators.putAll(Map.of("reclutamenti.regione", 302, "referente.torino", 302));
        Map<String, Integer> pathwayStaff = torinoOnly(403);
        pathwayStaff.putAll(Map.of("master.torino", 302, "operatore.torino", 302, "tutor.torino", 302));
        Map<String, Integer> namers = allow(403, all());
        namers.putAll(Map.of("regione", 302, "reclutamenti.regione", 302, "master.torino", 302));
        Map<String, Integer> serviceApi = allow(403, all());
        serviceApi.put("reclutamenti.regione", 400);

        get("/vacancies", "/vacancies?q=magazzino&status=OPEN&sort=RELEVANCE&page=x", allow(ok(), all()), redirectAnon());
        get("/vacancies/new", "/vacancies/new", editors, redirectAnon());
        post("/vacancies", "/vacancies", Map.of("profile", ""), editors, redirectAnon());
        get("/vacancies/{id}", v, allow(ok(), all()), redirectAnon());
        get("/vacancies/{id}/edit", v + "/edit", editors, redirectAnon());
        post("/vacancies/{id}/edit", v + "/edit", Map.of("profile", "", "version", "0"), editors, redirectAnon());
        post("/vacancies/{id}/status", v + "/status", Map.of("status", "CLOSED", "version", "-1"), editorsRedirect,
                redirectAnon());
        get("/vacancies/{id}/candidates", v + "/candidates", allow(ok(), all()), redirectAnon());
        post("/vacancies/{id}/referrals", v + "/referrals", Map.of("pathwayId", String.valueOf(pathway)), proposers,
                redirectAnon());
        get("/vacancies/referrals/{referralId}", r, torinoVisible(200), redirectAnon());
        post("/vacancies/referrals/{referralId}/outcome", r + "/outcome",
                Map.of("status", "SENT_TO_COMPANY", "version", "-1"), evaluators, redirectAnon());
        post("/vacancies/referrals/{referralId}/hire", r + "/hire", Map.of("version", "-1"), pathwayStaff, redirectAnon());
        get("/vacancies/matches/{pathwayId}", "/vacancies/matches/" + pathway, torinoVisible(200), redirectAnon());
        // the worker's offers (issue 22): a worker without a pathway sees the ranking, marks nothing
        Map<String, Integer> meOffers = allow(403, all());
        meOffers.put(WORKER, 200);
        get(MeRoutes.OFFERS, MeRoutes.OFFERS, meOffers, redirectAnon());
        Map<String, Integer> meNoPathway = allow(403, all());
        meNoPathway.put(WORKER, 404);
        post(MeRoutes.OFFER_INTEREST, "/me/offerte/" + vacancy + "/interesse", Map.of(), meNoPathway, redirectAnon());
        // an offer the worker marked as interesting (issue 22): seen where the pathway is, decided by its proposers
        long interest = workerOffers.interested(pathwayWork.get(master, pathway).getWorkerId(), "lavoratore:permessi",
                vacancy).getId();
        get(it.ricolloca.vacancies.VacancyRoutes.INTEREST, "/vacancies/interests/" + interest, torinoVisible(200),
                redirectAnon());
        Map<String, Integer> deciders = torinoOnly(403);
        deciders.putAll(Map.of("master.torino", 200, "operatore.torino", 200));
        post(it.ricolloca.vacancies.VacancyRoutes.INTEREST_SET_ASIDE, "/vacancies/interests/" + interest + "/set-aside",
                Map.of("version", "-1"), deciders, redirectAnon());
        get("/vacancies/referents", "/vacancies/referents", allow(ok(), all()), redirectAnon());
        post("/vacancies/referents", "/vacancies/referents",
                Map.of("centreId", String.valueOf(torino), "userId", "-1"), namers, redirectAnon());
        post("/vacancies/referents/{referentId}/end", "/vacancies/referents/999999/end", Map.of(), allow(404, all()),
                redirectAnon());
        get("/vacancies/import", "/vacancies/import", service, redirectAnon());
        post("/vacancies/import", "/vacancies/import", Map.of(), service, redirectAnon());
        get("/vacancies/board.xlsx", "/vacancies/board.xlsx", allow(ok(), all()), redirectAnon());
        get("/vacancies/board.ods", "/vacancies/board.ods", allow(ok(), all()), redirectAnon());
        get("/api/v1/vacancies", "/api/v1/vacancies?q=magazzino&centre=" + torino + "&page=0", allow(ok(), all()),
                Map.of(ANON, 401));
        post("/api/v1/imports/vacancies", "/api/v1/imports/vacancies", Map.of(), serviceApi, Map.of(ANON, 401));
        get("/api/v1/exports/vacancies.xlsx", "/api/v1/exports/vacancies.xlsx", allow(ok(), all()), Map.of(ANON, 401));
        get("/api/v1/exports/vacancies.ods", "/api/v1/exports/vacancies.ods", allow(ok(), all()), Map.of(ANON, 401));

        String snapshot = "?snapshotDate=2017-05-15";
        get("/monitoring", "/monitoring" + snapshot, allow(ok(), all()), redirectAnon());
        get("/monitoring/requests", "/monitoring/requests" + snapshot + "&centre=" + torino + "&status=RELEASED",
                torinoVisible(200), redirectAnon());
        get("/monitoring/requests-by-centre.xlsx", "/monitoring/requests-by-centre.xlsx" + snapshot, allow(ok(), all()),
                redirectAnon());
        get("/monitoring/requests-by-centre.ods", "/monitoring/requests-by-centre.ods" + snapshot, allow(ok(), all()),
                redirectAnon());
        get("/monitoring/requests-by-centre.csv", "/monitoring/requests-by-centre.csv" + snapshot, allow(ok(), all()),
                redirectAnon());
        get("/api/v1/reports/requests-by-centre", "/api/v1/reports/requests-by-centre" + snapshot, allow(ok(), all()),
                Map.of(ANON, 401));
        String period = "?from=2016-01-01&to=2017-12-31&province=TO&centre=" + torino;
        get("/monitoring/network", "/monitoring/network" + period, allow(ok(), all()), redirectAnon());
        get("/monitoring/network/{table}.xlsx", "/monitoring/network/funnel.xlsx" + period, allow(ok(), all()),
                redirectAnon());
        get("/monitoring/network/{table}.ods", "/monitoring/network/funnel.ods" + period, allow(ok(), all()),
                redirectAnon());
        get("/monitoring/network/{table}.csv", "/monitoring/network/board-by-source.csv" + period, allow(ok(), all()),
                redirectAnon());
        get("/api/v1/reports/tables/{table}", "/api/v1/reports/tables/trend" + period, allow(ok(), all()),
                Map.of(ANON, 401));
    }

    @Autowired it.ricolloca.claims.internal.ClaimWork claimWork;

    /** The claims: a success claim of a Torino pathway, prepared as its closing would. */
    private void routesOfTheClaims() {
        CurrentUser master = released.user("master.torino");
        long requestId = released.release("master.torino", "Rimborso", "Permessi");
        long pathway = pathwayStart.bookFirstAppointment(master, requestId,
                it.ricolloca.shared.LegalCalendar.nextWorkingDayFrom(it.ricolloca.shared.web.Dates.today().plusDays(12)).atTime(10, 0).atZone(it.ricolloca.shared.web.Dates.ZONE),
                null, null, null);
        var p = pathwayWork.get(master, pathway);
        long claim = claimWork.prepare(new it.ricolloca.pathway.PathwayClosed(pathway, requestId, p.getWorkerId(),
                p.getCentreId(), p.getOfficeId(), it.ricolloca.pathway.PathwayOutcome.HIRED,
                it.ricolloca.shared.web.Dates.today(), it.ricolloca.pathway.ContractType.PERMANENT,
                it.ricolloca.shared.web.Dates.today(), null, java.math.BigDecimal.ZERO, null, "master.torino"))
                .orElseThrow().getId();
        String c = "/claims/" + claim;
        List<String> viewers = List.of("regione", "adr.regione", "master.torino", "operatore.torino", "master.novara",
                "operatore.novara");
        Map<String, Integer> register = allow(403, all());
        register.putAll(allow(200, viewers));
        // Out of the claim's scope (Novara, and the roles that handle no claims) it does not exist.
        Map<String, Integer> claimPage = allow(404, all());
        claimPage.putAll(Map.of("regione", 200, "adr.regione", 200, "master.torino", 200, "operatore.torino", 200));
        Map<String, Integer> preparers = allow(404, all());
        // A stale or incomplete form of a permitted user comes back as the claim's page with the reason (200).
        preparers.putAll(Map.of("regione", 403, "adr.regione", 403, "master.torino", 200, "operatore.torino", 200));
        Map<String, Integer> submitter = allow(404, all());
        submitter.putAll(Map.of("regione", 403, "adr.regione", 403, "master.torino", 200, "operatore.torino", 403));
        Map<String, Integer> deciders = allow(404, all());
        deciders.putAll(Map.of("regione", 403, "adr.regione", 200, "master.torino", 200, "operatore.torino", 403));
        Map<String, String> stale = Map.of("version", "-1");

        get("/claims", "/claims?q=Rimborso&status=PREPARED&kind=SUCCESS&centre=" + torino + "&page=x", register,
                redirectAnon());
        get("/claims/register.xlsx", "/claims/register.xlsx?status=NOPE", register, redirectAnon());
        get("/claims/register.ods", "/claims/register.ods?status=NOPE", register, redirectAnon());
        get("/claims/{id}", c, claimPage, redirectAnon());
        post("/claims/{id}/profiling", c + "/profiling", Map.of("version", "-1", "index", "0,7"), preparers, redirectAnon());
        post("/claims/{id}/attachments", c + "/attachments", Map.of("version", "-1", "kind", "PACT_SIGNED"), preparers,
                redirectAnon());
        post("/claims/{id}/review", c + "/review", stale, preparers, redirectAnon());
        post("/claims/{id}/submit", c + "/submit", stale, submitter, redirectAnon());
        post("/claims/{id}/payment", c + "/payment", Map.of("version", "-1", "amount", "10", "on", "x"), deciders,
                redirectAnon());
        post("/claims/{id}/refusal", c + "/refusal", Map.of("version", "-1", "reason", "x"), deciders, redirectAnon());

        // The API (JSON, issue 18): valid bodies at a stale version are 409 for whoever may act.
        String today = it.ricolloca.shared.web.Dates.today().toString();
        String apiC = "/api/v1/claims/" + claim;
        Map<String, Integer> api401 = Map.of(ANON, 401);
        get("/api/v1/claims/{id}", apiC, claimPage, api401);
        get("/api/v1/pathways/{pathwayId}/claim", "/api/v1/pathways/" + pathway + "/claim", claimPage, api401);
        post("/api/v1/claims/{id}/profiling", apiC + "/profiling", Map.of("index", "0.7", "version", "-1"),
                stale409(preparers), api401);
        post("/api/v1/claims/{id}/review", apiC + "/review", stale, stale409(preparers), api401);
        post("/api/v1/claims/{id}/submit", apiC + "/submit", stale, stale409(submitter), api401);
        post("/api/v1/claims/{id}/payment", apiC + "/payment", Map.of("amount", "10", "on", today, "version", "-1"),
                stale409(deciders), api401);
        post("/api/v1/claims/{id}/refusal", apiC + "/refusal", Map.of("reason", "x", "on", today, "version", "-1"),
                stale409(deciders), api401);
    }

    @Autowired it.ricolloca.training.internal.TrainingWork trainingWork;

    /** Training: a course and today's session, tutor.torino enrolled by master.torino and present. */
    private void routesOfTraining() {
        CurrentUser regione = released.user("regione");
        long course = trainingWork.createCourse(regione, "Corso permessi", it.ricolloca.training.TrainingContent.VACANCY_BOARD,
                null, new java.math.BigDecimal("2"));
        long session = trainingWork.addSession(regione, course, it.ricolloca.shared.web.Dates.today(),
                java.time.LocalTime.of(9, 0), java.time.LocalTime.of(11, 0), "Sala permessi", false, "Docente", 10);
        long enrolment = trainingWork.enrol(released.user("master.torino"), session, "tutor.torino");
        trainingWork.recordAttendance(regione, session, trainingWork.session(session).version(), Map.of(enrolment, true));
        List<String> managers = List.of("regione", "adr.regione");
        // A refused or incomplete form of a permitted user comes back as its page with the reason (200).
        Map<String, Integer> manage = allow(403, all());
        manage.putAll(allow(200, managers));
        Map<String, Integer> enrol = allow(403, all());
        enrol.putAll(allow(200, List.of("regione", "adr.regione", "master.torino", "master.novara")));
        Map<String, Integer> withdraw = allow(403, all());
        withdraw.putAll(Map.of("regione", 200, "adr.regione", 200, "master.torino", 200, "master.novara", 404,
                "operatore.novara", 404));
        Map<String, Integer> certificate = allow(404, all());
        certificate.putAll(allow(200, List.of("regione", "adr.regione", "master.torino", "tutor.torino")));
        Map<String, Integer> coverage = allow(403, all());
        coverage.putAll(allow(200, managers));
        String s = "/training/sessions/" + session;
        String e = "/training/enrolments/" + enrolment;

        get("/training", "/training?q=permessi&page=x", allow(ok(), all()), redirectAnon());
        post("/training", "/training", Map.of("title", "", "content", "NOPE", "hours", "x"), manage, redirectAnon());
        get("/training/courses/{id}", "/training/courses/" + course, allow(ok(), all()), redirectAnon());
        post("/training/courses/{id}/sessions", "/training/courses/" + course + "/sessions", Map.of("capacity", "0"),
                manage, redirectAnon());
        get("/training/sessions/{id}", s, allow(ok(), all()), redirectAnon());
        post("/training/sessions/{id}/enrolments", s + "/enrolments", Map.of("who", "nessuno.cosi"), enrol, redirectAnon());
        post("/training/sessions/{id}/attendance", s + "/attendance", Map.of("version", "-1"), manage, redirectAnon());
        post("/training/enrolments/{id}/withdraw", e + "/withdraw", Map.of(), withdraw, redirectAnon());
        get("/training/enrolments/{id}/certificate.pdf", e + "/certificate.pdf", certificate, redirectAnon());
        get("/training/coverage", "/training/coverage", coverage, redirectAnon());
    }

    @Autowired it.ricolloca.notifications.internal.Notices notices;

    /** Notices: one to Torino's tutors. */
    private void routesOfNotices() {
        long notice = notices.send(released.user("regione"), "Avviso permessi", "Testo", List.of(torino),
                List.of(Role.CPI_TUTOR), "CPI Torino · Tutor");
        Map<String, Integer> senders = allow(403, all());
        senders.putAll(allow(200, List.of("regione", "adr.regione")));
        Map<String, Integer> readers = allow(404, all());
        readers.putAll(allow(200, List.of("regione", "adr.regione", "tutor.torino")));
        get("/notices", "/notices?sent=true&page=x", allow(ok(), all()), redirectAnon());
        post("/notices", "/notices", Map.of("title", "", "body", ""), senders, redirectAnon());
        get("/notices/{id}", "/notices/" + notice, readers, redirectAnon());
        Map<String, Integer> regional = allow(403, all());
        regional.putAll(allow(200, List.of("regione", "adr.regione", "reclutamenti.regione")));
        get("/monitoring/overview", "/monitoring/overview", regional, redirectAnon());
        get("/monitoring/overview.xlsx", "/monitoring/overview.xlsx", regional, redirectAnon());
        get("/monitoring/overview.ods", "/monitoring/overview.ods", regional, redirectAnon());
        // SILP contacts: those who follow cases; Torino's contacts do not exist for Novara's users.
        Map<String, Integer> contactReaders = allow(403, all());
        contactReaders.putAll(allow(200, List.of("regione", "adr.regione", "master.torino", "operatore.torino",
                "tutor.torino")));
        contactReaders.putAll(Map.of("master.novara", 404, "operatore.novara", 404));
        String contactsQuery = "?from=2017-01-01&to=2027-12-31&centre=" + torino;
        get("/monitoring/contacts", "/monitoring/contacts" + contactsQuery, contactReaders, redirectAnon());
        get("/monitoring/contacts.xlsx", "/monitoring/contacts.xlsx" + contactsQuery, contactReaders, redirectAnon());
        get("/monitoring/contacts.ods", "/monitoring/contacts.ods" + contactsQuery, contactReaders, redirectAnon());
        get("/monitoring/contacts.csv", "/monitoring/contacts.csv" + contactsQuery, contactReaders, redirectAnon());
    }

    /** The same rights, where the page answers 200 to a stale form the API answers 409. */
    private static Map<String, Integer> stale409(Map<String, Integer> page) {
        Map<String, Integer> m = new LinkedHashMap<>(page);
        m.replaceAll((u, status) -> status == 200 ? 409 : status);
        return m;
    }

    /** {@code status} for the users named, {@code other} for the rest. */
    private static Map<String, Integer> allowElse(int status, int other, String... users) {
        Map<String, Integer> m = allow(other, all());
        for (String u : users) {
            m.put(u, status);
        }
        return m;
    }

    /** A Torino record: every user who may see it gets {@code ok}; Novara 404. */
    private static Map<String, Integer> torinoVisible(int ok) {
        Map<String, Integer> m = allow(ok, all());
        m.putAll(Map.of("master.novara", 404, "operatore.novara", 404));
        return m;
    }

    /** A Torino record reserved to some Torino staff: everyone else {@code status}, Novara 404. */
    private static Map<String, Integer> torinoOnly(int status) {
        Map<String, Integer> m = allow(status, all());
        m.putAll(Map.of("master.novara", 404, "operatore.novara", 404));
        return m;
    }

    @Test
    void everyRouteAnswersEachUserAsExpected() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Route route : routes) {
            for (String user : USERS) {
                int expected = route.expected().get(user);
                AbstractMockHttpServletRequestBuilder<?> request;
                if (route.method() == HttpMethod.POST && jsonApi(route.path())) {
                    request = MockMvcRequestBuilders.post(route.path()).contentType(MediaType.APPLICATION_JSON)
                            .content(route.form().entrySet().stream().map(e -> "\"" + e.getKey() + "\": "
                                    + (e.getValue().startsWith("[") || e.getValue().startsWith("{") ? e.getValue()
                                            : "\"" + e.getValue() + "\""))
                                    .collect(java.util.stream.Collectors.joining(", ", "{", "}")));
                } else if (route.method() == HttpMethod.POST && route.path().startsWith("/api/")) {
                    request = MockMvcRequestBuilders.multipart(route.path()).file("file", new byte[] {'x'});
                } else {
                    request = MockMvcRequestBuilders.request(route.method(), route.path());
                }
                request.accept(MediaType.TEXT_HTML, MediaType.APPLICATION_JSON, MediaType.ALL);
                if (route.method() == HttpMethod.POST) {
                    request.with(csrfOnce());
                    if (!jsonApi(route.path())) {
                        route.form().forEach(request::param);
                    }
                }
                if (user.equals(WORKER)) {
                    request.with(WorkerSessions.as(workerPrincipal));
                } else if (!user.equals(ANON)) {
                    request.with(DemoUsers.as(userDetails, user));
                }
                int actual = mvc.perform(request).andReturn().getResponse().getStatus();
                if (actual != expected) {
                    wrong.add(route.method() + " " + route.path() + " as " + user + ": expected " + expected + ", got "
                            + actual);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void postWithoutCsrfTokenIsRefused() throws Exception {
        int status = mvc.perform(MockMvcRequestBuilders.post("/account/tokens").param("name", "senza csrf")
                .with(DemoUsers.as(userDetails, "regione"))).andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(403);
    }

    @Test
    void everyRouteIsInTheTable() {
        Set<String> declared = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, ?> e : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = e.getKey();
            Set<String> patterns = info.getPatternValues();
            var methods = info.getMethodsCondition().getMethods();
            for (String pattern : patterns) {
                if (pattern.equals("/error")) {
                    continue;
                }
                if (methods.isEmpty()) {
                    declared.add("GET " + pattern);
                } else {
                    methods.forEach(m -> declared.add(m.name() + " " + pattern));
                }
            }
        }
        Set<String> tested = new TreeSet<>();
        routes.forEach(r -> tested.add(r.method().name() + " " + r.pattern()));
        declared.removeIf(d -> d.contains("/v3/api-docs") && tested.contains("GET /v3/api-docs"));
        assertThat(tested).containsAll(declared);
    }

    private long officeOf(long centreId) {
        if (torinoOffice == 0) {
            torinoOffice = centres.find(centreId).map(c -> mvcOffice(centreId)).orElseThrow();
        }
        return torinoOffice;
    }

    @Autowired it.ricolloca.network.internal.NetworkAdministration network;

    private long mvcOffice(long centreId) {
        return network.get(centreId).getOffices().get(0).getId();
    }

    /** The API's acts take JSON (the imports take a file). */
    private static boolean jsonApi(String path) {
        return path.startsWith("/api/") && !path.startsWith("/api/v1/imports/");
    }

    private void get(String pattern, String path, Map<String, Integer> expected, Map<String, Integer> anon) {
        add(HttpMethod.GET, pattern, path, Map.of(), expected, anon);
    }

    private void post(String pattern, String path, Map<String, String> form, Map<String, Integer> expected,
            Map<String, Integer> anon) {
        add(HttpMethod.POST, pattern, path, form, expected, anon);
    }

    /**
     * The routes of a worker's case file (register record, request, pathway, breach, appointment): the vacancy
     * roles see of a worker only what a referral needs, so for them these records do not exist (404).
     */
    static final java.util.regex.Pattern CASE_FILE = java.util.regex.Pattern.compile(
            "^(/workers/\\{id}|/api/v1/workers/|/requests/\\{id}|/api/v1/requests/\\{id}|/pathways/\\{id}"
                    + "|/pathways/queue/\\{requestId}|/conditionality/\\{id}|/agenda/appointments/\\{id}"
                    + "|/api/v1/pathways/\\{id}|/api/v1/pathways/queue/\\{requestId}|/api/v1/breaches/\\{id}"
                    + "|/api/v1/agenda/appointments/\\{id}).*");

    private void add(HttpMethod method, String pattern, String path, Map<String, String> form,
            Map<String, Integer> expected, Map<String, Integer> anon) {
        Map<String, Integer> all = new LinkedHashMap<>(expected);
        if (CASE_FILE.matcher(pattern).matches()) {
            all.put("referente.torino", 404);
            all.put("reclutamenti.regione", 404);
        }
        all.putAll(anon);
        if (!all.containsKey(WORKER)) {
            // A worker session reaches no staff page (403; the home page sends them to theirs); a public page
            // answers them as it answers anyone not signed in.
            int anonymous = all.get(ANON);
            all.put(WORKER, pattern.equals("/") ? 302 : anonymous == 302 || anonymous == 401 ? 403 : anonymous);
        }
        assertThat(all.keySet()).as(pattern).containsAll(USERS);
        routes.add(new Route(method, pattern, path, all, form));
    }

    private static int ok() {
        return 200;
    }

    private static List<String> all() {
        return USERS.stream().filter(u -> !u.equals(ANON) && !u.equals(WORKER)).toList();
    }

    private static List<String> authenticated() {
        return all();
    }

    /** A request of Torino: its staff who may act get {@code allowed}, other Torino roles and the region 403, Novara 404. */
    private static Map<String, Integer> torinoStaff(int allowed) {
        Map<String, Integer> m = allow(403, all());
        m.putAll(Map.of("master.torino", allowed, "operatore.torino", allowed, "master.novara", 404,
                "operatore.novara", 404));
        return m;
    }

    private static Map<String, Integer> allow(int status, List<String> who) {
        Map<String, Integer> m = new LinkedHashMap<>();
        who.forEach(u -> m.put(u, status));
        return m;
    }

    private static Map<String, Integer> redirectAnon() {
        return Map.of(ANON, 302);
    }

    private static Map<String, Integer> adminOnly(int status) {
        Map<String, Integer> m = allow(403, all());
        m.put("regione", status);
        return m;
    }

    /**
     * A Torino worker: Novara's users get 404 (out of scope); in scope, editors get {@code edit}
     * and the others (vacancy manager, referent) {@code readOnly}.
     */
    private static Map<String, Integer> torinoWorker(int edit, int readOnly) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (String u : List.of("regione", "adr.regione", "master.torino", "operatore.torino", "tutor.torino")) {
            m.put(u, edit);
        }
        m.put("reclutamenti.regione", readOnly);
        m.put("referente.torino", readOnly);
        m.put("master.novara", 404);
        m.put("operatore.novara", 404);
        return m;
    }

    /** The regional AdR routes for a record that does not exist: 404 for those who may ask, 403 for the others. */
    private static Map<String, Integer> adrNotFound() {
        Map<String, Integer> m = allow(403, all());
        m.put("regione", 404);
        m.put("adr.regione", 404);
        return m;
    }

    /** The administrator and Torino's master get {@code own}; Novara's master gets {@code other}; the rest 403. */
    private static Map<String, Integer> managers(int own, int other) {
        Map<String, Integer> m = allow(403, all());
        m.put("regione", own);
        m.put("master.torino", own);
        m.put("master.novara", other);
        return m;
    }
}
