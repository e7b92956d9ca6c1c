package it.ricolloca.accounts;

import static it.ricolloca.support.DemoUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static it.ricolloca.support.FormPosts.csrfOnce;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import it.ricolloca.accounts.internal.DelegationAdministration;
import it.ricolloca.accounts.internal.UserAccountRepository;
import it.ricolloca.accounts.internal.UserAdministration;
import it.ricolloca.network.JobCentres;
import it.ricolloca.notifications.internal.Notices;
import it.ricolloca.support.IntegrationTest;
import it.ricolloca.support.TestIdentityProvider;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.Flash;
import it.ricolloca.support.ReleasedWorkers;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The frame every page shares (layout/page.jte, ADR 0024): the menu by area and by role, each entry leading to a
 * page its user may open; the breadcrumb; the flash notice's colour; the unread-notice badge; the public
 * accessibility statement and privacy notice; the Content Security Policy, pinned.
 */
@IntegrationTest
class PageFrameTest {

    /**
     * What the browser may load: everything from the application itself; images and fonts also from data: URIs
     * (Bootstrap Italia's stylesheet embeds both); one inline style element, by its hash: the one Bootstrap Italia's
     * bundle inserts for its video player's YouTube support whenever it loads (ADR 0024).
     */
    static final String CSP = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'sha256-2irhcufRPQSZQZlPcQHSTEybF70/fg05aUNPkk/YE0Y='; img-src 'self' data:; "
            + "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    private static final Pattern MENU_LINK = Pattern.compile("<a [^>]*data-menu-link[^>]*href=\"([^\"]+)\"");
    private static final List<String> USERS = List.of("regione", "adr.regione", "reclutamenti.regione", "master.torino",
            "operatore.torino", "tutor.torino", "referente.torino", "master.novara", "operatore.novara",
            "referente.novara");

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired UserAccountRepository accounts;
    @Autowired Notices notices;
    @Autowired JobCentres centres;
    @Autowired ReleasedWorkers released;
    @Autowired UserAdministration userAdministration;
    @Autowired DelegationAdministration delegations;

    @Test
    void theContentSecurityPolicyIsExactlyThePinnedOne() throws Exception {
        for (MockHttpServletRequestBuilder request : List.of(get("/login"), get("/").with(as(users, "operatore.torino")),
                get("/dichiarazione-accessibilita"))) {
            MvcResult result = mvc.perform(request).andReturn();
            // With single sign-on configured (as in the tests) signing out ends in a redirect to the provider,
            // which form-action admits: its origin and nothing else is added (ADR 0029).
            assertThat(result.getResponse().getHeader("Content-Security-Policy")).isEqualTo(CSP.replace(
                    "form-action 'self'", "form-action 'self' " + TestIdentityProvider.start().issuer()));
        }
        assertThat(CSP).doesNotContain("unsafe-inline", "unsafe-eval", "unsafe-hashes", "*");
    }

    @Test
    void everyMenuEntryOfEveryRoleLeadsToAPageItsUserMayOpen() throws Exception {
        List<String> refused = new ArrayList<>();
        for (String user : USERS) {
            List<String> hrefs = menuLinks(page(user, "/"));
            assertThat(hrefs).as(user).isNotEmpty().doesNotHaveDuplicates();
            for (String href : hrefs) {
                int status = mvc.perform(get(href).with(as(users, user))).andReturn().getResponse().getStatus();
                if (status != 200) {
                    refused.add(user + " → " + href + ": " + status);
                }
            }
        }
        assertThat(refused).isEmpty();
    }

    @Test
    void anOperatorFindsTheTokensInTheirOwnMenuAndNeitherTokensNorParametersInTheNavigation() throws Exception {
        String operator = page("operatore.torino", "/");
        assertThat(mainNavigation(operator)).doesNotContain("/account/tokens", "/parameters", "/audit", "/users\"")
                .contains("Lavoratori e richieste", "Percorsi e agenda", "href=\"/requests\"", "href=\"/vacancies\"");
        assertThat(menuLinks(operator)).contains("/account/tokens", "/account/password", "/notices")
                .doesNotContain("/parameters");
        String admin = page("regione", "/");
        assertThat(mainNavigation(admin)).contains("Amministrazione", "href=\"/parameters\"", "href=\"/audit\"")
                .doesNotContain("/account/tokens");
    }

    @Test
    void theBreadcrumbFollowsTheMenuFromHomeToThePage() throws Exception {
        String form = page("regione", "/users/new");
        String crumbs = between(form, "<ol class=\"breadcrumb\">", "</ol>");
        assertThat(crumbs.replaceAll("\\s+", " ")).containsSubsequence("href=\"/\">Home</a>", "Amministrazione",
                "href=\"/users\">Utenti</a>", "aria-current=\"page\"");
        String list = page("regione", "/users");
        assertThat(between(list, "<ol class=\"breadcrumb\">", "</ol>")).contains("aria-current=\"page\">Utenti</li>");
        assertThat(page("regione", "/")).doesNotContain("class=\"breadcrumb\"");
    }

    @Test
    void aDoneActIsToldInGreenAndARefusalInRed() throws Exception {
        CurrentUser admin = released.user("regione");
        long torino = accounts.findByUsername("tutor.torino").orElseThrow().getCentreId();
        long delegate = userAdministration.create(admin, "cornice." + System.nanoTime() % 1_000_000, "Operatore della cornice",
                "cornice@example.org", torino, Set.of(Role.CPI_OPERATOR), "Prova-cornice-1").getId();
        long delegation = delegations.grant(admin, delegate, DelegatedFunction.AGENDA, Dates.today(), null).getId();
        assertThat(flashAfterRevoking(delegation)).contains("class=\"alert alert-success\" role=\"status\" data-flash=\"SUCCESS\"");
        assertThat(flashAfterRevoking(delegation)).contains("class=\"alert alert-danger\" role=\"status\" data-flash=\"ERROR\"");
        assertThat(Flash.Kind.of(null)).isEqualTo(Flash.Kind.SUCCESS);
        assertThat(Flash.Kind.of("warning").alertClass()).isEqualTo("alert-warning");
        assertThat(Flash.Kind.of("info").alertClass()).isEqualTo("alert-info");
    }

    /** Revokes the delegation as the administrator and reads the page the redirect leads to, in the same session. */
    private String flashAfterRevoking(long delegation) throws Exception {
        MvcResult posted = mvc.perform(post("/delegations/" + delegation + "/revoke").with(as(users, "regione"))
                .with(csrfOnce())).andReturn();
        assertThat(posted.getResponse().getStatus()).isEqualTo(302);
        String location = posted.getResponse().getRedirectedUrl();
        return mvc.perform(get(location).with(as(users, "regione")).cookie(posted.getResponse().getCookies()))
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void theUnreadNoticesShowAsABadgeThatReadingClears() throws Exception {
        long torino = accounts.findByUsername("tutor.torino").orElseThrow().getCentreId();
        long notice = notices.send(released.user("regione"), "Avviso del badge", "Testo", List.of(torino),
                List.of(Role.CPI_TUTOR), "CPI Torino · Tutor");
        long tutor = accounts.findByUsername("tutor.torino").orElseThrow().getId();
        int unread = notices.unread(tutor);
        assertThat(unread).isPositive();
        String home = page("tutor.torino", "/");
        assertThat(home).contains("<span class=\"badge bg-light text-primary\">" + unread + "</span>",
                unread == 1 ? "1 avviso non letto" : unread + " avvisi non letti");
        mvc.perform(get("/notices/" + notice).with(as(users, "tutor.torino"))).andReturn();
        assertThat(notices.unread(tutor)).isEqualTo(unread - 1);
        String after = page("tutor.torino", "/");
        if (unread == 1) {
            assertThat(after).doesNotContain("avviso non letto", "avvisi non letti");
        } else {
            assertThat(after).contains(unread - 1 == 1 ? "1 avviso non letto" : (unread - 1) + " avvisi non letti");
        }
    }

    @Test
    void theAccessibilityStatementAndThePrivacyNoticeAreOpenToEverybodyFromTheFooter() throws Exception {
        String agency = centres.regionalAgency().orElseThrow().getName();
        String login = mvc.perform(get("/login")).andReturn().getResponse().getContentAsString();
        assertThat(login).contains("href=\"/dichiarazione-accessibilita\"", "href=\"/informativa-privacy\"");
        MvcResult statement = mvc.perform(get("/dichiarazione-accessibilita")).andReturn();
        assertThat(statement.getResponse().getStatus()).isEqualTo(200);
        assertThat(statement.getResponse().getContentAsString()).contains(agency, "Stato di conformità",
                "Contenuti non accessibili", "Redazione della dichiarazione di accessibilità",
                "Meccanismo di feedback e informazioni di contatto", "Procedura di attuazione", "Difensore civico per il digitale");
        MvcResult notice = mvc.perform(get("/informativa-privacy")).andReturn();
        assertThat(notice.getResponse().getStatus()).isEqualTo(200);
        assertThat(notice.getResponse().getContentAsString()).contains("Titolare del trattamento è " + agency,
                "Responsabile della protezione dei dati", "art. 6, par. 1, lett. e", "D.Lgs. 150/2015", "Destinatari",
                "Periodo di conservazione", "Diritti dell", "Garante per la protezione dei dati personali");
    }

    private String page(String user, String path) throws Exception {
        MvcResult result = mvc.perform(get(path).with(as(users, user))).andReturn();
        assertThat(result.getResponse().getStatus()).as(user + " " + path).isEqualTo(200);
        return result.getResponse().getContentAsString();
    }

    private static List<String> menuLinks(String html) {
        List<String> hrefs = new ArrayList<>();
        Matcher m = MENU_LINK.matcher(html);
        while (m.find()) {
            hrefs.add(m.group(1));
        }
        return hrefs;
    }

    private static String mainNavigation(String html) {
        return between(html, "<nav id=\"nav\"", "</nav>");
    }

    private static String between(String html, String from, String to) {
        int start = html.indexOf(from);
        assertThat(start).as(from).isNotNegative();
        return html.substring(start, html.indexOf(to, start));
    }
}
