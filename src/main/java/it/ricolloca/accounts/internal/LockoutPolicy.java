package it.ricolloca.accounts.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** After {@code maxAttempts} consecutive failed logins the account is locked for {@code duration}. */
@ConfigurationProperties("ricolloca.security.lockout")
public record LockoutPolicy(int maxAttempts, Duration duration) {

    public LockoutPolicy {
        if (maxAttempts <= 0) {
            maxAttempts = 5;
        }
        if (duration == null || duration.isNegative() || duration.isZero()) {
            duration = Duration.ofMinutes(15);
        }
    }
}
