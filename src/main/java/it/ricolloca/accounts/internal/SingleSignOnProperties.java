package it.ricolloca.accounts.internal;

import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Single sign-on through the regional OpenID Connect provider (ADR 0029): off while {@code issuer-uri} is empty.
 *
 * @param issuerUri the provider's issuer (its discovery document is read at start-up)
 * @param clientId Ricolloca's client id at the provider
 * @param clientSecret its secret
 * @param scopes the scopes asked for
 * @param matchClaim the claim that names the person ({@code preferred_username}, {@code fiscalNumber}…)
 * @param matchField what the claim is compared with: {@code username} or {@code fiscal-code}
 * @param localPasswords whether the local username and password still sign in (the break-glass switch)
 */
@ConfigurationProperties("ricolloca.sso")
record SingleSignOnProperties(String issuerUri, String clientId, String clientSecret,
        @DefaultValue({"openid", "profile"}) List<String> scopes,
        @DefaultValue("preferred_username") String matchClaim,
        @DefaultValue("username") String matchField,
        @DefaultValue("true") boolean localPasswords) {

    /** The one registration of the regional provider. */
    static final String REGISTRATION = "regione";
    /** SPID's prefix of a fiscal number (ISO 3166 country code), not part of the codice fiscale. */
    static final String SPID_PREFIX = "TINIT-";

    boolean enabled() {
        return issuerUri != null && !issuerUri.isBlank();
    }

    boolean matchesFiscalCode() {
        return "fiscal-code".equalsIgnoreCase(matchField) || "fiscal_code".equalsIgnoreCase(matchField);
    }

    /** The claim's value as the accounts keep it: a username in lower case, a codice fiscale without SPID's prefix. */
    String normalise(Object claim) {
        if (claim == null) {
            return "";
        }
        String value = claim.toString().strip();
        if (matchesFiscalCode()) {
            if (value.regionMatches(true, 0, SPID_PREFIX, 0, SPID_PREFIX.length())) {
                value = value.substring(SPID_PREFIX.length());
            }
            return value.toUpperCase(Locale.ROOT);
        }
        return value.toLowerCase(Locale.ROOT);
    }
}
