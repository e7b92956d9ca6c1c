package it.ricolloca.imports;

import static it.ricolloca.support.DemoUsers.as;
import static it.ricolloca.support.FormPosts.csrfOnce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.internal.UserAccountRepository;
import it.ricolloca.requests.internal.RequestListImporter;
import it.ricolloca.shared.tabular.ImportReport;
import it.ricolloca.shared.tabular.ImportWork;
import it.ricolloca.shared.tabular.RowHandler;
import it.ricolloca.shared.tabular.TabularFormat;
import it.ricolloca.shared.tabular.TabularReader;
import it.ricolloca.shared.tabular.TabularSource;
import it.ricolloca.support.IntegrationTest;
import it.ricolloca.support.TestCodes;
import it.ricolloca.workers.internal.RegisterExchange;
import it.ricolloca.workers.internal.WorkerRegister;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The open format end to end: the ministerial list of the seed (115 requests, 7 notices of rejection, 5
 * requested, 103 released), saved by LibreOffice both as XLSX and as ODS (committed fixtures made with
 * {@code soffice --headless --convert-to}), imports the same from either; every spreadsheet download offered
 * as XLSX is offered as ODS and reads back exactly as its XLSX twin; the register goes out and back as ODS
 * unchanged; and the import pages take an {@code .ods}.
 */
@IntegrationTest
class OpenDocumentTest {

    @Autowired RequestListImporter importer;
    @Autowired RegisterExchange register;
    @Autowired WorkerRegister workers;
    @Autowired UserAccountRepository users;
    @Autowired TabularReader reader;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired UserDetailsService userDetails;

