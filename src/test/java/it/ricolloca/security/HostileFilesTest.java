package it.ricolloca.security;

import static it.ricolloca.support.DemoUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static it.ricolloca.support.FormPosts.csrfOnce;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.claims.internal.ClaimRepository;
import it.ricolloca.documents.Dossier;
import it.ricolloca.pathway.ContractType;
import it.ricolloca.pathway.PactAction;
import it.ricolloca.pathway.PactActionKind;
import it.ricolloca.pathway.Pathway;
import it.ricolloca.pathway.PathwayOutcome;
import it.ricolloca.pathway.ServiceTimesheetActivity;
import it.ricolloca.pathway.internal.Pacts;
import it.ricolloca.pathway.internal.PathwayWork;
import it.ricolloca.pathway.internal.Timesheets;
import it.ricolloca.requests.internal.RequestQueries;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.support.ClosedPathways;
import it.ricolloca.support.HostileDocuments;
import it.ricolloca.support.IntegrationTest;
import it.ricolloca.support.ReleasedWorkers;
import it.ricolloca.support.SignedFiles;
import java.math.BigDecimal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
    @Autowired ClosedPathways closed;
    @Autowired ReleasedWorkers released;
    @Autowired PathwayWork pathways;
    @Autowired Pacts pathwayPacts;
    @Autowired Timesheets pathwayTimesheets;
    @Autowired ClaimRepository claims;
    @Autowired RequestQueries requests;
    @Autowired Dossier dossier;

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
                "miliardo-di-risate.xlsx", billionLaughs(), "documento.xlsx", "%PDF-1.7\n%âãÏÓ\n".getBytes(StandardCharsets.ISO_8859_1),
                "senza-cartella.xlsx", packageWithoutWorkbook(), "troncato.xlsx", truncatedWorkbook(),
                "foglio-gigante.xlsx", workbookWithHugeStyles());
        long before = stored();
        List<String> wrong = new ArrayList<>();
        for (Import i : imports) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                var request = MockMvcRequestBuilders.multipart(i.path())
                        .file(new MockMultipartFile("file", f.getKey(),
                                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", f.getValue()))
                        .with(csrfOnce()).with(as(users, i.user()));
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

    /**
     * The same on every import with OpenDocument spreadsheets: a zip bomb in {@code content.xml}, an external
     * entity, entity expansion, a billion filled columns, a billion filled rows, a text document named .ods and
     * a file that is not a zip at all. Each is refused with its Italian reason and nothing is stored.
     */
    @Test
    void hostileOdsFilesAreRefusedOnEveryImportAndChangeNothing() throws Exception {
        List<Import> imports = List.of(
                new Import("/imports", "regione", Map.of("snapshotDate", "2026-03-20"), false),
                new Import("/api/v1/imports/requests?snapshotDate=2026-03-20", "regione", Map.of(), true),
                new Import("/invitations", "regione", Map.of("invitationDate", "2026-03-20"), false),
                new Import("/api/v1/imports/invitations?invitationDate=2026-03-20", "regione", Map.of(), true),
                new Import("/workers/register/import", "regione", Map.of(), false),
                new Import("/vacancies/import", "reclutamenti.regione", Map.of(), false),
                new Import("/api/v1/imports/vacancies", "reclutamenti.regione", Map.of(), true));
        String header = "<table:table-row><table:table-cell office:value-type=\"string\"><text:p>codice fiscale</text:p>"
                + "</table:table-cell></table:table-row>";
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("bomba.ods", odsPackage("application/vnd.oasis.opendocument.spreadsheet", odsContent("", header
                + " ".repeat(60_000_000))));
        files.put("entita-esterna.ods", odsPackage("application/vnd.oasis.opendocument.spreadsheet",
                odsContent("<!DOCTYPE d [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>", header
                        + "<table:table-row><table:table-cell office:value-type=\"string\"><text:p>&xxe;</text:p>"
                        + "</table:table-cell></table:table-row>")));
        files.put("miliardo-di-risate.ods", odsPackage("application/vnd.oasis.opendocument.spreadsheet",
                odsContent("<!DOCTYPE d [<!ENTITY l0 \"lol\"><!ENTITY l1 \"&l0;&l0;&l0;&l0;&l0;&l0;&l0;&l0;\">]>", header
                        + "<table:table-row><table:table-cell office:value-type=\"string\"><text:p>&l1;</text:p>"
                        + "</table:table-cell></table:table-row>")));
        files.put("miliardo-di-colonne.ods", odsPackage("application/vnd.oasis.opendocument.spreadsheet", odsContent("",
                "<table:table-row><table:table-cell table:number-columns-repeated=\"1000000000\" office:value-type=\"string\">"
                        + "<text:p>x</text:p></table:table-cell></table:table-row>")));
        files.put("miliardo-di-righe.ods", odsPackage("application/vnd.oasis.opendocument.spreadsheet", odsContent("", header
                + "<table:table-row table:number-rows-repeated=\"1000000000\"><table:table-cell office:value-type=\"string\">"
                + "<text:p>RSSMRA80A01L219X</text:p></table:table-cell></table:table-row>")));
        files.put("lettera.ods", odsPackage("application/vnd.oasis.opendocument.text", odsContent("", header)));
        files.put("non-zip.ods", "<office:document-content>".getBytes(StandardCharsets.UTF_8));
        long before = stored();
        List<String> wrong = new ArrayList<>();
        for (Import i : imports) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                var request = MockMvcRequestBuilders.multipart(i.path())
                        .file(new MockMultipartFile("file", f.getKey(), "application/vnd.oasis.opendocument.spreadsheet",
                                f.getValue()))
                        .with(csrfOnce()).with(as(users, i.user()));
                i.fields().forEach(request::param);
                MvcResult r = mvc.perform(request).andReturn();
                int status = r.getResponse().getStatus();
                String body = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
                String where = i.path() + " with " + f.getKey() + ": ";
                if (status >= 500) {
                    wrong.add(where + status);
                }
                if (body.contains("root:x:0:0") || body.contains("lollol")) {
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

    /** An OpenDocument {@code content.xml} with {@code doctype} before its root and one table of {@code rows}. */
    private static String odsContent(String doctype, String rows) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + doctype + "<office:document-content"
                + " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                + " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
                + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:spreadsheet>"
                + "<table:table table:name=\"Foglio1\">" + rows + "</table:table></office:spreadsheet></office:body>"
                + "</office:document-content>";
    }

    /** An OpenDocument package: its {@code mimetype} first and stored, then {@code content}. */
    private static byte[] odsPackage(String mime, String content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            byte[] m = mime.getBytes(StandardCharsets.US_ASCII);
            ZipEntry e = new ZipEntry("mimetype");
            e.setMethod(ZipEntry.STORED);
            e.setSize(m.length);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
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

    /** A document upload route, its fields, and how to read whether the upload was refused. */
    record DocumentRoute(String path, String user, String fileField, Map<String, String> fields, boolean flash) {
    }

    /**
     * Hostile documents on every route that keeps an upload in the dossier (the pathway's dossier, the signed
     * copy of the pact, a claim's attachment, a worker's observations): a PDF that runs JavaScript when opened,
     * a PNG that declares 10 billion pixels, a file over the size limit, a web page named .pdf, that script PDF
     * inside a signed envelope (.p7m) and garbage named .p7m. Each is refused
     * with the Italian message of its fault and nothing is kept; then a plain PDF on the same route is kept,
     * so the refusals were the content's, not the route's.
     */
    @Test
    void hostileDocumentsAreRefusedOnEveryUploadThatKeepsThem() throws Exception {
        long office = closed.newTorinoOffice();
        long pathway = closed.started(office, "Ostile", "Carta", 1);
        CurrentUser tutor = released.user("tutor.torino");
        pathwayPacts.saveDraft(tutor, pathway, closed.version(pathway), List.of(new PactAction(PactActionKind.CV,
                "Aggiornare il curriculum", null)), null);
        pathwayTimesheets.addHours(tutor, pathway, closed.version(pathway), ServiceTimesheetActivity.RECEPTION, Dates.today(),
                BigDecimal.ONE, null);
        pathwayPacts.sign(tutor, pathway, closed.version(pathway), Dates.today());
        long hired = closed.started(office, "Ostile", "Assunta", 5);
        closed.close(hired, PathwayOutcome.HIRED, new Pathway.Hire("Carte Srl", ClosedPathways.VAT,
                ContractType.PERMANENT, new BigDecimal("40"), Dates.today(), null));
        long claim = closed.claimOf(hired).getId();
        long request = released.noticed("master.torino", "Ostile", "Osservazione");

        String script = "<img src=x onerror=alert(1)>";
        Map<String, byte[]> hostile = new java.util.LinkedHashMap<>();
        hostile.put("script" + script + ".pdf", HostileDocuments.pdfRunningJavaScript());
        hostile.put("bomba.png", HostileDocuments.pngDeclaringHugeDimensions());
        byte[] huge = new byte[dossier.maxUploadBytes() + 1];
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, huge, 0, 9);
        hostile.put("enorme.pdf", huge);
        hostile.put("pagina.pdf", ("<html><script>alert(1)</script></html>").getBytes(StandardCharsets.UTF_8));
        hostile.put("script-firmato.pdf.p7m", SignedFiles.cades(HostileDocuments.pdfRunningJavaScript()));
        hostile.put("busta-rotta.p7m", "non una busta firmata".getBytes(StandardCharsets.UTF_8));
        Map<String, String> faults = Map.of("script" + script + ".pdf", "contiene script", "bomba.png",
                "oltre 40 milioni di pixel", "enorme.pdf", "supera il limite", "pagina.pdf", "non è un PDF",
                "script-firmato.pdf.p7m", "contiene script", "busta-rotta.p7m", "non è un file firmato CAdES");

        List<DocumentRoute> routes = List.of(
                new DocumentRoute("/pathways/" + pathway + "/dossier", "tutor.torino", "file",
                        Map.of("kind", "CV", "title", "Curriculum"), false),
                new DocumentRoute("/pathways/" + pathway + "/pact/signed-copy", "tutor.torino", "file",
                        Map.of("version", "PATHWAY"), false),
                new DocumentRoute("/claims/" + claim + "/attachments", "master.torino", "file",
                        Map.of("kind", "PACT_SIGNED", "version", "CLAIM"), false),
                new DocumentRoute("/requests/" + request + "/observations", "master.torino", "files",
                        Map.of("receivedOn", Dates.today().toString(), "text", "Osservazioni del lavoratore",
                                "version", "REQUEST"), false));
        List<String> wrong = new ArrayList<>();
        for (DocumentRoute route : routes) {
            for (Map.Entry<String, byte[]> f : hostile.entrySet()) {
                long before = documents();
                MvcResult r = upload(route, f.getKey(), f.getValue(), pathway, claim, request);
                String where = route.path() + " with " + f.getKey() + ": ";
                String said = route.flash() ? String.valueOf(r.getFlashMap().get("problem"))
                        : r.getResponse().getContentAsString(StandardCharsets.UTF_8);
                if (r.getResponse().getStatus() >= 500 || !said.contains(faults.get(f.getKey()))) {
                    wrong.add(where + r.getResponse().getStatus() + " " + said);
                }
                if (!route.flash() && said.contains(script)) {
                    wrong.add(where + "the file name came back unescaped");
                }
                if (documents() != before) {
                    wrong.add(where + "a document was kept");
                }
            }
            long before = documents();
            MvcResult r = upload(route, "copia.pdf", ClosedPathways.pdf(), pathway, claim, request);
            if (documents() != before + 1) {
                wrong.add(route.path() + ": a plain PDF was not kept (" + r.getResponse().getStatus() + " "
                        + r.getFlashMap().get("problem") + ")");
            }
        }
        assertThat(wrong).isEmpty();
    }

    private MvcResult upload(DocumentRoute route, String name, byte[] bytes, long pathway, long claim, long request)
            throws Exception {
        var call = MockMvcRequestBuilders.multipart(route.path())
                .file(new MockMultipartFile(route.fileField(), name, "application/pdf", bytes))
                .with(csrfOnce()).with(as(users, route.user()));
        route.fields().forEach((k, v) -> call.param(k, switch (v) {
            case "PATHWAY" -> String.valueOf(closed.version(pathway));
            case "CLAIM" -> String.valueOf(claims.findById(claim).orElseThrow().getVersion());
            case "REQUEST" -> String.valueOf(requests.load(released.user("master.torino"), request).getVersion());
            default -> v;
        }));
        return mvc.perform(call).andReturn();
    }

    private long documents() {
        return jdbc.sql("select count(*) from documents_document").query(Long.class).single();
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

    /**
     * Found by probing: a zip that is a package but holds no workbook (POI's {@code POIXMLException}) answered 500
     * on every import route.
     */
    private static byte[] packageWithoutWorkbook() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/"
                    + "package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>")
                    .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    /** A real workbook cut in the middle, as an interrupted download leaves it. */
    private static byte[] truncatedWorkbook() throws IOException {
        byte[] whole = withSheet("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\""
                + "http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData/></worksheet>");
        return java.util.Arrays.copyOf(whole, whole.length / 2);
    }

    /** A workbook whose styles part (which readers load whole) inflates to 60 MB. */
    private static byte[] workbookWithHugeStyles() throws IOException {
        return withPart("xl/styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"http://schemas."
                + "openxmlformats.org/spreadsheetml/2006/main\"><numFmts>" + "<!-- riempimento -->".repeat(3_000_000)
                + "</numFmts></styleSheet>");
    }

    /** A workbook written by POI, its first sheet's XML replaced. */
    private static byte[] withSheet(String sheetXml) throws IOException {
        return withPart("xl/worksheets/sheet1.xml", sheetXml);
    }

    /** A workbook written by POI, one of its parts replaced. */
    private static byte[] withPart(String partName, String partXml) throws IOException {
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
                if (e.getName().equals(partName)) {
                    zip.write(partXml.getBytes(StandardCharsets.UTF_8));
                } else {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
