package it.ricolloca.shared.tabular;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Enumeration;
import java.util.Locale;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.poi.openxml4j.util.ZipEntrySource;

/**
 * A workbook's entries read from its file (never all in memory), each through a counter: a sheet (or an
 * OpenDocument spreadsheet's {@code content.xml}, which holds its tables) may expand to {@code maxSheetSize}, the shared strings to {@code maxSharedStringsSize}, every other part
 * (styles, relationships, content types, which the reader loads whole) to {@code maxOtherPartSize}, and
 * all of them together to {@code maxExpandedSize}. Past a limit the read fails, and {@link #exceeded()}
 * says which limit, whatever exception the library wraps the failure in.
 */
final class BoundedZipEntrySource implements ZipEntrySource {

    private final ZipEntrySource delegate;
    private final ImportLimits limits;
    private long expanded;
    private UnreadableFileException exceeded;

    BoundedZipEntrySource(ZipEntrySource delegate, ImportLimits limits) {
        this.delegate = delegate;
        this.limits = limits;
    }

    /** The limit the file went past, if any. */
    UnreadableFileException exceeded() {
        return exceeded;
    }

    @Override
    public Enumeration<? extends ZipArchiveEntry> getEntries() {
        return delegate.getEntries();
    }

    @Override
    public ZipArchiveEntry getEntry(String path) {
        return delegate.getEntry(path);
    }

    @Override
    public InputStream getInputStream(ZipArchiveEntry entry) throws IOException {
        String name = entry.getName().toLowerCase(Locale.ROOT);
        long partLimit = name.startsWith("xl/worksheets/") || name.equals("content.xml") ? limits.maxSheetSize().toBytes()
                : name.endsWith("sharedstrings.xml") ? limits.maxSharedStringsSize().toBytes()
                : limits.maxOtherPartSize().toBytes();
        return new Counted(delegate.getInputStream(entry), partLimit);
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }

    @Override
    public boolean isClosed() {
        return delegate.isClosed();
    }

    /** Signals a limit passed; the library may wrap it, {@link #exceeded()} keeps what it was. */
    static final class LimitPassed extends IOException {
        LimitPassed() {
            super("limite superato", null);
        }
    }

    private final class Counted extends FilterInputStream {

        private final long partLimit;
        private long read;

        Counted(InputStream in, long partLimit) {
            super(in);
            this.partLimit = partLimit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(long n) throws IOException {
            read += n;
            expanded += n;
            if (read > partLimit && exceeded == null) {
                exceeded = new UnreadableFileException("import.file.partTooLarge", partLimit / (1024 * 1024));
            } else if (expanded > limits.maxExpandedSize().toBytes() && exceeded == null) {
                exceeded = new UnreadableFileException("import.file.tooExpanded",
                        limits.maxExpandedSize().toBytes() / (1024 * 1024));
            }
            if (exceeded != null) {
                throw new LimitPassed();
            }
        }
    }
}
