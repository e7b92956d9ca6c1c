package it.ricolloca.accounts.internal;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many sign-ins and API calls one source may make, whether they succeed or not: a bucket per source of
 * {@code signInBurst} sign-ins refilled at {@code signInPerMinute}, and of {@code apiBurst} calls with a token
 * refilled at {@code apiPerMinute}. At most {@code maxSources} buckets are kept in a node's memory. Addresses
 * in {@code exemptSources} are never limited (a monitoring probe, or the loopback of the tests).
 */
@ConfigurationProperties("ricolloca.security.limits")
public record SourceLimitPolicy(int signInBurst, int signInPerMinute, int apiBurst, int apiPerMinute, int maxSources,
        List<String> exemptSources) {

    public SourceLimitPolicy {
        if (signInBurst <= 0) {
            signInBurst = 30;
        }
        if (signInPerMinute <= 0) {
            signInPerMinute = 10;
        }
        if (apiBurst <= 0) {
            apiBurst = 100;
        }
        if (apiPerMinute <= 0) {
            apiPerMinute = 300;
        }
        if (maxSources <= 0) {
            maxSources = 20_000;
        }
        exemptSources = exemptSources == null ? List.of()
                : exemptSources.stream().map(SourceAddress::clean).filter(s -> !SourceAddress.UNKNOWN.equals(s)).toList();
    }
}
