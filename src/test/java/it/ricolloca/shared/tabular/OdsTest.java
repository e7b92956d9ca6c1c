package it.ricolloca.shared.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ricolloca.shared.limits.WorkBudget;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The OpenDocument spreadsheet both ways: what {@link TabularWriter#ods} writes is a valid package (mimetype
 * first and stored) that {@link TabularReader} reads back cell for cell; files saved by LibreOffice (committed
 * fixtures, converted with {@code soffice --headless --convert-to ods}) read as their XLSX twins; hostile
 * files are refused with their reason.
 */
class OdsTest {

    private final TabularReader reader = new TabularReader(ImportLimits.defaults(), new WorkBudget(256L * 1024 * 1024));

    /** The header and rows of a file's first table. */
    private List<List<String>> read(String name, byte[] content) {
        return read(reader, name, content);
    }

    private static List<List<String>> read(TabularReader reader, String name, byte[] content) {
        List<List<String>> rows = new ArrayList<>();
        try (TabularSource source = TabularSource.of(name, content); ImportWork work = reader.begin()) {
            work.read(source, new RowHandler() {
                @Override
                public void header(List<String> names) {
                    rows.add(names);
                }

                @Override
                public void row(int line, List<String> cells) {
                    rows.add(cells);
                }
            });
        }
        return rows;
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = OdsTest.class.getResourceAsStream("/tabular/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    @Test
    void whatWeWriteIsAPackageWithItsMimetypeFirstAndStoredAndReadsBackCellForCell() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TabularWriter w = TabularWriter.ods(out, "Domande")) {
            w.header("Nome", "Importo", "Data", "Quota");
            w.row("=HYPERLINK(\"x\")", new BigDecimal("1650.50"), LocalDate.of(2026, 3, 31),
                    new TabularWriter.Share(new BigDecimal("0.125")));
            w.row("  due  spazi\te tab", 7L, null, null);
            w.row("riga uno\nriga due", 2.5d, Instant.parse("2026-03-31T08:15:00Z"), "");
            w.sheet("Altro").row("a");
        }
        byte[] ods = out.toByteArray();
        assertThat(new String(ods, 30, 8, StandardCharsets.US_ASCII)).isEqualTo("mimetype");
        assertThat(new String(ods, 38, TabularReader.ODS_MIME.length(), StandardCharsets.US_ASCII))
                .isEqualTo(TabularReader.ODS_MIME);
        try (ZipInputStream zip = new ZipInputStream(new java.io.ByteArrayInputStream(ods))) {
            ZipEntry first = zip.getNextEntry();
            assertThat(first.getName()).isEqualTo("mimetype");
            assertThat(first.getMethod()).isEqualTo(ZipEntry.STORED);
            List<String> names = new ArrayList<>();
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                names.add(e.getName());
            }
            assertThat(names).containsExactly("META-INF/manifest.xml", "content.xml");
        }
        assertThat(read("domande.ods", ods)).containsExactly(
                List.of("Nome", "Importo", "Data", "Quota"),
                List.of("'=HYPERLINK(\"x\")", "1650.5", "2026-03-31", "12.5%"),
                List.of("due  spazi\te tab", "7"),
                List.of("riga uno\nriga due", "2.5", "2026-03-31"));
        Map<String, List<List<String>>> sheets = new LinkedHashMap<>();
        try (TabularSource source = TabularSource.of("domande.ods", ods); ImportWork work = reader.begin()) {
            Map<String, RowHandler> handlers = new LinkedHashMap<>();
            for (String name : List.of("altro", "domande")) {
                List<List<String>> rows = new ArrayList<>();
                sheets.put(name, rows);
                handlers.put(name, new RowHandler() {
                    @Override
                    public void header(List<String> names) {
                        rows.add(names);
                    }

                    @Override
                    public void row(int line, List<String> cells) {
                        rows.add(cells);
                    }
                });
            }
            assertThat(work.readSheets(source, handlers)).containsExactlyInAnyOrder("altro", "domande");
        }
        assertThat(sheets.get("altro")).containsExactly(List.of("a"));
        assertThat(sheets.get("domande")).hasSize(4);
    }

    @Test
    void aListSavedByLibreOfficeAsOdsReadsExactlyAsTheSameListSavedAsXlsx() throws Exception {
        List<List<String>> xlsx = read("elenco.xlsx", resource("elenco-ministeriale-libreoffice.xlsx"));
        List<List<String>> ods = read("elenco.ods", resource("elenco-ministeriale-libreoffice.ods"));
        assertThat(ods).hasSize(116);
        assertThat(ods).isEqualTo(xlsx);
    }

    @Test
    void repeatedCellsAndRowsAreCountedNotExpandedAndCoveredCellsAndNotesAreBlank() throws Exception {
        String content = table("""
                <table:table-column table:number-columns-repeated="1000000000"/>
                <table:table-row><table:table-cell office:value-type="string"><text:p>cf</text:p></table:table-cell>
                  <table:table-cell table:number-columns-repeated="2" office:value-type="string"><text:p>x</text:p></table:table-cell>
                  <table:table-cell table:number-columns-repeated="1000000000"/></table:table-row>
                <table:table-row table:number-rows-repeated="1000000000"><table:table-cell table:number-columns-repeated="1000000000"/></table:table-row>
                <table:table-row table:number-rows-repeated="2"><table:table-cell office:value-type="float" office:value="3">
                  <text:p>3,00</text:p></table:table-cell><table:table-cell table:number-columns-spanned="2" office:value-type="string">
                  <text:p>unita <text:span>di</text:span><text:s text:c="3"/>testo</text:p>
                  <office:annotation><text:p>nota da ignorare</text:p></office:annotation></table:table-cell>
                  <table:covered-table-cell office:value-type="string"><text:p>nascosto</text:p></table:covered-table-cell>
                  <table:table-cell office:value-type="date" office:date-value="2017-05-08T00:00:00"><text:p>08/05/17</text:p></table:table-cell>
                </table:table-row>
                <table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>
                """);
        List<List<String>> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        try (TabularSource source = TabularSource.of("ripetute.ods", ods(content)); ImportWork work = reader.begin()) {
            work.read(source, new RowHandler() {
                @Override
                public void header(List<String> names) {
                    rows.add(names);
                }

                @Override
                public void row(int line, List<String> cells) {
                    rows.add(cells);
                    lines.add(line);
                }
            });
        }
        assertThat(rows).containsExactly(List.of("cf", "x", "x"), List.of("3", "unita di   testo", "", "2017-05-08"),
                List.of("3", "unita di   testo", "", "2017-05-08"));
        assertThat(lines).containsExactly(1_000_000_002, 1_000_000_003);
    }

    @Test
    void aBillionFilledCellsOrRowsAreRefusedAtOnce() throws Exception {
        assertRefused(ods(table("""
                <table:table-row><table:table-cell table:number-columns-repeated="1000000000" office:value-type="string">
                <text:p>x</text:p></table:table-cell></table:table-row>""")), "import.file.tooManyCells");
        assertRefused(ods(table("""
                <table:table-row><table:table-cell office:value-type="string"><text:p>cf</text:p></table:table-cell></table:table-row>
                <table:table-row table:number-rows-repeated="1000000000"><table:table-cell office:value-type="string">
                <text:p>x</text:p></table:table-cell></table:table-row>""")), "import.file.tooManyRows");
        assertRefused(ods(table("""
                <table:table-row><table:table-cell office:value-type="string"><text:p>a<text:s text:c="2000000000"/></text:p>
                </table:table-cell></table:table-row>""")), "import.file.cellTooLong");
    }

    @Test
    void entitiesBombsImpostorsAndOtherDocumentsAreRefused() throws Exception {
        String xxe = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE d [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + table("<table:table-row><table:table-cell office:value-type=\"string\"><text:p>&xxe;</text:p>"
                + "</table:table-cell></table:table-row>").substring(38);
        assertRefused(ods(xxe), "import.file.notSpreadsheet");
        String laughs = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE d [<!ENTITY l0 \"lol\"><!ENTITY l1 \"&l0;&l0;&l0;\">]>"
                + table("<table:table-row><table:table-cell office:value-type=\"string\"><text:p>&l1;</text:p>"
                + "</table:table-cell></table:table-row>").substring(38);
        assertRefused(ods(laughs), "import.file.notSpreadsheet");
        TabularReader small = new TabularReader(new ImportLimits(null, null, org.springframework.util.unit.DataSize.ofMegabytes(1),
                null, null, 0, 0, 0, 0, 0), new WorkBudget(64L * 1024 * 1024));
        StringBuilder noise = new StringBuilder();
        java.util.Random random = new java.util.Random(7);
        while (noise.length() < 3_000_000) {
            noise.append("<!-- ").append(Long.toString(random.nextLong(), 36)).append(" -->");
        }
        String large = table("<table:table-row><table:table-cell office:value-type=\"string\"><text:p>cf</text:p>"
                + "</table:table-cell></table:table-row>" + noise);
        assertThatThrownBy(() -> read(small, "grande.ods", ods(large))).isInstanceOf(UnreadableFileException.class)
                .satisfies(e -> assertThat(((UnreadableFileException) e).messageKey()).isEqualTo("import.file.partTooLarge"));
        String bomb = table("<table:table-row><table:table-cell office:value-type=\"string\"><text:p>cf</text:p>"
                + "</table:table-cell></table:table-row>" + " ".repeat(60_000_000));
        assertRefused(ods(bomb), "import.file.tooExpanded", "bomba.ods");
        assertRefused(package_("application/vnd.oasis.opendocument.text", table("")), "import.file.notSpreadsheet");
        assertRefused("<office:document-content>non chiuso".getBytes(StandardCharsets.UTF_8), "import.file.notSpreadsheet",
                "testo.ods");
        assertRefused(java.util.Arrays.copyOf(ods(table("")), 60), "import.file.notSpreadsheet", "troncato.ods");
        assertRefused(ods(table("")), "import.file.empty");
    }

    private void assertRefused(byte[] content, String key) {
        assertRefused(content, key, "ostile.ods");
    }

    private void assertRefused(byte[] content, String key, String name) {
        assertThatThrownBy(() -> read(name, content)).as(key).isInstanceOf(UnreadableFileException.class)
                .satisfies(e -> assertThat(((UnreadableFileException) e).messageKey()).isEqualTo(key));
    }

    /** A content.xml with one table holding {@code rows}. */
    static String table(String rows) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content"
                + " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                + " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
                + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.3\">"
                + "<office:body><office:spreadsheet><table:table table:name=\"Foglio1\">" + rows
                + "</table:table></office:spreadsheet></office:body></office:document-content>";
    }

    /** An ODS package around {@code content}. */
    static byte[] ods(String content) throws IOException {
        return package_(TabularReader.ODS_MIME, content);
    }

    static byte[] package_(String mime, String content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            byte[] m = mime.getBytes(StandardCharsets.US_ASCII);
            ZipEntry e = new ZipEntry("mimetype");
            e.setMethod(ZipEntry.STORED);
            e.setSize(m.length);
            CRC32 crc = new CRC32();
            crc.update(m);
            e.setCrc(crc.getValue());
            zip.putNextEntry(e);
            zip.write(m);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
