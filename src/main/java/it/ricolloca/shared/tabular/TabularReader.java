package it.ricolloca.shared.tabular;

import it.ricolloca.shared.limits.NodeBusyException;
import it.ricolloca.shared.limits.TooLargeForNodeException;
import it.ricolloca.shared.limits.WorkBudget;
import java.io.BufferedReader;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLStreamException;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipFileZipEntrySource;
import org.apache.poi.openxml4j.util.ZipInputStreamZipEntrySource;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads the files the imports take: the first sheet of an XLSX workbook or the first table of an
 * OpenDocument spreadsheet (ODS; both streaming, formulas at their stored value), or a CSV (UTF-8 or Windows-1252, {@code ;} or {@code ,}, both detected). The format is
 * recognised from the content, not the name: a renamed non-spreadsheet is refused, never guessed at.
 * Every read is bounded ({@link ImportLimits}): the file's size, what a workbook expands to, the rows, the
 * cells of a row, the characters of a cell; and what an import keeps in memory is reserved from the
 * node's {@link WorkBudget} as it grows. At most {@code concurrentPerNode} imports run on a node at once.
 * A file past a limit, malformed or hostile, is refused with an Italian message and nothing is imported.
 */
@Component
public class TabularReader {

    /** What the JVM spends on a kept row beside its cells, and on each cell beside its characters. */
    static final int ROW_OVERHEAD = 96;
    static final int CELL_OVERHEAD = 56;
    /** An importer keeps about twice the row it reads (its parsed form beside the text). */
    static final int KEPT_FACTOR = 2;
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private final ImportLimits limits;
    private final WorkBudget budget;
    private final Semaphore permits;

    TabularReader(ImportLimits limits, WorkBudget budget) {
        this.limits = limits;
        this.budget = budget;
        this.permits = new Semaphore(limits.concurrentPerNode(), true);
        // If POI ever falls back from reading the file to reading a stream, entries over 1 MB go to temporary files.
        ZipInputStreamZipEntrySource.setThresholdBytesForTempFiles(1024 * 1024);
        TabularSource.cleanSpool();
    }

    public ImportLimits limits() {
        return limits;
    }

    /** The uploaded file, copied to this node's spool within the size limit. */
    public TabularSource receive(MultipartFile file) {
        return TabularSource.of(file, limits.maxFileSize().toBytes());
    }

