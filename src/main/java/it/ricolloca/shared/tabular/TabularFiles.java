package it.ricolloca.shared.tabular;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads the first sheet of an XLSX file (streaming, formulas at their stored value) or a CSV file
 * (UTF-8 or Windows-1252, {@code ;} or {@code ,}, both detected). The format is recognised from
 * the content, not the name: a renamed non-spreadsheet is refused, never guessed at.
 */
public final class TabularFiles {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private TabularFiles() {
    }

    public static void read(String fileName, byte[] content, RowHandler handler) {
        if (content == null || content.length == 0) {
            throw new UnreadableFileException("import.file.empty");
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (startsWith(content, 0x50, 0x4B, 0x03, 0x04)) {
            readXlsx(content, handler);
        } else if (startsWith(content, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw new UnreadableFileException("import.file.oldExcel");
        } else if (name.endsWith(".xlsx") || name.endsWith(".xls") || name.endsWith(".ods") || hasNul(content)) {
            throw new UnreadableFileException("import.file.notSpreadsheet");
        } else {
            readCsv(decode(content), handler);
        }
    }

    /** Which encoding a CSV file is in: UTF-8 when it decodes strictly as such, Windows-1252 otherwise. */
    public static Charset detectEncoding(byte[] content) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return WINDOWS_1252;
        }
    }

    private static String decode(byte[] content) {
        String text = new String(content, detectEncoding(content));
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    static char separator(String text) {
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        int semicolons = 0;
        int commas = 0;
        boolean quoted = false;
        for (char c : first.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ';') {
                semicolons++;
            } else if (!quoted && c == ',') {
                commas++;
            }
        }
        return semicolons >= commas ? ';' : ',';
    }

    private static void readCsv(String text, RowHandler handler) {
        if (text.isBlank()) {
            throw new UnreadableFileException("import.file.empty");
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(separator(text)).setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(true).get();
        try (Reader reader = new StringReader(text); CSVParser parser = CSVParser.parse(reader, format)) {
            boolean header = true;
            for (CSVRecord record : parser) {
                List<String> cells = new ArrayList<>(record.size());
                record.forEach(c -> cells.add(c == null ? "" : c.strip()));
                if (cells.stream().allMatch(String::isEmpty)) {
                    continue;
                }
                if (header) {
                    handler.header(cells);
                    header = false;
                } else {
                    handler.row((int) parser.getCurrentLineNumber(), cells);
                }
            }
            if (header) {
                throw new UnreadableFileException("import.file.empty");
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new UnreadableFileException("import.file.badCsv");
        }
    }

    private static void readXlsx(byte[] content, RowHandler handler) {
        try (InputStream in = new ByteArrayInputStream(content); OPCPackage pkg = OPCPackage.open(in)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new UnreadableFileException("import.file.empty");
            }
            SheetCollector collector = new SheetCollector(handler);
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings, collector,
                        new IsoDateFormatter(), false));
                parser.parse(new InputSource(sheet));
            }
            if (!collector.sawHeader) {
                throw new UnreadableFileException("import.file.empty");
            }
        } catch (UnreadableFileException e) {
            throw e;
        } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException
                | IllegalStateException | IllegalArgumentException e) {
            throw new UnreadableFileException("import.file.notSpreadsheet");
        }
    }

    /**
     * Reads several sheets of an XLSX workbook, each to its handler, matching sheet names like
     * headers (case, accents and spaces do not matter). A CSV or any other content is refused.
     * Returns the names of the handled sheets that the workbook holds.
     */
    public static java.util.Set<String> readSheets(byte[] content, java.util.Map<String, RowHandler> handlers) {
        if (content == null || content.length == 0) {
            throw new UnreadableFileException("import.file.empty");
        }
        if (!startsWith(content, 0x50, 0x4B, 0x03, 0x04)) {
            throw new UnreadableFileException("import.file.xlsxOnly");
        }
        java.util.Set<String> found = new java.util.LinkedHashSet<>();
        try (InputStream in = new ByteArrayInputStream(content); OPCPackage pkg = OPCPackage.open(in)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    String name = sheets.getSheetName();
                    java.util.Optional<java.util.Map.Entry<String, RowHandler>> handler = handlers.entrySet().stream()
                            .filter(e -> HeaderNames.key(e.getKey()).equals(HeaderNames.key(name))).findFirst();
                    if (handler.isEmpty()) {
                        continue;
                    }
                    found.add(handler.get().getKey());
                    XMLReader parser = XMLHelper.newXMLReader();
                    parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings,
                            new SheetCollector(handler.get().getValue()), new IsoDateFormatter(), false));
                    parser.parse(new InputSource(sheet));
                }
            }
        } catch (UnreadableFileException e) {
            throw e;
        } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException
                | IllegalStateException | IllegalArgumentException e) {
            throw new UnreadableFileException("import.file.notSpreadsheet");
        }
        return found;
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

    private static boolean hasNul(byte[] content) {
        int limit = Math.min(content.length, 8192);
        for (int i = 0; i < limit; i++) {
            if (content[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /** Collects a sheet's rows, filling the gaps that empty cells leave. */
    private static final class SheetCollector implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final RowHandler handler;
        private List<String> current = new ArrayList<>();
        private boolean sawHeader;

        SheetCollector(RowHandler handler) {
            this.handler = handler;
        }

        @Override
        public void startRow(int rowNum) {
            current = new ArrayList<>();
        }

        @Override
        public void endRow(int rowNum) {
            if (current.stream().allMatch(String::isEmpty)) {
                return;
            }
            if (!sawHeader) {
                sawHeader = true;
                handler.header(current);
            } else {
                handler.row(rowNum + 1, current);
            }
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = new org.apache.poi.ss.util.CellReference(reference).getCol();
            while (current.size() < column) {
                current.add("");
            }
            current.add(value == null ? "" : value.strip());
        }
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

    /** Parses the dates found in such files: dd/MM/yyyy, d/M/yyyy, yyyy-MM-dd, dd-MM-yyyy, dd.MM.yyyy. */
    public static LocalDate parseDate(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = text.strip();
        DateTimeFormatter formatter = s.indexOf('/') > 0 ? SLASHED : s.indexOf('.') > 0 ? DOTTED
                : s.length() > 4 && s.charAt(4) == '-' ? ISO : DASHED;
        try {
            return LocalDate.parse(s, formatter);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("data non valida: " + s, e);
        }
    }

    private static final DateTimeFormatter SLASHED = strict("d/M/uuuu");
    private static final DateTimeFormatter DOTTED = strict("d.M.uuuu");
    private static final DateTimeFormatter ISO = strict("uuuu-M-d");
    private static final DateTimeFormatter DASHED = strict("d-M-uuuu");

    private static DateTimeFormatter strict(String pattern) {
        return DateTimeFormatter.ofPattern(pattern).withResolverStyle(java.time.format.ResolverStyle.STRICT);
    }
}
