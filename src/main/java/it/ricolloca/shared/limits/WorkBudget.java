package it.ricolloca.shared.limits;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The memory a node lends to the work whose size its users decide: files being imported, documents
 * being checked. Each piece of work reserves what it will hold before it holds it, and grows its
 * reservation as it goes (a workbook's shared strings, the rows an import keeps); what the node does
 * not have is refused at once, never discovered as an {@code OutOfMemoryError} that stops the node for
 * everyone. A reservation larger than the whole budget can never succeed ({@link TooLargeForNodeException});
 * one that does not fit beside the others' may succeed later ({@link NodeBusyException}). The budget is
 * {@code ricolloca.limits.work-memory}, by default {@value #DEFAULT_SHARE_PERCENT}% of the maximum heap.
 */
@Component
public class WorkBudget {

    static final int DEFAULT_SHARE_PERCENT = 40;
    private static final Logger log = LoggerFactory.getLogger(WorkBudget.class);

    private final long capacity;
    private long used;

    @Autowired
    WorkBudget(@Value("${ricolloca.limits.work-memory:}") DataSize configured) {
        this(configured == null ? Runtime.getRuntime().maxMemory() / 100 * DEFAULT_SHARE_PERCENT : configured.toBytes());
    }

    public WorkBudget(long capacity) {
        this.capacity = Math.max(1, capacity);
        log.info("Memoria per importazioni e documenti: {} MB", this.capacity / (1024 * 1024));
    }

    public long capacity() {
        return capacity;
    }

    public synchronized long used() {
        return used;
    }

    /** Reserves {@code bytes} now; the reservation is given back when closed. */
    public Reservation reserve(long bytes) {
        Reservation r = new Reservation();
        r.grow(bytes);
        return r;
    }

    private synchronized void take(long bytes) {
        if (used + bytes > capacity) {
            throw new NodeBusyException();
        }
        used += bytes;
    }

    private synchronized void give(long bytes) {
        used -= bytes;
    }

    /** What one piece of work holds; grows as the work keeps more, and is all given back on close. */
    public final class Reservation implements AutoCloseable {

        private long held;
        private boolean closed;

        private Reservation() {
        }

        /** Holds {@code bytes} more, or refuses: the work then stops and closes its reservation. */
        public void grow(long bytes) {
            if (bytes <= 0) {
                return;
            }
            if (closed) {
                throw new IllegalStateException("reservation closed");
            }
            if (held + bytes > capacity) {
                throw new TooLargeForNodeException(capacity);
            }
            take(bytes);
            held += bytes;
        }

        public long held() {
            return held;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                give(held);
            }
        }
    }
}
