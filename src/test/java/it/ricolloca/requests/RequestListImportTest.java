package it.ricolloca.requests;

import it.ricolloca.shared.tabular.ImportReport;

import static it.ricolloca.support.DemoUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static it.ricolloca.support.FormPosts.csrfOnce;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.internal.ApiTokens;
import it.ricolloca.accounts.internal.UserAccountRepository;
import it.ricolloca.requests.internal.RequestListImporter;
import it.ricolloca.shared.tabular.UnreadableFileException;
import it.ricolloca.support.IntegrationTest;
import it.ricolloca.support.TestCodes;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@IntegrationTest
class RequestListImportTest {

    static final LocalDate MAY_15 = LocalDate.of(2017, 5, 15);
    static final LocalDate MAY_22 = LocalDate.of(2017, 5, 22);

    @Autowired RequestListImporter importer;
    @Autowired UserAccountRepository users;
    @Autowired ApiTokens tokens;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired UserDetailsService userDetails;

    private CurrentUser adr() {
        return users.findByUsername("adr.regione").orElseThrow().toCurrentUser();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    @Test
    void aSemicolonUtf8FileWithTheSeedNamesImports() {
        Random random = new Random(101);
        String a = TestCodes.random(random);
        String b = TestCodes.random(random);
        String c = TestCodes.random(random);
        String csv = "Codice Fiscale;Data richiesta;Stato richiesta;CPI competente;Tipo erogatore;Soggetto erogatore\n"
                + a + ";02/05/2017;Rilasciato;CPI SUSÀ;CPI;CPI Susa\n"
                + b + ";2017-05-03;Preavviso di rigetto;CPI CIRIE';privato;Agenzia Alfa\n"
                + c + ";04/05/2017;richiesto;CENTRO PER L'IMPIEGO DI NOVARA;;\n";
        ImportReport result = importer.importFile(adr(), "elenco.csv", csv.getBytes(StandardCharsets.UTF_8), MAY_15);
        assertThat(result.rejections()).isEmpty();
        assertThat(result.read()).isEqualTo(3);
        assertThat(result.created()).isEqualTo(3);
        assertThat(result.workersCreated()).isEqualTo(3);
        assertThat(jdbc.sql("""
                select c.code from requests_voucher_request r join workers_worker w on w.id = r.worker_id
                join network_job_centre c on c.id = r.competent_centre_id where w.tax_code = ?""").param(b)
                .query(String.class).single()).isEqualTo("CIRIE");
        assertThat(jdbc.sql("select needs_completion from workers_worker where tax_code = ?").param(a)
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void aCommaWindows1252FileImports() {
        Random random = new Random(202);
        String a = TestCodes.random(random);
        String csv = "CF,Data domanda,Stato,CPI\r\n" + a + ",10/05/2017,Rilasciato,\"CPI CUORGNÈ\"\r\n";
        ImportReport result = importer.importFile(adr(), "elenco-1252.csv", csv.getBytes(Charset.forName("windows-1252")),
                MAY_15);
        assertThat(result.rejections()).isEmpty();
        assertThat(result.created()).isEqualTo(1);
    }

    @Test
    void anXlsxWithDateCellsAndFormulasImportsAtTheFormulasStoredValues() throws Exception {
        Random random = new Random(303);
        String a = TestCodes.random(random);
        String b = TestCodes.random(random);
        byte[] xlsx;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("Elenco");
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            Row h = sheet.createRow(0);
            String[] headers = {"Stato della richiesta", "CPI competente", "Codice fiscale lavoratore", "Data richiesta"};
            for (int i = 0; i < headers.length; i++) {
                h.createCell(i).setCellValue(headers[i]);
            }
            Row r1 = sheet.createRow(1);
            r1.createCell(0).setCellFormula("\"Rila\"&\"sciato\"");
            r1.createCell(1).setCellValue("CPI TORINO - VIA BOLOGNA");
            r1.createCell(2).setCellValue(a);
            r1.createCell(3).setCellValue(LocalDate.of(2017, 5, 8));
            r1.getCell(3).setCellStyle(date);
            Row r2 = sheet.createRow(3);
            r2.createCell(0).setCellValue("Richiesto");
            r2.createCell(1).setCellValue("CPI Alba");
            r2.createCell(2).setCellValue(b);
            r2.createCell(3).setCellFormula("DATE(2017,5,9)");
            r2.getCell(3).setCellStyle(date);
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            wb.write(out);
            xlsx = out.toByteArray();
        }
        ImportReport result = importer.importFile(adr(), "elenco.xlsx", xlsx, MAY_15);
        assertThat(result.rejections()).isEmpty();
        assertThat(result.created()).isEqualTo(2);
        assertThat(jdbc.sql("""
                select r.status || ' ' || r.request_date from requests_voucher_request r
                join workers_worker w on w.id = r.worker_id where w.tax_code = ?""").param(a).query(String.class).single())
                .isEqualTo("RELEASED 2017-05-08");
        assertThat(jdbc.sql("""
                select r.request_date::text from requests_voucher_request r
                join workers_worker w on w.id = r.worker_id where w.tax_code = ?""").param(b).query(String.class).single())
                .isEqualTo("2017-05-09");
    }

    @Test
    void everyKindOfBadRowIsRejectedWithItsLineAndReasonAndTheGoodOnesImport() throws Exception {
        Random random = new Random(404);
        String good = TestCodes.random(random);
        String dup = TestCodes.random(random);
        String other = TestCodes.random(random);
        String wrongCheck = good.substring(0, 15) + (char) ('A' + (good.charAt(15) - 'A' + 1) % 26);
        String csv = String.join("\n",
                "codice fiscale;data richiesta;stato;cpi competente;tipo erogatore;data stato",
                good + ";02/05/2017;Rilasciato;CPI Asti;CPI;",                     // 2 ok
                wrongCheck + ";02/05/2017;Rilasciato;CPI Asti;;",                   // 3 bad check
                "ABC;02/05/2017;Rilasciato;CPI Asti;;",                             // 4 bad length
                dup + ";03/05/2017;Rilasciato;CPI di Roma;;",                       // 5 unknown CPI
                dup + ";03/05/2017;Approvato;CPI Asti;;",                           // 6 unknown status
                dup + ";31/02/2017;Rilasciato;CPI Asti;;",                          // 7 bad date
                dup + ";03/05/2017;Rilasciato;CPI Asti;;",                          // 8 ok
                dup + ";03/05/2017;Rilasciato;CPI Asti;;",                          // 9 duplicate of 8
                other + ";03/05/2030;Rilasciato;CPI Asti;;",                        // 10 future date
                other + ";03/05/2017;Rilasciato;CPI Asti;misto;",                   // 11 provider type
                other + ";;Rilasciato;CPI Asti;;",                                  // 12 missing date
                other + ";03/05/2017;Rilasciato;CPI Asti;;=HYPERLINK(\"x\")");       // 13 bad status date
        ImportReport result = importer.importFile(adr(), "scarti.csv", csv.getBytes(StandardCharsets.UTF_8), MAY_15);
        assertThat(result.read()).isEqualTo(12);
        assertThat(result.created()).isEqualTo(2);
        assertThat(result.rejected()).isEqualTo(10);
        Map<Integer, String> reasons = new java.util.TreeMap<>();
        result.rejections().forEach(r -> reasons.put(r.line(), r.reason()));
        assertThat(reasons).containsOnlyKeys(3, 4, 5, 6, 7, 9, 10, 11, 12, 13);
        assertThat(reasons.get(3)).startsWith("Codice fiscale non valido: Il carattere di controllo");
        assertThat(reasons.get(4)).contains("16 caratteri");
        assertThat(reasons.get(5)).isEqualTo("CPI non riconosciuto: \"CPI di Roma\".");
        assertThat(reasons.get(6)).isEqualTo("Stato della richiesta sconosciuto: \"Approvato\".");
        assertThat(reasons.get(7)).contains("31/02/2017");
        assertThat(reasons.get(9)).isEqualTo("Riga duplicata: la stessa richiesta compare alla riga 8.");
        assertThat(reasons.get(10)).contains("03/05/2030");
        assertThat(reasons.get(11)).contains("misto");
        assertThat(reasons.get(12)).contains("mancante");
        assertThat(reasons.get(13)).contains("HYPERLINK");

        MvcResult download = mvc.perform(get("/imports/" + result.importId() + "/rejections.csv")
                .with(as(userDetails, "adr.regione"))).andReturn();
        String body = download.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(download.getResponse().getHeader("Content-Disposition")).contains("scarti-importazione-");
        assertThat(body).contains("Riga;Codice fiscale;Motivo", "9;" + dup + ";Riga duplicata");
        assertThat(body.lines().filter(l -> l.startsWith("13;")).findFirst().orElseThrow())
                .contains("\"Data dello stato non valida: \"\"=HYPERLINK");
    }

    @Test
    void unreadableFilesAreRefusedWithTheirReasonAndChangeNothing() throws Exception {
        long requests = count("requests_voucher_request");
        long workers = count("workers_worker");
        long imports = count("requests_import");
        assertRefused("vuoto.csv", new byte[0], "import.file.empty");
        assertRefused("spazi.csv", "\n\n  \n".getBytes(StandardCharsets.UTF_8), "import.file.empty");
        assertRefused("solo-intestazione.csv", "codice fiscale;data richiesta;stato;cpi\n".getBytes(StandardCharsets.UTF_8),
                "import.file.noRows");
        assertRefused("intestazioni.csv", "nome;cognome;indirizzo\nMario;Rossi;Via Roma\n".getBytes(StandardCharsets.UTF_8),
                "import.header.missing");
        assertRefused("immagine.xlsx", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0}, "import.file.notSpreadsheet");
        assertRefused("testo.xlsx", "codice fiscale;stato\n".getBytes(StandardCharsets.UTF_8), "import.file.notSpreadsheet");
        assertRefused("vecchio.xls", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0}, "import.file.oldExcel");
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("leggimi.txt"));
            z.write("non sono un foglio".getBytes(StandardCharsets.UTF_8));
        }
        assertRefused("archivio.xlsx", zip.toByteArray(), "import.file.notSpreadsheet");
        assertThat(count("requests_voucher_request")).isEqualTo(requests);
        assertThat(count("workers_worker")).isEqualTo(workers);
        assertThat(count("requests_import")).isEqualTo(imports);
    }

    private void assertRefused(String name, byte[] content, String key) {
        assertThatThrownBy(() -> importer.importFile(adr(), name, content, MAY_15)).as(name)
                .isInstanceOf(UnreadableFileException.class)
                .satisfies(e -> assertThat(((UnreadableFileException) e).messageKey()).isEqualTo(key));
    }

    @Test
    void theSameFileTwiceChangesNothingAndSaysSo() {
        String a = TestCodes.random(new Random(505));
        byte[] csv = ("cf;data richiesta;stato;cpi\n" + a + ";05/05/2017;Rilasciato;CPI Biella\n").getBytes(StandardCharsets.UTF_8);
        ImportReport first = importer.importFile(adr(), "due-volte.csv", csv, MAY_15);
        long requests = count("requests_voucher_request");
        long entries = count("requests_snapshot_entry");
        ImportReport second = importer.importFile(adr(), "due-volte.csv", csv, MAY_15);
        assertThat(second.alreadyImported()).isTrue();
        assertThat(second.importId()).isEqualTo(first.importId());
        assertThat(second.created() + second.updated()).isZero();
        assertThat(count("requests_voucher_request")).isEqualTo(requests);
        assertThat(count("requests_snapshot_entry")).isEqualTo(entries);
    }

    @Test
    void twoSnapshotsAWeekApartAreBothInTheHistoryAndCompare() throws Exception {
        Random random = new Random(606);
        String a = TestCodes.random(random);
        String b = TestCodes.random(random);
        String first = "cf;data richiesta;stato;cpi\n" + a + ";02/05/2017;Richiesto;CPI Tortona\n" + b
                + ";03/05/2017;Richiesto;CPI Tortona\n";
        String second = "cf;data richiesta;stato;cpi;data stato\n" + a + ";02/05/2017;Rilasciato;CPI Tortona;18/05/2017\n" + b
                + ";03/05/2017;Richiesto;CPI Tortona;\n";
        MvcResult one = mvc.perform(multipart("/imports").file(new MockMultipartFile("file", "15-maggio.csv", "text/csv",
                first.getBytes(StandardCharsets.UTF_8))).param("snapshotDate", "2017-05-15").with(csrfOnce())
                .with(as(userDetails, "adr.regione"))).andReturn();
        assertThat(one.getResponse().getRedirectedUrl()).startsWith("/imports/");
        MvcResult two = mvc.perform(multipart("/imports").file(new MockMultipartFile("file", "22-maggio.csv", "text/csv",
                second.getBytes(StandardCharsets.UTF_8))).param("snapshotDate", "2017-05-22").with(csrfOnce())
                .with(as(userDetails, "adr.regione"))).andReturn();
        long idOne = Long.parseLong(one.getResponse().getRedirectedUrl().replace("/imports/", ""));
        long idTwo = Long.parseLong(two.getResponse().getRedirectedUrl().replace("/imports/", ""));
        assertThat(jdbc.sql("select updated || '/' || unchanged from requests_import where id = ?").param(idTwo)
                .query(String.class).single()).isEqualTo("1/1");

        String list = mvc.perform(get("/imports").with(as(userDetails, "adr.regione"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(list).contains("15-maggio.csv", "22-maggio.csv", "15/05/2017", "22/05/2017");
        String compare = mvc.perform(get("/imports/compare").param("from", String.valueOf(idOne))
                .param("to", String.valueOf(idTwo)).with(as(userDetails, "adr.regione"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(compare).contains("hanno cambiato stato: 1.");
        String snapshot = mvc.perform(get("/imports/" + idTwo).with(as(userDetails, "adr.regione"))).andReturn()
                .getResponse().getContentAsString();
        assertThat(snapshot).contains("CPI Tortona", "Rilasciato", "Richiesto");
        assertThat(jdbc.sql("select e.status from requests_snapshot_entry e join requests_voucher_request r on r.id = e.request_id "
                + "join workers_worker w on w.id = r.worker_id where e.import_id = ? and w.tax_code = ?")
                .params(idOne, a).query(String.class).single()).isEqualTo("REQUESTED");
    }

    @Test
    void anOlderSnapshotImportedLaterDoesNotRewindTheCurrentStatus() {
        String a = TestCodes.random(new Random(707));
        importer.importFile(adr(), "nuovo.csv", ("cf;data richiesta;stato;cpi;data stato\n" + a
                + ";02/05/2017;Rilasciato;CPI Ivrea;20/05/2017\n").getBytes(StandardCharsets.UTF_8), MAY_22);
        ImportReport older = importer.importFile(adr(), "vecchio.csv", ("cf;data richiesta;stato;cpi;data stato\n" + a
                + ";02/05/2017;Richiesto;CPI Ivrea;10/05/2017\n").getBytes(StandardCharsets.UTF_8), MAY_15);
        assertThat(older.unchanged()).isEqualTo(1);
        assertThat(jdbc.sql("select r.status from requests_voucher_request r join workers_worker w on w.id = r.worker_id "
                + "where w.tax_code = ?").param(a).query(String.class).single()).isEqualTo("RELEASED");
    }

    @Test
    void aHundredThousandRowFileImportsInTheBackgroundWithProgress() throws Exception {
        Random random = new Random(808);
        String[] centres = {"CPI ALBA", "CPI ASTI", "CPI BIELLA", "CPI CUNEO", "CPI TORINO - VIA BOLOGNA", "CPI SUSÀ"};
        String[] statuses = {"Rilasciato", "Richiesto", "Preavviso di rigetto"};
        StringBuilder csv = new StringBuilder("codice fiscale;data richiesta;stato richiesta;cpi competente\n");
        java.util.Set<String> codes = new java.util.HashSet<>();
        while (codes.size() < 100_000) {
            String cf = TestCodes.random(random);
            if (codes.add(cf)) {
                csv.append(cf).append(';').append(String.format("%02d/04/2017", 1 + random.nextInt(28))).append(';')
                        .append(statuses[random.nextInt(3)]).append(';').append(centres[random.nextInt(centres.length)])
                        .append('\n');
            }
        }
        byte[] big = csv.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(big.length).as("large enough to run in the background").isGreaterThan(2_000_000);
        MvcResult started = mvc.perform(multipart("/imports").file(new MockMultipartFile("file", "grande.csv", "text/csv", big))
                .param("snapshotDate", "2017-05-15").with(csrfOnce()).with(as(userDetails, "adr.regione"))).andReturn();
        String jobUrl = started.getResponse().getRedirectedUrl();
        assertThat(jobUrl).startsWith("/imports/jobs/");
        String importUrl = null;
        for (int i = 0; i < 600 && importUrl == null; i++) {
            MvcResult poll = mvc.perform(get(jobUrl).header("HX-Request", "true").with(as(userDetails, "adr.regione")))
                    .andReturn();
            assertThat(poll.getResponse().getStatus()).isEqualTo(200);
            importUrl = poll.getResponse().getHeader("HX-Redirect");
            if (importUrl == null) {
                assertThat(poll.getResponse().getContentAsString()).contains("Righe lette finora");
                Thread.sleep(200);
            }
        }
        assertThat(importUrl).startsWith("/imports/");
        long id = Long.parseLong(importUrl.replace("/imports/", ""));
        assertThat(jdbc.sql("select rows_read || '/' || created || '/' || rejected from requests_import where id = ?").param(id)
                .query(String.class).single()).isEqualTo("100000/100000/0");
        assertThat(jdbc.sql("select count(*) from requests_snapshot_entry where import_id = ?").param(id)
                .query(Long.class).single()).isEqualTo(100_000);
        assertThat(jdbc.sql("select actor from audit_entry where action = 'REQUESTS_IMPORTED' and record_id = ?")
                .param(String.valueOf(id)).query(String.class).single()).as("the background job acts as its user")
                .isEqualTo("adr.regione");
    }

    @Test
    void aLargeFileWithWrongHeadersFailsInTheBackgroundAndSaysWhy() throws Exception {
        StringBuilder csv = new StringBuilder("nome;cognome;indirizzo\n");
        while (csv.length() < 2_100_000) {
            csv.append("Mario;Rossi;Via Roma 1\n");
        }
        MvcResult started = mvc.perform(multipart("/imports").file(new MockMultipartFile("file", "sbagliato.csv", "text/csv",
                csv.toString().getBytes(StandardCharsets.UTF_8))).param("snapshotDate", "2017-05-15").with(csrfOnce())
                .with(as(userDetails, "adr.regione"))).andReturn();
        String jobUrl = started.getResponse().getRedirectedUrl();
        String page = "";
        for (int i = 0; i < 300 && !page.contains("non è riuscita"); i++) {
            Thread.sleep(100);
            page = mvc.perform(get(jobUrl).with(as(userDetails, "adr.regione"))).andReturn().getResponse().getContentAsString();
        }
        assertThat(page).contains("non è riuscita", "Mancano colonne obbligatorie");
        assertThat(mvc.perform(get(jobUrl).with(as(userDetails, "master.torino"))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
    }

    @Test
    void theApiImportsWithARegionalTokenAndRefusesAnOperator() throws Exception {
        String a = TestCodes.random(new Random(909));
        byte[] csv = ("cf;data richiesta;stato;cpi\n" + a + ";06/05/2017;Rilasciato;CPI Chieri\nXYZ;06/05/2017;Rilasciato;CPI Chieri\n")
                .getBytes(StandardCharsets.UTF_8);
        MvcResult ok = mvc.perform(multipart("/api/v1/imports/requests").file(new MockMultipartFile("file", "api.csv",
                "text/csv", csv)).param("snapshotDate", "2017-05-15").header("Authorization", "Bearer demo-token-regione"))
                .andReturn();
        assertThat(ok.getResponse().getStatus()).isEqualTo(200);
        assertThat(ok.getResponse().getContentAsString()).contains("\"read\":2", "\"created\":1", "\"rejected\":1",
                "\"line\":3");
        String operator = tokens.create(users.findByUsername("operatore.torino").orElseThrow().getId(), "import", "test");
        assertThat(mvc.perform(multipart("/api/v1/imports/requests").file(new MockMultipartFile("file", "api.csv",
                "text/csv", csv)).param("snapshotDate", "2017-05-15").header("Authorization", "Bearer " + operator))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        MvcResult bad = mvc.perform(multipart("/api/v1/imports/requests").file(new MockMultipartFile("file", "x.xlsx",
                "text/csv", "ciao".getBytes(StandardCharsets.UTF_8))).param("snapshotDate", "2017-05-15")
                .header("Authorization", "Bearer demo-token-regione")).andReturn();
        assertThat(bad.getResponse().getStatus()).isEqualTo(400);
        assertThat(bad.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("non è un foglio di calcolo");
    }
}
