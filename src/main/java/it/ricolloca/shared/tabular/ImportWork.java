package it.ricolloca.shared.tabular;

import it.ricolloca.shared.limits.WorkBudget;
import it.ricolloca.shared.progress.Progress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;

/**
 * One import on this node, from its first byte read to its last row written: it holds one of the node's
 * import permits and a reservation of the node's memory budget, grown by what the import keeps (the
 * workbook's shared strings, the rows it holds until writing). Closing it gives both back. Obtained from
 * {@link TabularReader#begin()}.
 */
public final class ImportWork implements AutoCloseable {

    private final TabularReader reader;
    private final Semaphore permits;
    private final WorkBudget.Reservation reservation;
    private boolean closed;
    private Progress progress = Progress.NONE;

    ImportWork(TabularReader reader, Semaphore permits, WorkBudget.Reservation reservation) {
        this.reader = reader;
        this.permits = permits;
        this.reservation = reservation;
    }

    /**
     * Reports the reading to {@code progress} (ADR 0028): the reads then count the file's rows first (a quick
     * pass that keeps nothing), tell the total, and report each row read.
     */
    public void track(Progress progress) {
        this.progress = progress == null ? Progress.NONE : progress;
    }

    /** Reads the file's first sheet, or the CSV, row by row into the handler, within the limits. */
    public void read(TabularSource source, RowHandler handler) {
        if (progress == Progress.NONE) {
            reader.read(source, handler, this);
            return;
        }
        Counting count = new Counting(null);
        reader.read(source, count, this);
        progress.total(count.rows[0]);
        reader.read(source, new Counting(handler, new long[1]), this);
    }

    /** Reads the named sheets of a workbook, each into its handler; returns the names found. */
    public Set<String> readSheets(TabularSource source, Map<String, RowHandler> handlers) {
        if (progress == Progress.NONE) {
            return reader.readSheets(source, handlers, this);
        }
        long[] total = new long[1];
        Map<String, RowHandler> counting = new LinkedHashMap<>();
        handlers.keySet().forEach(k -> counting.put(k, new Counting(null, total)));
        reader.readSheets(source, counting, this);
        progress.total(total[0]);
        long[] done = new long[1];
        Map<String, RowHandler> reporting = new LinkedHashMap<>();
        handlers.forEach((k, h) -> reporting.put(k, new Counting(h, done)));
        return reader.readSheets(source, reporting, this);
    }

    /** Counts the data rows (into a counter shared by the sheets), passing them on to the handler if any. */
    private final class Counting implements RowHandler {

        private final RowHandler handler;
        private final long[] rows;

        Counting(RowHandler handler) {
            this(handler, new long[1]);
        }

        Counting(RowHandler handler, long[] rows) {
            this.handler = handler;
            this.rows = rows;
        }

        @Override
        public void header(List<String> names) {
            if (handler != null) {
                handler.header(names);
            }
        }

        @Override
        public void row(int line, List<String> cells) {
            if (handler != null) {
                handler.row(line, cells);
                progress.done(++rows[0]);
            } else {
                rows[0]++;
            }
        }

        @Override
        public boolean keepsRows() {
            return handler != null && handler.keepsRows();
        }
    }

    /** The import keeps {@code bytes} more in memory. */
    public void hold(long bytes) {
        reservation.grow(bytes);
    }

    public long held() {
        return reservation.held();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            reservation.close();
            permits.release();
        }
    }
}
