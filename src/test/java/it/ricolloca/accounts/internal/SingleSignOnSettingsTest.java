package it.ricolloca.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The settings of single sign-on (ADR 0029) that the shared test context, configured to match by
 * {@code preferred_username} with local passwords on, does not exercise: matching by SPID's fiscal number, and
 * the break-glass switch turned off.
 */
class SingleSignOnSettingsTest {

    private static SingleSignOnProperties sso(String matchField, boolean localPasswords) {
        return new SingleSignOnProperties("https://idp.regione.example", "ricolloca", "segreto",
                List.of("openid", "profile"), "fiscalNumber", matchField, localPasswords);
    }

    @Test
    void aFiscalNumberLosesSpidsPrefixAndIsComparedInUpperCase() {
        SingleSignOnProperties byFiscalCode = sso("fiscal-code", true);
        assertThat(byFiscalCode.matchesFiscalCode()).isTrue();
        assertThat(byFiscalCode.normalise("TINIT-rssmra80a01l219m")).isEqualTo("RSSMRA80A01L219M");
        assertThat(byFiscalCode.normalise("tinit-RSSMRA80A01L219M")).isEqualTo("RSSMRA80A01L219M");
        assertThat(byFiscalCode.normalise(" RSSMRA80A01L219M ")).isEqualTo("RSSMRA80A01L219M");
        assertThat(byFiscalCode.normalise(null)).isEmpty();
        SingleSignOnProperties byUsername = sso("username", true);
        assertThat(byUsername.matchesFiscalCode()).isFalse();
        assertThat(byUsername.normalise("Operatore.Torino")).isEqualTo("operatore.torino");
    }

    @Test
    void theLocalPasswordsTurnOffOnlyWhileAProviderIsConfigured() {
        assertThat(new SignInOptions(sso("username", false)).localPasswords()).isFalse();
        assertThat(new SignInOptions(sso("username", true)).localPasswords()).isTrue();
        SingleSignOnProperties none = new SingleSignOnProperties("", null, null, List.of(), "preferred_username",
                "username", false);
        assertThat(new SignInOptions(none).singleSignOn()).isFalse();
        assertThat(new SignInOptions(none).localPasswords()).isTrue();
    }

    @Test
    void withTheLocalPasswordsOffAPostedPasswordIsNotReadAndThePageSaysWhy() throws Exception {
        var filter = new FederatedSignIn.LocalPasswordsOff();
        MockHttpServletRequest post = new MockHttpServletRequest("POST", "/login");
        post.addParameter("username", "operatore.torino");
        post.addParameter("password", "demo-ricolloca");
        MockHttpServletResponse refused = new MockHttpServletResponse();
        MockFilterChain notReached = new MockFilterChain();
        filter.doFilter(post, refused, notReached);
        assertThat(refused.getRedirectedUrl()).isEqualTo("/login?passwordsOff");
        assertThat(notReached.getRequest()).isNull();

        MockHttpServletRequest page = new MockHttpServletRequest("GET", "/login");
        MockFilterChain reached = new MockFilterChain();
        filter.doFilter(page, new MockHttpServletResponse(), reached);
        assertThat(reached.getRequest()).isSameAs(page);
    }
}
