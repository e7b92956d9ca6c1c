package it.ricolloca.me;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import it.ricolloca.accounts.WorkerPrincipal;
import it.ricolloca.pathway.PathwayOutcome;
import it.ricolloca.shared.web.MeRoutes;
import it.ricolloca.support.BrowserlessSession;
import it.ricolloca.support.ClosedPathways;
import it.ricolloca.support.DemoUsers;
import it.ricolloca.support.IntegrationTest;
import it.ricolloca.support.ReleasedWorkers;
import it.ricolloca.support.TestCodes;
import it.ricolloca.support.TestIdentityProvider;
import it.ricolloca.support.WorkerSessions;
import it.ricolloca.support.WorkerSessions.SignedIn;
import java.net.http.HttpResponse;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Workers sign in to their own pages through the same regional provider as the operators (ADR 0040), over HTTP
 * with cookies against the real {@link TestIdentityProvider}: matched by SPID's fiscal number to the register;
 * not in the register, or with a closed pathway, an Italian page and no session; a worker session reaches only
 * {@code /me}, an operator session none of it.
 */
@IntegrationTest
class WorkerSignInTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired UserDetailsService userDetails;
    @Autowired ReleasedWorkers released;
    @Autowired ClosedPathways closed;
    @Autowired WorkerSessions sessions;

    private String app(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private long audited(String actor, String action) {
        return jdbc.sql("select count(*) from audit_entry where actor = ? and action = ?").params(actor, action)
                .query(Long.class).single();
    }

    private String taxCodeOfPathway(long pathway) {
        return released.taxCodeOf(closed.requestOf(pathway));
    }

    @Test
    void aWorkerOfTheRegisterSignsInWithTheirFiscalNumberAndReachesOnlyTheirPages() throws Exception {
        long pathway = closed.started(closed.newTorinoOffice(), "Accessi", "Bruna", 3);
        String cf = taxCodeOfPathway(pathway);
        String actor = WorkerPrincipal.actorOf(cf);
        long before = audited(actor, "WORKER_SIGNED_IN");
        SignedIn in = WorkerSessions.signIn(port, cf);
        BrowserlessSession session = in.session();
        assertThat(in.landing().uri().toString()).isEqualTo(app(MeRoutes.HOME));
        assertThat(in.landing().statusCode()).isEqualTo(200);
        assertThat(in.landing().body()).contains("Ciao, Bruna Accessi", "href=\"" + MeRoutes.PATHWAY + "\"",
                "href=\"" + MeRoutes.DIARY + "\"", "href=\"" + MeRoutes.OFFERS + "\"");
        assertThat(session.visited).anyMatch(u -> u.getPath().equals("/login/oauth2/code/cittadino"));
        assertThat(audited(actor, "WORKER_SIGNED_IN")).isEqualTo(before + 1);

        // No staff page for a worker session: refused, never an error; the home page sends them to theirs.
        for (String staffPage : new String[] {"/workers", "/requests", "/pathways", "/account/tokens", "/audit",
                "/pathways/" + pathway, "/api/v1/requests"}) {
            HttpResponse<String> answer = session.get(app(staffPage));
            assertThat(answer.statusCode()).as(staffPage).isEqualTo(403);
            assertThat(answer.body()).as(staffPage).doesNotContain("Accessi");
        }
        assertThat(session.get(app("/")).uri().getPath()).isEqualTo(MeRoutes.HOME);
        assertThat(session.get(app("/login")).uri().getPath()).isEqualTo(MeRoutes.HOME);

        // Signing out ends the provider's session too, back to the workers' sign-in page.
        session.visited.clear();
        HttpResponse<String> out = session.post(app("/logout"), BrowserlessSession.hiddenFields(in.landing().body(),
                "/logout"));
        assertThat(session.visited).anyMatch(u -> u.toString().startsWith(TestIdentityProvider.start().issuer()
                + "/connect/logout"));
        assertThat(out.uri().toString()).isEqualTo(app(MeRoutes.SIGN_IN + "?uscita"));
        assertThat(out.body()).contains("Sei uscito dalle tue pagine.");
        assertThat(session.get(app(MeRoutes.HOME)).uri().getPath()).isEqualTo(MeRoutes.SIGN_IN);
    }

    @Test
    void aPersonNotInTheRegisterGetsAnItalianPageAndNoSession() throws Exception {
        String cf = TestCodes.random(new Random(System.nanoTime()));
        long before = audited(WorkerPrincipal.actorOf(cf), "WORKER_SIGN_IN_REFUSED");
        SignedIn in = WorkerSessions.signIn(port, cf);
        assertThat(in.landing().uri().getPath()).isEqualTo(MeRoutes.REFUSED);
        assertThat(in.landing().statusCode()).isEqualTo(403);
        assertThat(in.landing().body()).contains("Accesso non possibile",
                "Il tuo codice fiscale non risulta tra le persone che hanno chiesto l'assegno di ricollocazione")
                .doesNotContain("href=\"" + MeRoutes.PATHWAY + "\"");
        assertThat(in.session().get(app(MeRoutes.HOME)).uri().getPath()).isEqualTo(MeRoutes.SIGN_IN);
        assertThat(in.session().get(app("/")).uri().getPath()).isEqualTo("/login");
        assertThat(audited(WorkerPrincipal.actorOf(cf), "WORKER_SIGN_IN_REFUSED")).isEqualTo(before + 1);
    }

    @Test
    void aWorkerWhosePathwayIsClosedGetsAnItalianPageAndNoSession() throws Exception {
        long pathway = closed.started(closed.newTorinoOffice(), "Chiusi", "Carlo", 10);
        closed.close(pathway, PathwayOutcome.WITHDRAWAL, null);
        String cf = taxCodeOfPathway(pathway);
        SignedIn in = WorkerSessions.signIn(port, cf);
        assertThat(in.landing().uri().getPath()).isEqualTo(MeRoutes.REFUSED);
        assertThat(in.landing().statusCode()).isEqualTo(403);
        assertThat(in.landing().body()).contains("Il tuo percorso di assegno di ricollocazione è concluso")
                .doesNotContain("Carlo");
        assertThat(in.session().get(app(MeRoutes.HOME)).uri().getPath()).isEqualTo(MeRoutes.SIGN_IN);
    }

    @Test
    void aWorkerWhoseRequestIsStillPendingSignsIn() throws Exception {
        String cf = released.taxCodeOf(released.filed("master.torino", "Attese", "Dora"));
        SignedIn in = WorkerSessions.signIn(port, cf);
        assertThat(in.landing().uri().toString()).isEqualTo(app(MeRoutes.HOME));
        assertThat(in.landing().body()).contains("Ciao, Dora Attese");
    }

    @Test
    void anOperatorSessionReachesNoneOfTheWorkersPages() throws Exception {
        for (String page : new String[] {MeRoutes.HOME, MeRoutes.REQUEST, MeRoutes.PATHWAY, MeRoutes.DIARY}) {
            int status = mvc.perform(get(page).with(DemoUsers.as(userDetails, "operatore.torino")))
                    .andReturn().getResponse().getStatus();
            assertThat(status).as(page).isEqualTo(403);
        }
        // Nobody signed in: to the workers' sign-in page, with its button to the provider.
        assertThat(mvc.perform(get(MeRoutes.HOME)).andReturn().getResponse().getRedirectedUrl())
                .endsWith(MeRoutes.SIGN_IN);
        assertThat(mvc.perform(get(MeRoutes.SIGN_IN)).andReturn().getResponse().getContentAsString())
                .contains("href=\"" + MeRoutes.SSO_START + "\"", "Entra con SPID o CIE");
    }

    @Test
    void aWorkerSessionForMockMvcOpensTheHomeAndNoStaffPage() throws Exception {
        long pathway = closed.started(closed.newTorinoOffice(), "Finti", "Elio", 2);
        WorkerPrincipal worker = sessions.principal(taxCodeOfPathway(pathway));
        var home = mvc.perform(get(MeRoutes.HOME).with(WorkerSessions.as(worker))).andReturn().getResponse();
        assertThat(home.getStatus()).isEqualTo(200);
        assertThat(home.getContentAsString()).contains("Ciao, Elio Finti");
        assertThat(mvc.perform(get("/pathways/" + pathway).with(WorkerSessions.as(worker))).andReturn()
                .getResponse().getStatus()).isEqualTo(403);
    }
}
