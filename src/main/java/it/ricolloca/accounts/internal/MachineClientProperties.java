package it.ricolloca.accounts.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Machine clients (ADR 0030): off while {@code issuer-uri} is empty.
 *
 * @param issuerUri the issuer whose client-credentials JWTs the API accepts
 * @param audience when set, the audience a token must name
 */
@ConfigurationProperties("ricolloca.machine-clients")
record MachineClientProperties(String issuerUri, String audience) {

    boolean enabled() {
        return issuerUri != null && !issuerUri.isBlank();
    }
}
