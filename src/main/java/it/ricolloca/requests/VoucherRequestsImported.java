package it.ricolloca.requests;

/**
 * An import of the ministerial list was written: the requests of its snapshot (some of them released, some
 * no longer released, some with another provider) are read through {@link Handoffs#ofImport} in batches.
 * One event per import, not one per row.
 */
public record VoucherRequestsImported(long importId) {
}
