package it.ricolloca.shared.tabular;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the tables of an OpenDocument spreadsheet's {@code content.xml} (the part an {@code .ods} keeps its
 * cells in) with StAX, one row at a time, within the same limits as a workbook. The parser refuses any
 * document type declaration, so no entity, internal or external, is ever expanded. Cells are taken at
 * their stored value: numbers ({@code office:value}, integers without decimals), dates as ISO dates
 * ({@code office:date-value}), text from its paragraphs and spans, {@code text:s} spaces included;
 * formulas are never evaluated; annotations are not part of a cell's text; a covered cell (hidden by a
 * merge) is an empty cell. Repetitions ({@code table:number-columns-repeated} and
 * {@code table:number-rows-repeated}) are counted, never expanded when blank, and expanded when filled
 * only within the row and cell limits: a file that claims a billion filled cells is refused at once.
 */
final class OdsReader {

    static final String TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    static final String OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    static final String TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";

    /** Receives the rows of one table: each non-blank row with its 1-based row number, repeated rows one by one. */
    interface TableRows {
        void row(int line, List<String> cells);

        /** The table ended. */
        void end();
    }

    /** Which tables are read: the receiver of a table by its name and whether it is the first; null to skip it. */
    interface TableChoice {
        TableRows table(String name, boolean first);
    }

    private final ImportLimits limits;

    OdsReader(ImportLimits limits) {
        this.limits = limits;
    }

