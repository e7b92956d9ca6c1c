package it.ricolloca.shared.acts;

import it.ricolloca.shared.NotFoundException;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import org.springframework.security.access.AccessDeniedException;

/**
 * The one guard before an act on a record: the record exists and the user may see it (404
 * otherwise, so another CPI's records are not even confirmed), the user holds the right for this
 * act (403), and the form was read at the record's current version ({@link StaleFormException}).
 * Each module states its rights in one class and passes them here; nothing else builds an access
 * refusal.
 */
public final class ActGuard {

    private ActGuard() {
    }

    /** The record, after the three checks. A form without a version counts as stale. */
    public static <T> T act(Optional<T> found, Predicate<? super T> visible, Predicate<? super T> allowed,
            ToLongFunction<? super T> currentVersion, Long formVersion, String act) {
        T record = allowed(found, visible, allowed, act);
        current(currentVersion.applyAsLong(record), formVersion);
        return record;
    }

    /** The record when the user may see it and do {@code act} on it (reads and acts without a version). */
    public static <T> T allowed(Optional<T> found, Predicate<? super T> visible, Predicate<? super T> allowed, String act) {
        T record = visible(found, visible);
        require(allowed.test(record), act);
        return record;
    }

    /** The record when the user may see it; 404 otherwise. */
    public static <T> T visible(Optional<T> found, Predicate<? super T> visible) {
        return found.filter(visible).orElseThrow(NotFoundException::new);
    }

    /** Refuses the act (403) unless the right is held. */
    public static void require(boolean allowed, String act) {
        if (!allowed) {
            throw new AccessDeniedException(act);
        }
    }

    /** Refuses a form read at another version than the record's. */
    public static void current(long currentVersion, Long formVersion) {
        if (formVersion == null || formVersion != currentVersion) {
            throw new StaleFormException();
        }
    }
}