    private CurrentUser user(String name) {
        return users.findByUsername(name).orElseThrow().toCurrentUser();
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = OpenDocumentTest.class.getResourceAsStream("/tabular/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    /** The statuses of one snapshot, by how many requests hold each. */
    private Map<String, Long> statuses(long importId) {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql("select status, count(*) from requests_snapshot_entry where import_id = ? group by status")
                .param(importId).query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }

    @Test
    void theSeedsListSavedByLibreOfficeAsOdsImportsExactlyAsTheSameListSavedAsXlsx() throws Exception {
        LocalDate may22 = LocalDate.of(2017, 5, 22);
        ImportReport xlsx = importer.importFile(user("adr.regione"), "elenco-22-maggio.xlsx",
                resource("elenco-ministeriale-libreoffice.xlsx"), may22);
        ImportReport ods = importer.importFile(user("adr.regione"), "elenco-22-maggio.ods",
                resource("elenco-ministeriale-libreoffice.ods"), may22);
        Map<String, Long> expected = Map.of("NOTICE_OF_REJECTION", 7L, "REQUESTED", 5L, "RELEASED", 103L);
        for (ImportReport r : List.of(xlsx, ods)) {
            assertThat(r.alreadyImported()).isFalse();
            assertThat(r.read()).isEqualTo(115);
            assertThat(r.rejections()).isEmpty();
            assertThat(statuses(r.importId())).isEqualTo(expected);
        }
        assertThat(ods.unchanged()).as("the ODS says what the XLSX said").isEqualTo(115);
        assertThat(jdbc.sql("""
                select count(*) from requests_snapshot_entry a join requests_snapshot_entry b
                    on b.request_id = a.request_id and b.status = a.status and b.status_date = a.status_date
                    and b.competent_centre_id = a.competent_centre_id
                where a.import_id = ? and b.import_id = ?""").params(xlsx.importId(), ods.importId())
                .query(Long.class).single()).isEqualTo(115);
    }

    @Test
    void theImportPageTakesAnOdsFile() throws Exception {
        MvcResult page = mvc.perform(multipart("/imports")
                        .file(new MockMultipartFile("file", "elenco.ods", "application/vnd.oasis.opendocument.spreadsheet",
                                resource("elenco-ministeriale-libreoffice.ods")))
                        .param("snapshotDate", "2017-05-23").with(csrfOnce()).with(as(userDetails, "adr.regione")))
                .andReturn();
        String snapshot = page.getResponse().getRedirectedUrl();
        assertThat(snapshot).as("the snapshot's page").matches("/imports/[0-9]+");
        long id = Long.parseLong(snapshot.replace("/imports/", ""));
        assertThat(jdbc.sql("select file_name from requests_import where id = ?").param(id).query(String.class).single())
                .isEqualTo("elenco.ods");
        assertThat(statuses(id)).isEqualTo(Map.of("NOTICE_OF_REJECTION", 7L, "REQUESTED", 5L, "RELEASED", 103L));
    }

    /** Every spreadsheet download: its XLSX route, its ODS route, and who may download it. */
    @Test
    void everyOdsDownloadReadsExactlyAsItsXlsxTwin() throws Exception {
        Map<String, String> routes = new LinkedHashMap<>();
        routes.put("/monitoring/overview.xlsx", "regione");
        routes.put("/monitoring/requests-by-centre.xlsx?snapshotDate=2017-05-22", "regione");
        routes.put("/monitoring/network/funnel.xlsx?from=2017-01-01&to=2027-12-31", "regione");
        routes.put("/claims/register.xlsx", "regione");
        routes.put("/pathways/tutors/xlsx", "regione");
        routes.put("/vacancies/board.xlsx", "regione");
        routes.put("/api/v1/exports/vacancies.xlsx", "regione");
        routes.put("/workers/register.xlsx", "adr.regione");
        for (Map.Entry<String, String> route : routes.entrySet()) {
            String xlsxPath = route.getKey();
            String odsPath = xlsxPath.replace(".xlsx", ".ods").replace("/xlsx", "/ods");
            MvcResult x = mvc.perform(get(xlsxPath).with(as(userDetails, route.getValue()))).andReturn();
            MvcResult o = mvc.perform(get(odsPath).with(as(userDetails, route.getValue()))).andReturn();
            assertThat(o.getResponse().getStatus()).as(odsPath).isEqualTo(200);
            assertThat(o.getResponse().getContentType()).as(odsPath).isEqualTo(TabularFormat.ODS.mediaType().toString());
            assertThat(o.getResponse().getHeader("Content-Disposition")).as(odsPath).endsWith(".ods\"");
            keep(odsPath, o.getResponse().getContentAsByteArray(), "ods");
            keep(xlsxPath, x.getResponse().getContentAsByteArray(), "xlsx");
            List<List<String>> fromOds = rows("download.ods", o.getResponse().getContentAsByteArray());
            assertThat(fromOds).as(odsPath).isNotEmpty();
            assertThat(fromOds).as(odsPath).isEqualTo(rows("download.xlsx", x.getResponse().getContentAsByteArray()));
        }
    }

    @Test
    void theRegisterGoesOutAsOdsWithItsThreeSheetsAndComesBackUnchanged() throws Exception {
        String code = TestCodes.random(new Random(2034));
        CurrentUser adr = user("adr.regione");
        workers.create(adr, code, "Oda", "Aperta", users.findByUsername("master.torino").orElseThrow().getCentreId());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        register.export(adr, TabularFormat.ODS, out);
        byte[] ods = out.toByteArray();
        Map<String, List<List<String>>> sheets = new LinkedHashMap<>();
        try (TabularSource source = TabularSource.of("registro.ods", ods); ImportWork work = reader.begin()) {
            Map<String, RowHandler> handlers = new LinkedHashMap<>();
            for (String name : List.of("Lavoratori", "Storia lavorativa", "Storia formativa")) {
                List<List<String>> rows = new ArrayList<>();
                sheets.put(name, rows);
                handlers.put(name, collector(rows));
            }
            assertThat(work.readSheets(source, handlers)).containsExactly("Lavoratori", "Storia lavorativa",
                    "Storia formativa");
        }
        assertThat(sheets.get("Lavoratori")).anySatisfy(r -> assertThat(r).contains(code, "Aperta", "Oda"));
        ImportReport again = register.importRegister(adr, "registro.ods", ods);
        assertThat(again.rejections()).isEmpty();
        assertThat(again.created()).isZero();
        assertThat(again.updated()).isZero();
    }

    /**
     * Leaves a copy of the download in {@code target/ods-downloads}, for opening it with an office suite by hand
     * ({@code soffice --headless --convert-to csv}); CI needs none.
     */
    private static void keep(String path, byte[] content, String extension) throws IOException {
        java.nio.file.Path dir = java.nio.file.Path.of("target", "ods-downloads");
        java.nio.file.Files.createDirectories(dir);
        String name = path.replaceAll("\\?.*", "").replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-(xlsx|ods)?$", "");
        java.nio.file.Files.write(dir.resolve(name + "." + extension), content);
    }

    private List<List<String>> rows(String name, byte[] content) {
        List<List<String>> rows = new ArrayList<>();
        try (TabularSource source = TabularSource.of(name, content); ImportWork work = reader.begin()) {
            work.read(source, collector(rows));
        }
        return rows;
    }

    /** Keeps each row, its trailing blank cells dropped (a workbook may or may not write them). */
    private static RowHandler collector(List<List<String>> rows) {
        return new RowHandler() {
            @Override
            public void header(List<String> names) {
                rows.add(trimmed(names));
            }

            @Override
            public void row(int line, List<String> cells) {
                rows.add(trimmed(cells));
            }
        };
    }

    /**
     * The cells, trailing blanks dropped; a percentage at the one decimal the sheet shows (an XLSX cell is read
     * through its display format, an ODS cell at its stored value).
     */
    private static List<String> trimmed(List<String> cells) {
        int end = cells.size();
        while (end > 0 && cells.get(end - 1).isEmpty()) {
            end--;
        }
        return cells.subList(0, end).stream().map(c -> c.matches("-?[0-9]+(\\.[0-9]+)?%")
                ? new BigDecimal(c.substring(0, c.length() - 1)).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%"
                : c).toList();
    }
}
