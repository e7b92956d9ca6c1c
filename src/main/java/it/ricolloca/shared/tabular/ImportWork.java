package it.ricolloca.shared.tabular;

import it.ricolloca.shared.limits.WorkBudget;
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

    ImportWork(TabularReader reader, Semaphore permits, WorkBudget.Reservation reservation) {
        this.reader = reader;
        this.permits = permits;
        this.reservation = reservation;
    }

    /** Reads the file's first sheet, or the CSV, row by row into the handler, within the limits. */
    public void read(TabularSource source, RowHandler handler) {
        reader.read(source, handler, this);
    }

    /** Reads the named sheets of a workbook, each into its handler; returns the names found. */
    public Set<String> readSheets(TabularSource source, Map<String, RowHandler> handlers) {
        return reader.readSheets(source, handlers, this);
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