    /**
     * Starts an import on this node: one of its permits (waiting a few seconds for one) and a memory
     * reservation. Refused with {@link NodeBusyException} when the node is busy with other imports.
     */
    public ImportWork begin() {
        try {
            if (!permits.tryAcquire(3, TimeUnit.SECONDS)) {
                throw new NodeBusyException();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NodeBusyException();
        }
        return withPermit();
    }

    /** Like {@link #begin()}, but waits for a permit as long as it takes (a background job in its queue). */
    public ImportWork beginWhenFree() throws InterruptedException {
        permits.acquire();
        return withPermit();
    }

    /** The work of a permit just taken, with its first megabyte of memory; the permit goes back if that fails. */
    private ImportWork withPermit() {
        try {
            return new ImportWork(this, permits, budget.reserve(1024 * 1024));
        } catch (RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    void read(TabularSource source, RowHandler handler, ImportWork work) {
        if (source.size() == 0) {
            throw new UnreadableFileException("import.file.empty");
        }
        byte[] head = source.head(8192);
        String name = source.fileName().toLowerCase(Locale.ROOT);
        if (startsWith(head, 0x50, 0x4B, 0x03, 0x04)) {
            readZip(source, work, true, (sheetName, first) -> first ? Optional.of(handler) : Optional.empty());
        } else if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw new UnreadableFileException("import.file.oldExcel");
        } else if (name.endsWith(".xlsx") || name.endsWith(".xls") || name.endsWith(".ods") || hasNul(head)) {
            throw new UnreadableFileException("import.file.notSpreadsheet");
        } else {
            readCsv(source, handler, work);
        }
    }

    Set<String> readSheets(TabularSource source, Map<String, RowHandler> handlers, ImportWork work) {
        if (source.size() == 0) {
            throw new UnreadableFileException("import.file.empty");
        }
        if (!startsWith(source.head(4), 0x50, 0x4B, 0x03, 0x04)) {
            throw new UnreadableFileException("import.file.xlsxOnly");
        }
        Set<String> found = new LinkedHashSet<>();
        readZip(source, work, false, (sheetName, first) -> handlers.entrySet().stream()
                .filter(e -> HeaderNames.key(e.getKey()).equals(HeaderNames.key(sheetName))).findFirst()
                .map(e -> {
                    found.add(e.getKey());
                    return e.getValue();
                }));
        return found;
    }

    /** Which handler reads a sheet, by its name and whether it is the first one; empty to skip it. */
    private interface SheetChoice {
        Optional<RowHandler> handlerFor(String sheetName, boolean first);
    }

    /** The MIME type an OpenDocument spreadsheet declares in its {@code mimetype} entry. */
    static final String ODS_MIME = "application/vnd.oasis.opendocument.spreadsheet";

    /**
     * A ZIP: an XLSX workbook (it has {@code [Content_Types].xml}) or an OpenDocument spreadsheet (it has
     * {@code content.xml} and, if it says its type, says spreadsheet); anything else is not a spreadsheet.
     */
    private void readZip(TabularSource source, ImportWork work, boolean single, SheetChoice choice) {
        boolean ods;
        try (ZipSecureFile zip = new ZipSecureFile(source.path().toFile())) {
            ods = zip.getEntry("[Content_Types].xml") == null && zip.getEntry("content.xml") != null;
            if (ods && zip.getEntry("mimetype") != null) {
                ZipArchiveEntry entry = zip.getEntry("mimetype");
                try (InputStream in = zip.getInputStream(entry)) {
                    String mime = new String(in.readNBytes(200), StandardCharsets.US_ASCII).strip();
                    if (!mime.equals(ODS_MIME) && !mime.equals(ODS_MIME + "-template")) {
                        throw new UnreadableFileException("import.file.notSpreadsheet");
                    }
                }
            }
        } catch (UnreadableFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new UnreadableFileException("import.file.notSpreadsheet");
        }
        if (ods) {
            readOds(source, work, single, choice);
        } else {
            readWorkbook(source, work, single, choice);
        }
    }

    /** The tables of an OpenDocument spreadsheet, read from its {@code content.xml} within the part limits. */
    private void readOds(TabularSource source, ImportWork work, boolean single, SheetChoice choice) {
        BoundedZipEntrySource entries = null;
        ReadFailure failure = new ReadFailure();
        try (ZipSecureFile zip = new ZipSecureFile(source.path().toFile())) {
            entries = new BoundedZipEntrySource(new ZipFileZipEntrySource(zip), limits);
            ZipArchiveEntry content = entries.getEntry("content.xml");
            int tables;
            try (InputStream in = failure.watch(entries.getInputStream(content))) {
                tables = new OdsReader(limits).read(in, (name, first) -> {
                    Optional<RowHandler> handler = choice.handlerFor(name, first);
                    if (handler.isEmpty()) {
                        return null;
                    }
                    SheetCollector collector = new SheetCollector(handler.get(), work);
                    return new OdsReader.TableRows() {
                        @Override
                        public void row(int line, List<String> cells) {
                            collector.take(line, cells);
                        }

                        @Override
                        public void end() {
                            if (single && !collector.sawHeader) {
                                throw new UnreadableFileException("import.file.empty");
                            }
                        }
                    };
                });
            }
            if (tables == 0 && single) {
                throw new UnreadableFileException("import.file.empty");
            }
        } catch (UnreadableFileException | NodeBusyException | TooLargeForNodeException e) {
            throw e;
        } catch (IOException | XMLStreamException | RuntimeException e) {
            if (entries != null && entries.exceeded() != null) {
                throw entries.exceeded();
            }
            if (inflatesTooMuch(e) || inflatesTooMuch(failure.failure)) {
                throw new UnreadableFileException("import.file.tooExpanded", limits.maxExpandedSize().toBytes() / (1024 * 1024));
            }
            if (e instanceof RuntimeException r && unwrap(r) instanceof UnreadableFileException u) {
                throw u;
            }
            throw new UnreadableFileException("import.file.notSpreadsheet");
        }
    }

    /** Keeps the failure of the stream a parser reads (StAX reports it without its cause). */
    private static final class ReadFailure {
        IOException failure;

        InputStream watch(InputStream in) {
            return new java.io.FilterInputStream(in) {
                @Override
                public int read() throws IOException {
                    try {
                        return super.read();
                    } catch (IOException e) {
                        failure = e;
                        throw e;
                    }
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    try {
                        return super.read(b, off, len);
                    } catch (IOException e) {
                        failure = e;
                        throw e;
                    }
                }
            };
        }
    }

    /** The archive's own guard stopped an entry that inflates far beyond its compressed size (a zip bomb). */
    private static boolean inflatesTooMuch(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException && t.getMessage() != null && t.getMessage().startsWith("Zip bomb detected")) {
                return true;
            }
        }
        return false;
    }

