package it.ricolloca.accounts.internal;

import it.ricolloca.accounts.WorkerPrincipal;
import it.ricolloca.accounts.WorkerSignIn;
import it.ricolloca.accounts.WorkerSignIn.Verdict;
import it.ricolloca.audit.AuditTrail;
import it.ricolloca.shared.Detail;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Turns the provider's person into a Ricolloca account, matched by the configured claim: roles, CPI and
 * delegations are Ricolloca's. A person without an account, or whose account is disabled, is refused and the
 * refusal audited like a local one. Through the workers' registration the person is matched instead to a worker of
 * the register by the codice fiscale (ADR 0040).
 */
class SsoUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    static final String UNKNOWN = "ricolloca_unknown_user";
    static final String DISABLED = "ricolloca_disabled_user";
    /** A worker's sign-in: nobody with the claim's codice fiscale in the register (ADR 0040). */
    static final String WORKER_UNKNOWN = "ricolloca_unknown_worker";
    /** A worker's sign-in: the worker's pathway is closed (ADR 0040). */
    static final String WORKER_CLOSED = "ricolloca_closed_pathway";

    private final OidcUserService provider = new OidcUserService();
    private final SingleSignOnProperties sso;
    private final UserAccountRepository users;
    private final AuditTrail audit;
    private final WorkerSignInProperties workerSettings;
    private final Supplier<WorkerSignIn> workers;

    SsoUserService(SingleSignOnProperties sso, UserAccountRepository users, AuditTrail audit,
            WorkerSignInProperties workerSettings, Supplier<WorkerSignIn> workers) {
        this.sso = sso;
        this.users = users;
        this.audit = audit;
        this.workerSettings = workerSettings;
        this.workers = workers;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser signedIn = provider.loadUser(request);
        if (WorkerSignInProperties.REGISTRATION.equals(request.getClientRegistration().getRegistrationId())) {
            return worker(signedIn);
        }
        String value = sso.normalise(signedIn.getClaims().get(sso.matchClaim()));
        Optional<UserAccount> account = value.isEmpty() ? Optional.empty()
                : sso.matchesFiscalCode() ? users.findByFiscalCode(value) : users.findByUsername(value);
        String actor = truncate(value.isEmpty() ? String.valueOf(signedIn.getSubject()) : value);
        if (account.isEmpty()) {
            audit.recordAs(actor, "LOGIN_FAILED", "UserAccount", "",
                    Detail.of("audit.detail.ssoUnknownUser", sso.matchClaim()).encoded());
            throw new OAuth2AuthenticationException(new OAuth2Error(UNKNOWN), "no account for the claim");
        }
        if (!account.get().isEnabled()) {
            audit.recordAs(account.get().getUsername(), "LOGIN_REFUSED_DISABLED", "UserAccount", account.get().getId(),
                    Detail.of("audit.detail.singleSignOn").encoded());
            throw new OAuth2AuthenticationException(new OAuth2Error(DISABLED), "account disabled");
        }
        return new SsoPrincipal(account.get(), signedIn);
    }

    /**
     * A worker's sign-in (ADR 0040): the codice fiscale of the configured claim, SPID's prefix stripped, must name
     * a worker of the register whose pathway is not closed; nothing else about the person is looked at.
     */
    private OidcUser worker(OidcUser signedIn) {
        Object claim = signedIn.getClaims().get(workerSettings.claim());
        String code = claim == null ? "" : claim.toString().strip().toUpperCase(Locale.ROOT);
        if (code.startsWith(SingleSignOnProperties.SPID_PREFIX)) {
            code = code.substring(SingleSignOnProperties.SPID_PREFIX.length());
        }
        WorkerSignIn register = workers.get();
        WorkerSignIn.Answer answer = code.isEmpty() || register == null ? WorkerSignIn.Answer.refused(Verdict.UNKNOWN)
                : register.check(code);
        String actor = code.isEmpty() ? truncate(String.valueOf(signedIn.getSubject())) : WorkerPrincipal.actorOf(code);
        if (answer.verdict() == Verdict.UNKNOWN) {
            audit.recordAs(actor, "WORKER_SIGN_IN_REFUSED", "Worker", "",
                    Detail.of("audit.detail.workerNotInRegister", workerSettings.claim()).encoded());
            throw new OAuth2AuthenticationException(new OAuth2Error(WORKER_UNKNOWN), "not in the register");
        }
        if (answer.verdict() == Verdict.CLOSED) {
            audit.recordAs(actor, "WORKER_SIGN_IN_REFUSED", "Worker", "",
                    Detail.of("audit.detail.workerPathwayClosed").encoded());
            throw new OAuth2AuthenticationException(new OAuth2Error(WORKER_CLOSED), "pathway closed");
        }
        return new SsoWorkerPrincipal(answer.worker(), signedIn);
    }

    private static String truncate(String s) {
        return s.length() > 60 ? s.substring(0, 60) : s;
    }
}
