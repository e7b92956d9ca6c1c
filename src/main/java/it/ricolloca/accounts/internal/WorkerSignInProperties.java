package it.ricolloca.accounts.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Workers' sign-in through the same regional provider as the operators' (ADR 0040): on whenever single sign-on
 * is, through a second registration of the same client ({@link #REGISTRATION}, its own redirect address).
 *
 * @param enabled whether workers may sign in at all (on by default while single sign-on is configured)
 * @param claim the claim that carries the codice fiscale (SPID's {@code fiscalNumber}, {@code TINIT-} stripped)
 */
@ConfigurationProperties("ricolloca.sso.workers")
record WorkerSignInProperties(@DefaultValue("true") boolean enabled, @DefaultValue("fiscalNumber") String claim) {

    /** The registration a worker's sign-in goes through: the same client, another redirect address. */
    static final String REGISTRATION = "cittadino";
}