    /** {@code single}: the first sheet is the table, and a workbook without a header row is empty. */
    private void readWorkbook(TabularSource source, ImportWork work, boolean single, SheetChoice choice) {
        BoundedZipEntrySource entries = null;
        try (ZipSecureFile zip = new ZipSecureFile(source.path().toFile())) {
            entries = new BoundedZipEntrySource(new ZipFileZipEntrySource(zip), limits);
            OPCPackage pkg = OPCPackage.open(entries);
            try {
                XSSFReader reader = new XSSFReader(pkg);
                StylesTable styles = reader.getStylesTable();
                BoundedSharedStrings strings;
                try (InputStream sst = sharedStrings(reader)) {
                    strings = BoundedSharedStrings.read(sst, limits.maxCellChars(), work);
                }
                XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
                boolean first = true;
                while (sheets.hasNext()) {
                    try (InputStream sheet = sheets.next()) {
                        Optional<RowHandler> handler = choice.handlerFor(sheets.getSheetName(), first);
                        first = false;
                        if (handler.isEmpty()) {
                            continue;
                        }
                        SheetCollector collector = new SheetCollector(handler.get(), work);
                        XMLReader parser = XMLHelper.newXMLReader();
                        parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, collector,
                                new IsoDateFormatter(), false));
                        parser.parse(new InputSource(sheet));
                        if (single && !collector.sawHeader) {
                            throw new UnreadableFileException("import.file.empty");
                        }
                    }
                }
                if (first && single) {
                    throw new UnreadableFileException("import.file.empty");
                }
            } finally {
                // Read only: nothing to save; gives the file back.
                pkg.revert();
            }
        } catch (UnreadableFileException | NodeBusyException | TooLargeForNodeException e) {
            throw e;
        } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException e) {
            if (entries != null && entries.exceeded() != null) {
                throw entries.exceeded();
            }
            if (e instanceof RuntimeException r && unwrap(r) instanceof UnreadableFileException u) {
                throw u;
            }
            throw new UnreadableFileException("import.file.notSpreadsheet");
        }
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
            if (t instanceof UnreadableFileException) {
                return t;
            }
        }
        return e;
    }

    private static InputStream sharedStrings(XSSFReader reader) throws IOException {
        try {
            return reader.getSharedStringsData();
        } catch (InvalidFormatException | RuntimeException e) {
            return null;
        }
    }

    private void readCsv(TabularSource source, RowHandler handler, ImportWork work) {
        Charset charset = detectEncoding(source);
        String firstLine;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(source.open(), charset))) {
            char[] start = new char[64 * 1024];
            int n = in.read(start);
            String text = n <= 0 ? "" : new String(start, 0, n);
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            if (text.isBlank()) {
                throw new UnreadableFileException("import.file.empty");
            }
            firstLine = text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(TabularFiles.separator(firstLine))
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();
        RowGuard guard = new RowGuard(handler, work);
        try (Reader raw = new InputStreamReader(source.open(), charset);
                Reader reader = new FieldLengthGuard(skipBom(raw), limits.maxCellChars());
                CSVParser parser = CSVParser.parse(reader, format)) {
            boolean header = true;
            for (CSVRecord record : parser) {
                if (record.size() > limits.maxCellsPerRow()) {
                    throw new UnreadableFileException("import.file.tooManyCells", limits.maxCellsPerRow());
                }
                List<String> cells = new ArrayList<>(record.size());
                record.forEach(c -> cells.add(c == null ? "" : c.strip()));
                if (cells.stream().allMatch(String::isEmpty)) {
                    continue;
                }
                if (header) {
                    handler.header(cells);
                    header = false;
                } else {
                    guard.row((int) parser.getCurrentLineNumber(), cells);
                }
            }
            if (header) {
                throw new UnreadableFileException("import.file.empty");
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            if (unwrap(e) instanceof UnreadableFileException u) {
                throw u;
            }
            throw new UnreadableFileException("import.file.badCsv");
        }
    }

    private static Reader skipBom(Reader reader) throws IOException {
        PushbackReader in = new PushbackReader(reader, 1);
        int c = in.read();
        if (c >= 0 && c != '\uFEFF') {
            in.unread(c);
        }
        return in;
    }

    /** UTF-8 when the whole file decodes strictly as such, Windows-1252 otherwise (read once, in chunks). */
    static Charset detectEncoding(TabularSource source) {
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Reader in = new InputStreamReader(source.open(), strict)) {
            char[] buffer = new char[64 * 1024];
            while (in.read(buffer) >= 0) {
                // decoding is the check
            }
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return WINDOWS_1252;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Counts rows, refuses past the limit, and reserves memory for rows the handler keeps. */
    private final class RowGuard {

        private final RowHandler handler;
        private final ImportWork work;
        private final boolean keeps;
        private int rows;

        RowGuard(RowHandler handler, ImportWork work) {
            this.handler = handler;
            this.work = work;
            this.keeps = handler.keepsRows();
        }

        void row(int line, List<String> cells) {
            if (++rows > limits.maxRows()) {
                throw new UnreadableFileException("import.file.tooManyRows", limits.maxRows());
            }
            if (keeps) {
                long bytes = ROW_OVERHEAD;
                for (String c : cells) {
                    bytes += CELL_OVERHEAD + 2L * c.length();
                }
                work.hold(bytes * KEPT_FACTOR);
            }
            handler.row(line, cells);
        }
    }

    /** Collects a sheet's rows, filling the gaps that empty cells leave, within the row and cell limits. */
    private final class SheetCollector implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final RowHandler handler;
        private final RowGuard guard;
        private List<String> current = new ArrayList<>();
        private boolean sawHeader;

        SheetCollector(RowHandler handler, ImportWork work) {
            this.handler = handler;
            this.guard = new RowGuard(handler, work);
        }

        @Override
        public void startRow(int rowNum) {
            current = new ArrayList<>();
        }

        @Override
        public void endRow(int rowNum) {
            take(rowNum + 1, current);
        }

        /** A row read, numbered from 1: the first non-blank one is the header, the others go through the guard. */
        void take(int line, List<String> cells) {
            if (cells.stream().allMatch(String::isEmpty)) {
                return;
            }
            if (!sawHeader) {
                sawHeader = true;
                handler.header(cells);
            } else {
                guard.row(line, cells);
            }
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? current.size()
                    : new CellReference(reference).getCol();
            if (column >= limits.maxCellsPerRow()) {
                throw new UnreadableFileException("import.file.tooManyCells", limits.maxCellsPerRow());
            }
            if (value != null && value.length() > limits.maxCellChars()) {
                throw new UnreadableFileException("import.file.cellTooLong", limits.maxCellChars());
            }
            while (current.size() < column) {
                current.add("");
            }
            current.add(value == null ? "" : value.strip());
        }

    }

    /**
     * Stops a CSV whose field grows past the cell limit while it is being read (a quoted field may span
     * lines, so the line is not the measure): counts the characters since the last separator, comma,
     * semicolon or line break outside quotes.
     */
    static final class FieldLengthGuard extends FilterReader {

        private final int maxField;
        private boolean quoted;
        private int field;

        FieldLengthGuard(Reader in, int maxCellChars) {
            super(in);
            // Doubled quotes inside a quoted field count twice; leave room for them.
            this.maxField = maxCellChars * 2 + 2;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                see((char) c);
            }
            return c;
        }

        @Override
        public int read(char[] cbuf, int off, int len) throws IOException {
            int n = super.read(cbuf, off, len);
            for (int i = 0; i < n; i++) {
                see(cbuf[off + i]);
            }
            return n;
        }

        private void see(char c) throws IOException {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == ';' || c == ',' || c == '\n' || c == '\r')) {
                field = 0;
                return;
            }
            if (++field > maxField) {
                throw new UncheckedIOException(new IOException("campo troppo lungo",
                        new UnreadableFileException("import.file.cellTooLong", maxField / 2 - 1)));
            }
        }
    }

    private static boolean startsWith(byte[] content, int... magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((content[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasNul(byte[] head) {
        for (byte b : head) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    /** Dates in cells become ISO dates, whatever their display format; other numbers stay plain. */
    private static final class IsoDateFormatter extends DataFormatter {

        IsoDateFormatter() {
            super(Locale.ROOT);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDateTime dt = DateUtil.getLocalDateTime(value, use1904);
                return dt.toLocalDate().format(DateTimeFormatter.ISO_LOCAL_DATE);
            }
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                return Long.toString((long) value);
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904);
        }
    }
}
