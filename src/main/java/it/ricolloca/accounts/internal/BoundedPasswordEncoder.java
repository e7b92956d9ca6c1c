package it.ricolloca.accounts.internal;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Hashes and checks passwords at most {@code atOnce} at a time, the others waiting their turn in order of arrival
 * (ADR 0041). A password hash is deliberately slow (BCrypt, tens of milliseconds of one core): a hundred sign-ins
 * in the same second, each on its own request thread, would share the cores with every page being served and
 * finish all together seconds later, the pages meanwhile as slow as the sign-ins. Taken in turn, the sign-ins end
 * one after the other and the pages keep their share of the node. Nothing else changes: same encoder, same cost,
 * same answers.
 */
final class BoundedPasswordEncoder implements PasswordEncoder {

    private final PasswordEncoder encoder;
    private final Semaphore turns;

    BoundedPasswordEncoder(PasswordEncoder encoder, int atOnce) {
        if (atOnce < 1) {
            throw new IllegalArgumentException("At least one password check at a time: " + atOnce);
        }
        this.encoder = encoder;
        this.turns = new Semaphore(atOnce, true);
    }

    /** The number of password checks a node runs at once by default: one per processor. */
    static int defaultAtOnce() {
        return Runtime.getRuntime().availableProcessors();
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return inTurn(() -> encoder.encode(rawPassword));
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        return inTurn(() -> encoder.matches(rawPassword, encodedPassword));
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return encoder.upgradeEncoding(encodedPassword);
    }

    /** How many checks are waiting for their turn now. */
    int waiting() {
        return turns.getQueueLength();
    }

    private <T> T inTurn(Supplier<T> work) {
        turns.acquireUninterruptibly();
        try {
            return work.get();
        } finally {
            turns.release();
        }
    }
}
