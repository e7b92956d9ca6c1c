package it.ricolloca.shared.progress;

/**
 * How far a long operation got: told its total when it knows it, then how many it has done, then that it
 * finished. Obtained from {@link ProgressBoard#track}; {@link #NONE} when nobody is watching.
 */
public interface Progress {

    /** Nobody watches: every report is dropped. */
    Progress NONE = new Progress() {
        @Override
        public void total(long total) {
        }

        @Override
        public void done(long done) {
        }

        @Override
        public void finish() {
        }
    };

    /** The operation will handle {@code total} items (rows, entries). */
    void total(long total);

    /** It has handled {@code done} of them (reported as often as it likes: the board keeps the pace). */
    void done(long done);

    /** It is over: done becomes the total. */
    void finish();
}
