package it.ricolloca.shared.tabular;

import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.Numbers;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The one writer of tabular exports, row by row without holding the file: a streaming XLSX or ODS
 * (numbers as numeric cells, dates as date cells, a bold header) or a CSV (UTF-8 with BOM, {@code ;}, dates
 * {@code gg/mm/aaaa}, numbers {@code 1650,5} as Italian spreadsheets read them). Text that a
 * spreadsheet would run as a formula is neutralised in both. Nothing outside {@code shared.tabular}
 * builds a workbook or a CSV.
 */
public abstract sealed class TabularWriter implements AutoCloseable permits TabularWriter.Xlsx, TabularWriter.Ods,
        TabularWriter.Csv {

    /** A streaming workbook with one sheet named {@code sheetName}; written to {@code out} at {@link #close()}. */
    public static TabularWriter xlsx(OutputStream out, String sheetName) {
        return new Xlsx(out, sheetName);
    }

    /**
     * An OpenDocument spreadsheet (ODS) with one table named {@code sheetName}, written to {@code out} as rows
     * come: the {@code mimetype} entry first and uncompressed, the manifest, then {@code content.xml} by StAX.
     */
    public static TabularWriter ods(OutputStream out, String sheetName) {
        return new Ods(out, sheetName);
    }

    /** A workbook of the given format (XLSX or ODS) with one first sheet named {@code sheetName}. */
    public static TabularWriter workbook(TabularFormat format, OutputStream out, String sheetName) {
        return format == TabularFormat.ODS ? ods(out, sheetName) : xlsx(out, sheetName);
    }

    /** A CSV written to {@code out} as rows come. */
    public static TabularWriter csv(OutputStream out) {
        return new Csv(out);
    }

    /** A share (0.125 for 12,5%): a percent cell in a workbook, {@code 12,5%} in a CSV. */
    public record Share(BigDecimal fraction) {
    }

    /** Starts a further sheet (XLSX, ODS); a CSV has one table only, so this is refused there. */
    public abstract TabularWriter sheet(String name);

    /** One row; each value is text, a number, a {@link LocalDate}, an {@link Instant} or null (a blank cell). */
    public abstract TabularWriter row(List<?> values);

    public final TabularWriter row(Object... values) {
        return row(Arrays.asList(values));
    }

    /** The header row. */
    public abstract TabularWriter header(List<String> names);

    public final TabularWriter header(String... names) {
        return header(List.of(names));
    }

    @Override
    public abstract void close();

    static final class Xlsx extends TabularWriter {

        private final OutputStream out;
        private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        private final CellStyle date;
        private final CellStyle dateTime;
        private final CellStyle bold;
        private final CellStyle percent;
        private Sheet sheet;
        private int next;

        Xlsx(OutputStream out, String sheetName) {
            this.out = out;
            var format = workbook.getCreationHelper().createDataFormat();
            date = workbook.createCellStyle();
            date.setDataFormat(format.getFormat("dd/mm/yyyy"));
            dateTime = workbook.createCellStyle();
            dateTime.setDataFormat(format.getFormat("dd/mm/yyyy hh:mm"));
            percent = workbook.createCellStyle();
            percent.setDataFormat(format.getFormat("0.0%"));
            bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            sheet(sheetName);
        }

        @Override
        public TabularWriter sheet(String name) {
            sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(name));
            next = 0;
            return this;
        }

        @Override
        public TabularWriter header(List<String> names) {
            Row row = sheet.createRow(next++);
            for (int i = 0; i < names.size(); i++) {
                Cell cell = row.createCell(i);
                cell.setCellValue(SpreadsheetText.neutralise(names.get(i)));
                cell.setCellStyle(bold);
            }
            return this;
        }

        @Override
        public TabularWriter row(List<?> values) {
            Row row = sheet.createRow(next++);
            for (int i = 0; i < values.size(); i++) {
                Object v = values.get(i);
                if (v == null) {
                    continue;
                }
                Cell cell = row.createCell(i);
                if (v instanceof Share share) {
                    cell.setCellValue(share.fraction().doubleValue());
                    cell.setCellStyle(percent);
                } else if (v instanceof Number n) {
                    cell.setCellValue(n.doubleValue());
                } else if (v instanceof LocalDate d) {
                    cell.setCellValue(d);
                    cell.setCellStyle(date);
                } else if (v instanceof Date d) {
                    cell.setCellValue(d.toLocalDate());
                    cell.setCellStyle(date);
                } else if (v instanceof Instant || v instanceof Timestamp) {
                    Instant t = v instanceof Timestamp ts ? ts.toInstant() : (Instant) v;
                    cell.setCellValue(LocalDateTime.ofInstant(t, Dates.ZONE));
                    cell.setCellStyle(dateTime);
                } else {
                    cell.setCellValue(SpreadsheetText.neutralise(v.toString()));
                }
            }
            return this;
        }

        @Override
        public void close() {
            try (workbook) {
                workbook.write(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The OpenDocument spreadsheet: a ZIP whose {@code content.xml} is written cell by cell as rows come. */
    static final class Ods extends TabularWriter {

        private static final String OFFICE = OdsReader.OFFICE_NS;
        private static final String TABLE = OdsReader.TABLE_NS;
        private static final String TEXT = OdsReader.TEXT_NS;
        private static final String STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
        private static final String NUMBER = "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0";
        private static final String FO = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0";
        private static final String MANIFEST = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0";

        private final ZipOutputStream zip;
        private final XMLStreamWriter xml;
        private boolean inTable;

        Ods(OutputStream out, String sheetName) {
            try {
                zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
                byte[] mime = TabularReader.ODS_MIME.getBytes(StandardCharsets.US_ASCII);
                ZipEntry mimetype = new ZipEntry("mimetype");
                mimetype.setMethod(ZipEntry.STORED);
                mimetype.setSize(mime.length);
                mimetype.setCompressedSize(mime.length);
                CRC32 crc = new CRC32();
                crc.update(mime);
                mimetype.setCrc(crc.getValue());
                zip.putNextEntry(mimetype);
                zip.write(mime);
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry("META-INF/manifest.xml"));
                XMLStreamWriter m = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(zip, "UTF-8");
                m.writeStartDocument("UTF-8", "1.0");
                m.setPrefix("manifest", MANIFEST);
                m.writeStartElement(MANIFEST, "manifest");
                m.writeNamespace("manifest", MANIFEST);
                m.writeAttribute(MANIFEST, "version", "1.3");
                fileEntry(m, "/", TabularReader.ODS_MIME);
                fileEntry(m, "content.xml", "text/xml");
                m.writeEndElement();
                m.writeEndDocument();
                m.flush();
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry("content.xml"));
                xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(zip, "UTF-8");
                start();
                sheet(sheetName);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (XMLStreamException e) {
                throw new IllegalStateException(e);
            }
        }

        private static void fileEntry(XMLStreamWriter m, String path, String type) throws XMLStreamException {
            m.writeEmptyElement(MANIFEST, "file-entry");
            m.writeAttribute(MANIFEST, "full-path", path);
            if (path.equals("/")) {
                m.writeAttribute(MANIFEST, "version", "1.3");
            }
            m.writeAttribute(MANIFEST, "media-type", type);
        }

        /** The document, its cell styles (date, date and time, percent, bold header) and the start of its body. */
        private void start() throws XMLStreamException {
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setPrefix("office", OFFICE);
            xml.setPrefix("table", TABLE);
            xml.setPrefix("text", TEXT);
            xml.setPrefix("style", STYLE);
            xml.setPrefix("number", NUMBER);
            xml.setPrefix("fo", FO);
            xml.writeStartElement(OFFICE, "document-content");
            xml.writeNamespace("office", OFFICE);
            xml.writeNamespace("table", TABLE);
            xml.writeNamespace("text", TEXT);
            xml.writeNamespace("style", STYLE);
            xml.writeNamespace("number", NUMBER);
            xml.writeNamespace("fo", FO);
            xml.writeAttribute(OFFICE, "version", "1.3");
            xml.writeStartElement(OFFICE, "automatic-styles");
            dateStyle("N1", false);
            dateStyle("N2", true);
            xml.writeStartElement(NUMBER, "percentage-style");
            xml.writeAttribute(STYLE, "name", "N3");
            xml.writeEmptyElement(NUMBER, "number");
            xml.writeAttribute(NUMBER, "decimal-places", "1");
            xml.writeAttribute(NUMBER, "min-decimal-places", "1");
            xml.writeAttribute(NUMBER, "min-integer-digits", "1");
            numberText("%");
            xml.writeEndElement();
            cellStyle("ce1", "N1");
            cellStyle("ce2", "N2");
            cellStyle("ce3", "N3");
            xml.writeStartElement(STYLE, "style");
            xml.writeAttribute(STYLE, "name", "ce4");
            xml.writeAttribute(STYLE, "family", "table-cell");
            xml.writeEmptyElement(STYLE, "text-properties");
            xml.writeAttribute(FO, "font-weight", "bold");
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeStartElement(OFFICE, "body");
            xml.writeStartElement(OFFICE, "spreadsheet");
        }

        /** gg/mm/aaaa, with hh:mm when {@code time}. */
        private void dateStyle(String name, boolean time) throws XMLStreamException {
            xml.writeStartElement(NUMBER, "date-style");
            xml.writeAttribute(STYLE, "name", name);
            part("day");
            numberText("/");
            part("month");
            numberText("/");
            part("year");
            if (time) {
                numberText(" ");
                part("hours");
                numberText(":");
                part("minutes");
            }
            xml.writeEndElement();
        }

        private void part(String name) throws XMLStreamException {
            xml.writeEmptyElement(NUMBER, name);
            xml.writeAttribute(NUMBER, "style", "long");
        }

        private void numberText(String text) throws XMLStreamException {
            xml.writeStartElement(NUMBER, "text");
            xml.writeCharacters(text);
            xml.writeEndElement();
        }

        private void cellStyle(String name, String dataStyle) throws XMLStreamException {
            xml.writeEmptyElement(STYLE, "style");
            xml.writeAttribute(STYLE, "name", name);
            xml.writeAttribute(STYLE, "family", "table-cell");
            xml.writeAttribute(STYLE, "data-style-name", dataStyle);
        }

        @Override
        public TabularWriter sheet(String name) {
            try {
                if (inTable) {
                    xml.writeEndElement();
                }
                xml.writeStartElement(TABLE, "table");
                xml.writeAttribute(TABLE, "name", safe(name == null || name.isBlank() ? "Foglio" : name));
                inTable = true;
                return this;
            } catch (XMLStreamException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public TabularWriter header(List<String> names) {
            try {
                xml.writeStartElement(TABLE, "table-row");
                for (String name : names) {
                    xml.writeStartElement(TABLE, "table-cell");
                    xml.writeAttribute(TABLE, "style-name", "ce4");
                    xml.writeAttribute(OFFICE, "value-type", "string");
                    paragraphs(SpreadsheetText.neutralise(name));
                    xml.writeEndElement();
                }
                xml.writeEndElement();
                return this;
            } catch (XMLStreamException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public TabularWriter row(List<?> values) {
            try {
                xml.writeStartElement(TABLE, "table-row");
                if (values.isEmpty()) {
                    xml.writeEmptyElement(TABLE, "table-cell");
                }
                for (Object v : values) {
                    cell(v);
                }
                xml.writeEndElement();
                return this;
            } catch (XMLStreamException e) {
                throw new IllegalStateException(e);
            }
        }

        private void cell(Object v) throws XMLStreamException {
            if (v == null) {
                xml.writeEmptyElement(TABLE, "table-cell");
                return;
            }
            xml.writeStartElement(TABLE, "table-cell");
            if (v instanceof Share share) {
                xml.writeAttribute(TABLE, "style-name", "ce3");
                xml.writeAttribute(OFFICE, "value-type", "percentage");
                xml.writeAttribute(OFFICE, "value", share.fraction().stripTrailingZeros().toPlainString());
                paragraphs(Numbers.input(share.fraction().movePointRight(2).setScale(1, RoundingMode.HALF_UP)) + "%");
            } else if (v instanceof Number n) {
                BigDecimal value = v instanceof BigDecimal b ? b : v instanceof Double || v instanceof Float
                        ? new BigDecimal(v.toString()) : new BigDecimal(n.longValue());
                xml.writeAttribute(OFFICE, "value-type", "float");
                xml.writeAttribute(OFFICE, "value", value.stripTrailingZeros().toPlainString());
                paragraphs(Numbers.input(value));
            } else if (v instanceof LocalDate || v instanceof Date) {
                LocalDate d = v instanceof Date date ? date.toLocalDate() : (LocalDate) v;
                xml.writeAttribute(TABLE, "style-name", "ce1");
                xml.writeAttribute(OFFICE, "value-type", "date");
                xml.writeAttribute(OFFICE, "date-value", d.toString());
                paragraphs(Dates.format(d));
            } else if (v instanceof Instant || v instanceof Timestamp) {
                Instant t = v instanceof Timestamp ts ? ts.toInstant() : (Instant) v;
                LocalDateTime local = LocalDateTime.ofInstant(t, Dates.ZONE).withNano(0);
                xml.writeAttribute(TABLE, "style-name", "ce2");
                xml.writeAttribute(OFFICE, "value-type", "date");
                xml.writeAttribute(OFFICE, "date-value", local.toString().length() == 16 ? local + ":00" : local.toString());
                paragraphs(Dates.format(t));
            } else {
                xml.writeAttribute(OFFICE, "value-type", "string");
                paragraphs(SpreadsheetText.neutralise(v.toString()));
            }
            xml.writeEndElement();
        }

        /** Text as ODF keeps it: a paragraph per line, runs of spaces as {@code text:s}, tabs as {@code text:tab}. */
        private void paragraphs(String text) throws XMLStreamException {
            for (String line : safe(text).split("\n", -1)) {
                xml.writeStartElement(TEXT, "p");
                StringBuilder plain = new StringBuilder();
                int i = 0;
                while (i < line.length()) {
                    char c = line.charAt(i);
                    if (c == '\t') {
                        flush(plain);
                        xml.writeEmptyElement(TEXT, "tab");
                        i++;
                    } else if (c == ' ') {
                        int run = 1;
                        while (i + run < line.length() && line.charAt(i + run) == ' ') {
                            run++;
                        }
                        int spaces = run;
                        if (i > 0 && i + run < line.length()) {
                            plain.append(' ');
                            spaces--;
                        }
                        flush(plain);
                        if (spaces > 0) {
                            xml.writeEmptyElement(TEXT, "s");
                            xml.writeAttribute(TEXT, "c", Integer.toString(spaces));
                        }
                        i += run;
                    } else {
                        plain.append(c);
                        i++;
                    }
                }
                flush(plain);
                xml.writeEndElement();
            }
        }

        private void flush(StringBuilder plain) throws XMLStreamException {
            if (!plain.isEmpty()) {
                xml.writeCharacters(plain.toString());
                plain.setLength(0);
            }
        }

        /** Drops the characters XML 1.0 cannot carry (control characters other than tab, line feed, carriage return). */
        private static String safe(String text) {
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints().filter(c -> c == 0x9 || c == 0xA || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD
                    || c >= 0x10000 && c <= 0x10FFFF).forEach(out::appendCodePoint);
            return out.toString().replace("\r\n", "\n").replace('\r', '\n');
        }

        @Override
        public void close() {
            try {
                if (inTable) {
                    xml.writeEndElement();
                }
                xml.writeEndElement();
                xml.writeEndElement();
                xml.writeEndElement();
                xml.writeEndDocument();
                xml.flush();
                xml.close();
                zip.closeEntry();
                zip.finish();
                zip.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (XMLStreamException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static final class Csv extends TabularWriter {

        private final CSVPrinter printer;

        Csv(OutputStream out) {
            try {
                Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                writer.write('\uFEFF');
                printer = new CSVPrinter(writer, CSVFormat.Builder.create().setDelimiter(';').setQuote('"')
                        .setRecordSeparator("\r\n").get());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public TabularWriter sheet(String name) {
            throw new UnsupportedOperationException("a CSV has one table");
        }

        @Override
        public TabularWriter header(List<String> names) {
            return row(names);
        }

        @Override
        public TabularWriter row(List<?> values) {
            try {
                for (Object v : values) {
                    printer.print(text(v));
                }
                printer.println();
                return this;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String text(Object v) {
            if (v == null) {
                return "";
            } else if (v instanceof Share share) {
                return Numbers.input(share.fraction().movePointRight(2).setScale(1, RoundingMode.HALF_UP)) + "%";
            } else if (v instanceof BigDecimal b) {
                return Numbers.input(b);
            } else if (v instanceof Double || v instanceof Float) {
                return Numbers.input(new BigDecimal(v.toString()));
            } else if (v instanceof Number n) {
                return n.toString();
            } else if (v instanceof LocalDate d) {
                return Dates.format(d);
            } else if (v instanceof Date d) {
                return Dates.format(d.toLocalDate());
            } else if (v instanceof Timestamp t) {
                return Dates.format(t.toInstant());
            } else if (v instanceof Instant t) {
                return Dates.format(t);
            }
            return SpreadsheetText.neutralise(v.toString());
        }

        @Override
        public void close() {
            try {
                printer.close(true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
