package it.ricolloca.shared.progress;

/**
 * Where a long operation stands, as its page shows it: {@code kind} names it (a key suffix of
 * {@code progress.kind.*}); {@code total} is 0 until the operation knows it.
 */
public record ProgressRecord(String kind, long done, long total, boolean finished) {

    /** Not started yet (or not this user's): nothing to show but that it is starting. */
    public static final ProgressRecord STARTING = new ProgressRecord("", 0, 0, false);

    public boolean started() {
        return !kind.isEmpty();
    }

    /** Nothing to count yet: not started, or its total not known. */
    public boolean waiting() {
        return !started() || total == 0 && !finished;
    }

    /** Whole percent, 0 to 100: 100 once finished, even for an operation that had nothing to do. */
    public int percentage() {
        if (finished) {
            return 100;
        }
        if (total <= 0) {
            return 0;
        }
        return (int) Math.min(100, done * 100 / total);
    }
}