    /** A StAX factory that reads no DTD and resolves no entity. */
    static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setXMLResolver((publicId, systemId, base, ns) -> {
            throw new XMLStreamException("entità esterna rifiutata");
        });
        return factory;
    }

    /** Reads the tables of {@code content}; returns how many tables the document has. */
    int read(InputStream content, TableChoice choice) throws XMLStreamException {
        XMLStreamReader xml = secureFactory().createXMLStreamReader(content);
        try {
            int tables = 0;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new UnreadableFileException("import.file.notSpreadsheet");
                }
                if (event == XMLStreamConstants.START_ELEMENT && is(xml, TABLE_NS, "table")) {
                    String name = xml.getAttributeValue(TABLE_NS, "name");
                    TableRows rows = choice.table(name == null ? "" : name, tables == 0);
                    tables++;
                    if (rows == null) {
                        skip(xml);
                    } else {
                        table(xml, rows);
                        rows.end();
                    }
                }
            }
            return tables;
        } finally {
            xml.close();
        }
    }

    /** The rows of the table whose start the reader is on, up to its end (row groups and header rows included). */
    private void table(XMLStreamReader xml, TableRows rows) throws XMLStreamException {
        long rowNumber = 0;
        long filledRows = 0;
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new UnreadableFileException("import.file.notSpreadsheet");
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                if (is(xml, TABLE_NS, "table-row")) {
                    long repeated = repeat(xml, "number-rows-repeated");
                    List<String> cells = row(xml);
                    if (cells.stream().anyMatch(c -> !c.isEmpty())) {
                        if (filledRows + repeated > limits.maxRows() + 1L || rowNumber + repeated > Integer.MAX_VALUE) {
                            throw new UnreadableFileException("import.file.tooManyRows", limits.maxRows());
                        }
                        for (long i = 0; i < repeated; i++) {
                            rows.row((int) (rowNumber + i + 1), i == 0 ? cells : new ArrayList<>(cells));
                        }
                        filledRows += repeated;
                    }
                    rowNumber += repeated;
                } else if (is(xml, TABLE_NS, "table-row-group") || is(xml, TABLE_NS, "table-header-rows")
                        || is(xml, TABLE_NS, "table-rows")) {
                    depth++;
                } else {
                    // columns, shapes, named ranges, forms: nothing of the rows
                    skip(xml);
                }
            }
        }
    }

    /** The cells of the row whose start the reader is on, trailing blanks dropped; the reader ends on its end. */
    private List<String> row(XMLStreamReader xml) throws XMLStreamException {
        List<String> cells = new ArrayList<>();
        long column = 0;
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new UnreadableFileException("import.file.notSpreadsheet");
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                return cells;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            boolean covered = is(xml, TABLE_NS, "covered-table-cell");
            if (!covered && !is(xml, TABLE_NS, "table-cell")) {
                skip(xml);
                continue;
            }
            long repeated = repeat(xml, "number-columns-repeated");
            String value = covered ? skipEmpty(xml) : cell(xml);
            if (!value.isEmpty()) {
                if (column + repeated > limits.maxCellsPerRow()) {
                    throw new UnreadableFileException("import.file.tooManyCells", limits.maxCellsPerRow());
                }
                while (cells.size() < column) {
                    cells.add("");
                }
                for (long i = 0; i < repeated; i++) {
                    cells.add(value);
                }
            }
            column += repeated;
        }
    }

    /** A covered cell's content is hidden by the merge: read past it, an empty cell. */
    private static String skipEmpty(XMLStreamReader xml) throws XMLStreamException {
        skip(xml);
        return "";
    }

    /** The stored value of the cell whose start the reader is on, as the imports read it; the reader ends on its end. */
    private String cell(XMLStreamReader xml) throws XMLStreamException {
        String type = xml.getAttributeValue(OFFICE_NS, "value-type");
        String stored = type == null ? null : switch (type) {
            case "float", "currency" -> number(xml.getAttributeValue(OFFICE_NS, "value"));
            case "percentage" -> percent(xml.getAttributeValue(OFFICE_NS, "value"));
            case "date" -> date(xml.getAttributeValue(OFFICE_NS, "date-value"));
            case "boolean" -> xml.getAttributeValue(OFFICE_NS, "boolean-value");
            case "time" -> xml.getAttributeValue(OFFICE_NS, "time-value");
            default -> xml.getAttributeValue(OFFICE_NS, "string-value");
        };
        StringBuilder text = new StringBuilder();
        int paragraphs = 0;
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE ->
                        throw new UnreadableFileException("import.file.notSpreadsheet");
                case XMLStreamConstants.START_ELEMENT -> {
                    if (is(xml, OFFICE_NS, "annotation")) {
                        skip(xml);
                    } else if (is(xml, TEXT_NS, "p") || is(xml, TEXT_NS, "h")) {
                        if (paragraphs++ > 0) {
                            append(text, "\n", 1);
                        }
                        depth++;
                    } else if (is(xml, TEXT_NS, "s")) {
                        append(text, " ", repeat(xml, TEXT_NS, "c"));
                        skip(xml);
                    } else if (is(xml, TEXT_NS, "tab")) {
                        append(text, "\t", 1);
                        skip(xml);
                    } else if (is(xml, TEXT_NS, "line-break")) {
                        append(text, "\n", 1);
                        skip(xml);
                    } else if (is(xml, TEXT_NS, "note") || is(xml, TEXT_NS, "ruby-text")) {
                        skip(xml);
                    } else {
                        // spans, links, fields: their text is the cell's
                        depth++;
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (paragraphs > 0) {
                        int length = xml.getTextLength();
                        if (text.length() + (long) length > limits.maxCellChars()) {
                            throw new UnreadableFileException("import.file.cellTooLong", limits.maxCellChars());
                        }
                        text.append(xml.getTextCharacters(), xml.getTextStart(), length);
                    }
                }
                default -> {
                    // comments and processing instructions
                }
            }
        }
        boolean textual = type == null || "string".equals(type);
        String value = !textual ? stored : text.isEmpty() && stored != null ? stored : text.toString();
        if (value.length() > limits.maxCellChars()) {
            throw new UnreadableFileException("import.file.cellTooLong", limits.maxCellChars());
        }
        return value.strip();
    }

    private void append(StringBuilder text, String what, long times) {
        if (text.length() + times > limits.maxCellChars()) {
            throw new UnreadableFileException("import.file.cellTooLong", limits.maxCellChars());
        }
        for (long i = 0; i < times; i++) {
            text.append(what);
        }
    }

    /** A number as the imports read it: an integer without decimals, a fraction plain (never in exponent form). */
    static String number(String value) {
        if (value == null || value.isBlank()) {
            return "";
        }
        try {
            BigDecimal n = new BigDecimal(value.strip()).stripTrailingZeros();
            return n.scale() <= 0 ? n.toBigInteger().toString() : n.toPlainString();
        } catch (NumberFormatException e) {
            return value.strip();
        }
    }

    private static String percent(String value) {
        String n = number(value);
        if (n.isEmpty()) {
            return n;
        }
        try {
            return number(new BigDecimal(n).movePointRight(2).toPlainString()) + "%";
        } catch (NumberFormatException e) {
            return n;
        }
    }

    /** {@code 2017-05-08} or {@code 2017-05-08T00:00:00}: the day, as an ISO date. */
    private static String date(String value) {
        if (value == null) {
            return "";
        }
        int t = value.indexOf('T');
        return (t > 0 ? value.substring(0, t) : value).strip();
    }

    /** A repetition count, at least 1; an unreadable or absurd count is refused rather than guessed. */
    private static long repeat(XMLStreamReader xml, String attribute) {
        return repeat(xml, TABLE_NS, attribute);
    }

    private static long repeat(XMLStreamReader xml, String ns, String attribute) {
        String value = xml.getAttributeValue(ns, attribute);
        if (value == null) {
            return 1;
        }
        try {
            long n = Long.parseLong(value.strip());
            if (n < 1 || n > Integer.MAX_VALUE) {
                throw new UnreadableFileException("import.file.notSpreadsheet");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UnreadableFileException("import.file.notSpreadsheet");
        }
    }

    /** Reads past the element whose start the reader is on, to its end. */
    private static void skip(XMLStreamReader xml) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new UnreadableFileException("import.file.notSpreadsheet");
            }
        }
    }

    private static boolean is(XMLStreamReader xml, String ns, String local) {
        return local.equals(xml.getLocalName()) && ns.equals(xml.getNamespaceURI());
    }
}
