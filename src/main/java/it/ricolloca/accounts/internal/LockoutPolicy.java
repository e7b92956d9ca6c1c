package it.ricolloca.accounts.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How failed sign-ins slow a guesser down without letting a stranger lock a known user out:
 * after {@code maxAttempts} failures for one username from one source address, that source is
 * locked for that username for {@code duration}, doubled at each further lock up to {@code maxDuration};
 * a source is locked for every username after {@code maxPerSource} failures, and for the API after
 * {@code maxBearerPerSource} wrong tokens, both counted within windows of {@code sourceWindow}. A
 * username's failures from a source are forgotten {@code forgetAfter} after the last one.
 *
 * <p>Against guessing spread over many sources: once a username has failed {@code userAlarmAt} times from
 * any source within {@code userWindow}, it is guarded until that window ends: a source from which the user
 * never signed in (within {@code knownSourceFor}) is held off after {@code maxAttemptsWhenGuarded} failures
 * instead of {@code maxAttempts}. Nothing a stranger does ever locks the account itself (ADR 0031).
 */
@ConfigurationProperties("ricolloca.security.lockout")
public record LockoutPolicy(int maxAttempts, Duration duration, Duration maxDuration, int maxPerSource,
        int maxBearerPerSource, Duration sourceWindow, Duration forgetAfter, int userAlarmAt, Duration userWindow,
        int maxAttemptsWhenGuarded, Duration knownSourceFor) {

    public LockoutPolicy {
        if (maxAttempts <= 0) {
            maxAttempts = 5;
        }
        if (duration == null || duration.isNegative() || duration.isZero()) {
            duration = Duration.ofMinutes(15);
        }
        if (maxDuration == null || maxDuration.compareTo(duration) < 0) {
            maxDuration = Duration.ofHours(24).compareTo(duration) < 0 ? duration : Duration.ofHours(24);
        }
        if (maxPerSource <= 0) {
            maxPerSource = 30;
        }
        if (maxBearerPerSource <= 0) {
            maxBearerPerSource = 20;
        }
        if (sourceWindow == null || sourceWindow.isNegative() || sourceWindow.isZero()) {
            sourceWindow = Duration.ofMinutes(10);
        }
        if (forgetAfter == null || forgetAfter.isNegative() || forgetAfter.isZero()) {
            forgetAfter = Duration.ofHours(24);
        }
        if (userAlarmAt <= 0) {
            userAlarmAt = 40;
        }
        if (userWindow == null || userWindow.isNegative() || userWindow.isZero()) {
            userWindow = Duration.ofHours(1);
        }
        if (maxAttemptsWhenGuarded <= 0 || maxAttemptsWhenGuarded > maxAttempts) {
            maxAttemptsWhenGuarded = Math.min(2, maxAttempts);
        }
        if (knownSourceFor == null || knownSourceFor.isNegative() || knownSourceFor.isZero()) {
            knownSourceFor = Duration.ofDays(90);
        }
    }

    /** The lock after the {@code n}-th one (1, 2, …): the duration doubled each time, at most the maximum. */
    Duration lockNumber(int n) {
        Duration d = duration;
        for (int i = 1; i < n && d.compareTo(maxDuration) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(maxDuration) > 0 ? maxDuration : d;
    }
}
