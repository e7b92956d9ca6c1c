package it.ricolloca.support;

import it.ricolloca.accounts.WorkerPrincipal;
import it.ricolloca.shared.web.MeRoutes;
import it.ricolloca.workers.WorkerSummary;
import it.ricolloca.workers.Workers;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Signs a worker in to their own pages (ADR 0040), three ways: through the {@link TestIdentityProvider} over
 * HTTP ({@link #signIn}), for MockMvc page tests ({@link #as}), and in a browser ({@link #signInInBrowser}).
 * The provider learns a person whose SPID {@code fiscalNumber} is the worker's codice fiscale; the username at
 * the provider is the codice fiscale in lower case. Ricolloca is opened at 127.0.0.1, not localhost (the
 * provider accepts loopback redirects by address only).
 */
@Component
public class WorkerSessions {

    /** The reference width of the worker's pages (ADR 0040). */
    public static final int PHONE_WIDTH = 390;

    private final Workers workers;

    WorkerSessions(Workers workers) {
        this.workers = workers;
    }

    /** The principal a worker of the register signs in as (the register's name and codice fiscale). */
    public WorkerPrincipal principal(long workerId) {
        WorkerSummary w = workers.find(workerId).orElseThrow();
        return new WorkerPrincipal(w.id(), w.taxCode(), w.displayName());
    }

    /** The principal of the worker with this codice fiscale. */
    public WorkerPrincipal principal(String fiscalCode) {
        return principal(workers.findByTaxCode(fiscalCode).orElseThrow().id());
    }

    /** For MockMvc: the request carries a signed-in worker session (as the provider's sign-in leaves it). */
    public static RequestPostProcessor as(WorkerPrincipal worker) {
        return SecurityMockMvcRequestPostProcessors.authentication(
                UsernamePasswordAuthenticationToken.authenticated(worker, null, worker.authorities()));
    }

    /** The username at the test provider of the person with this codice fiscale (added at the first use). */
    public static String providerUser(String fiscalCode) {
        String username = fiscalCode.toLowerCase(Locale.ROOT);
        TestIdentityProvider.start().addPerson(username, fiscalCode);
        return username;
    }

    /** A sign-in over HTTP: the session (its cookies) and the page it ended on. */
    public record SignedIn(BrowserlessSession session, HttpResponse<String> landing) {
    }

    /**
     * The whole flow over HTTP with cookies: the workers' sign-in page, its button, the provider's own form
     * signed as the person with this codice fiscale, and back. The landing is {@code /me} for a worker of the
     * register, the refusal page otherwise.
     */
    public static SignedIn signIn(int port, String fiscalCode) throws Exception {
        String app = "http://127.0.0.1:" + port;
        String username = providerUser(fiscalCode);
        BrowserlessSession session = new BrowserlessSession();
        HttpResponse<String> start = session.get(app + MeRoutes.SIGN_IN);
        if (!start.body().contains("href=\"" + MeRoutes.SSO_START + "\"")) {
            throw new IllegalStateException("no sign-in button on " + MeRoutes.SIGN_IN);
        }
        HttpResponse<String> providerLogin = session.get(app + MeRoutes.SSO_START);
        String issuer = TestIdentityProvider.start().issuer();
        if (!providerLogin.uri().toString().startsWith(issuer + "/login")) {
            throw new IllegalStateException("not at the provider's form: " + providerLogin.uri());
        }
        Map<String, String> form = new LinkedHashMap<>(BrowserlessSession.hiddenFields(providerLogin.body(), "/login"));
        form.put("username", username);
        form.put("password", TestIdentityProvider.PASSWORD);
        return new SignedIn(session, session.post(issuer + "/login", form));
    }

    /**
     * In a browser (Playwright), on a phone (390 × 844, the reference width of the worker's pages): opens the
     * workers' sign-in page at 127.0.0.1, presses the button, signs in at the provider's form as the person with
     * this codice fiscale and waits for the worker's home.
     */
    public static void signInInBrowser(com.microsoft.playwright.Page page, int port, String fiscalCode) {
        String app = "http://127.0.0.1:" + port;
        page.setViewportSize(PHONE_WIDTH, 844);
        String username = providerUser(fiscalCode);
        page.navigate(app + MeRoutes.SIGN_IN);
        page.locator("a[href='" + MeRoutes.SSO_START + "']").click();
        page.waitForURL(TestIdentityProvider.start().issuer() + "/login");
        page.locator("#username").fill(username);
        page.locator("#password").fill(TestIdentityProvider.PASSWORD);
        page.locator("button[type=submit]").click();
        page.waitForURL(app + MeRoutes.HOME);
    }
}
