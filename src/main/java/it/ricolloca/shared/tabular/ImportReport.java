package it.ricolloca.shared.tabular;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * What an import did: how many rows were read, created, updated, left unchanged and rejected,
 * with every rejected row's line and reason. {@code date} is the date the file speaks for (the
 * snapshot, the invitation); {@code alreadyImported} says the same file was already imported
 * for that date, and nothing changed.
 */
public record ImportReport(Long importId, boolean alreadyImported, LocalDate date, int read, int created,
        int updated, int unchanged, int rejected, int workersCreated, List<Rejection> rejections) implements Serializable {

    /** A row left out, with its line in the file and the reason in Italian. */
    public record Rejection(int line, String taxCode, String reason) implements Serializable {
    }
}
