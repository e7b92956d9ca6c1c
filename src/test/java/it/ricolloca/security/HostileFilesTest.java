package it.ricolloca.security;

import static it.ricolloca.support.DemoUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import it.ricolloca.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Hostile spreadsheets on every import the application has (ministerial list, invited sample,
 * register, vacancy board; pages and API): a zip bomb, an external entity pointing at a local
 * file, entity expansion ("billion laughs"), a PDF renamed .xlsx. Each is refused with a 4xx or
 * an Italian message on the page, nothing is stored, and nothing of the local file comes back.
 */
@IntegrationTest
class HostileFilesTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;

    /** Upload route, who may use it, and the other fields it needs. */
    record Import(String path, String user, Map<String, String> fields, boolean api) {
    }

    @Test
    void bombsEntitiesAndImpostorsAreRefusedAndChangeNothing() throws Exception {
        List<Import> imports = List.of(
                new Import("/imports", "regione", Map.of("snapshotDate", "2026-03-20"), false),
                new Import("/api/v1/imports/requests?snapshotDate=2026-03-20", "regione", Map.of(), true),
                new Import("/invitations", "regione", Map.of("invitationDate", "2026-03-20"), false),
                new Import("/api/v1/imports/invitations?invitationDate=2026-03-20", "regione", Map.of(), true),
                new Import("/workers/register/import", "regione", Map.of(), false),
                new Import("/vacancies/import", "reclutamenti.regione", Map.of(), false),
                new Import("/api/v1/imports/vacancies", "reclutamenti.regione", Map.of(), true));
        Map<String, byte[]> files = Map.of("bomba.xlsx", zipBomb(), "entita-esterna.xlsx", externalEntity(),
                "miliardo-di-risate.xlsx", billionLaughs(), "documento.xlsx", "%PDF-1.7\n%âãÏÓ\n".getBytes(StandardCharsets.ISO_8859_1));
        long before = stored();
        List<String> wrong = new ArrayList<>();
        for (Import i : imports) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                var request = MockMvcRequestBuilders.multipart(i.path())
                        .file(new MockMultipartFile("file", f.getKey(),
                                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", f.getValue()))
                        .with(csrf()).with(as(users, i.user()));
                i.fields().forEach(request::param);
                MvcResult r = mvc.perform(request).andReturn();
                int status = r.getResponse().getStatus();
                String body = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
                String where = i.path() + " with " + f.getKey() + ": ";
                if (status >= 500) {
                    wrong.add(where + status);
                }
                if (body.contains("root:x:0:0") || body.contains("lollollol")) {
                    wrong.add(where + "the entity came back");
                }
                boolean refused = i.api() ? status >= 400 && status < 500 : status == 200 && body.contains("alert-danger");
                if (!refused) {
                    wrong.add(where + "not refused (" + status + ")");
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(stored()).as("nothing stored").isEqualTo(before);
    }

    private long stored() {
        return jdbc.sql("""
                select (select count(*) from requests_import) + (select count(*) from workers_invitation)
                    + (select count(*) from workers_worker) + (select count(*) from vacancies_vacancy)""")
                .query(Long.class).single();
    }

    /** A real workbook whose sheet is replaced by one that inflates to 60 MB from a few kilobytes. */
    private static byte[] zipBomb() throws IOException {
        StringBuilder sheet = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\""
                + "http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        sheet.append(" ".repeat(60_000_000));
        sheet.append("</sheetData></worksheet>");
        return withSheet(sheet.toString());
    }

    private static byte[] externalEntity() throws IOException {
        return withSheet("<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE w [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\">"
                + "<c r=\"A1\" t=\"inlineStr\"><is><t>codice fiscale</t></is></c></row><row r=\"2\"><c r=\"A2\" "
                + "t=\"inlineStr\"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>");
    }

    private static byte[] billionLaughs() throws IOException {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE w [<!ENTITY l0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>");
        return withSheet("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + dtd + "<worksheet xmlns=\""
                + "http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" "
                + "t=\"inlineStr\"><is><t>&l9;</t></is></c></row></sheetData></worksheet>");
    }

    /** A workbook written by POI, its first sheet's XML replaced. */
    private static byte[] withSheet(String sheetXml) throws IOException {
        byte[] workbook;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("Foglio1").createRow(0).createCell(0).setCellValue("codice fiscale");
            wb.write(out);
            workbook = out.toByteArray();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(workbook));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    zip.write(sheetXml.getBytes(StandardCharsets.UTF_8));
                } else {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
