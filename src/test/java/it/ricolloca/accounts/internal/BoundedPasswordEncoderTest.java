package it.ricolloca.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The bound on password checks (ADR 0041): the same answers as the encoder it wraps, and never more checks at once
 * than allowed, the others waiting their turn instead of being refused.
 */
class BoundedPasswordEncoderTest {

    @Test
    void answersAsTheEncoderItWraps() {
        var bounded = new BoundedPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder(), 2);
        String hash = bounded.encode("una-password-lunga");
        assertThat(hash).startsWith("{bcrypt}");
        assertThat(bounded.matches("una-password-lunga", hash)).isTrue();
        assertThat(bounded.matches("un'altra-password", hash)).isFalse();
        assertThat(bounded.upgradeEncoding(hash)).isFalse();
        assertThatThrownBy(() -> new BoundedPasswordEncoder(bounded, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSecondCheckWaitsForTheFirstWhenOneIsAllowed() throws Exception {
        var inside = new AtomicInteger();
        var most = new AtomicInteger();
        var release = new CountDownLatch(1);
        PasswordEncoder slow = new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return raw.toString();
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                inside.decrementAndGet();
                return raw.toString().equals(encoded);
            }
        };
        var bounded = new BoundedPasswordEncoder(slow, 1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Boolean> first = threads.submit(() -> bounded.matches("a", "a"));
            while (inside.get() == 0) {
                Thread.onSpinWait();
            }
            Future<Boolean> second = threads.submit(() -> bounded.matches("b", "c"));
            while (bounded.waiting() == 0) {
                Thread.onSpinWait();
            }
            assertThat(inside.get()).as("the second check waits outside").isEqualTo(1);
            release.countDown();
            assertThat(first.get()).isTrue();
            assertThat(second.get()).as("then runs, with its own answer").isFalse();
            assertThat(most.get()).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
    }
}
