package it.ricolloca.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import it.ricolloca.support.Browser;
import it.ricolloca.support.DemoUsers;
import it.ricolloca.support.NodeProcess;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * A node with a small heap (256 MB, in a JVM of its own) receives at once every bomb and oversized body
 * the probe found: six workbooks whose sheet expands to 100 MB, two whose shared strings expand to 150 MB
 * (on the ministerial list's page and API), fourteen 95 MB "PDFs" on an upload route, a 120 MB file, a
 * 60 MB JSON body and a 60 MB form. Each is refused or answered with an Italian message (busy: try again
 * later), never a 5xx other than that; afterwards the node still signs users in, serves pages and says
 * it is healthy, and its log holds no {@code OutOfMemoryError}.
 */
class SmallHeapNodeTest {

    private static final String SHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    @Test
    void everyBombAtOnceLeavesASmallNodeServing() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try (NodeProcess node = NodeProcess.start("small-heap", "256m", Map.of("ricolloca.demo", "true",
                "ricolloca.embedded-db.data-dir", "target/nodes/small-heap-pg", "ricolloca.embedded-db.clean", "true",
                "spring.main.banner-mode", "off", "logging.level.org.apache.tomcat", "ERROR"))) {
            node.awaitHealthy(http, Duration.ofMinutes(4));
            Browser master = new Browser(node.port()).signIn("master.torino", DemoUsers.PASSWORD);
            HttpResponse<String> filed = master.submit("/requests/new", "/requests", Map.of("taxCode",
                    "BNCLRA85M41L219R", "providerType", "PRIVATE", "agencyName", "Agenzia della prova"));
            Matcher id = Pattern.compile("/requests/(\\d+)").matcher(filed.headers().firstValue("Location").orElse(""));
            assertThat(id.find()).as("the request filed: " + filed.statusCode()).isTrue();
            String observations = "/requests/" + id.group(1) + "/observations";
            Browser admin = new Browser(node.port()).signIn("regione", DemoUsers.PASSWORD);

            byte[] expanding = workbook(sheetOf100Megabytes(), null);
            byte[] strings = workbook(sheetReferringToStrings(), sharedStringsOf150Megabytes());
            byte[] pdf = new byte[95 * 1024 * 1024];
            System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, pdf, 0, 9);
            byte[] tooLarge = new byte[120 * 1024 * 1024];
            byte[] json = ("{\"note\": \"" + "x".repeat(60 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.US_ASCII);

            List<Callable<String>> attacks = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Map<String, String> form = with(admin.tokens("/imports/new"), "snapshotDate", "2026-03-20");
                // Within the limits a 100 MB sheet is read as the file it is, streaming: every row rejected, in the
                // database; or the node is busy with the others. Either way its memory stays bounded.
                attacks.add(() -> answer("bomba di foglio", admin.upload("/imports", "file", "bomba.xlsx", expanding, form),
                        true));
            }
            for (int i = 0; i < 2; i++) {
                attacks.add(() -> answer("bomba di stringhe", api(http, node, "/api/v1/imports/requests?snapshotDate=2026-03-21",
                        multipart("file", "stringhe.xlsx", strings, Map.of()))));
            }
            for (int i = 0; i < 14; i++) {
                Map<String, String> form = with(with(master.tokens(observations), "receivedOn", "2026-03-20"), "text",
                        "Osservazioni");
                attacks.add(() -> answer("PDF da 95 MB", master.upload(observations, "files", "enorme.pdf", pdf, form)));
            }
            Map<String, String> importForm = with(admin.tokens("/imports/new"), "snapshotDate", "2026-03-20");
            attacks.add(() -> oversized("file da 120 MB", () -> admin.upload("/imports", "file", "enorme.csv", tooLarge,
                    importForm)));
            attacks.add(() -> oversized("JSON da 60 MB", () -> http.send(HttpRequest.newBuilder(URI.create(node.url(
                    "/api/v1/requests/" + id.group(1) + "/release"))).header("Authorization", "Bearer demo-token-regione")
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(json)).build(),
                    HttpResponse.BodyHandlers.ofString())));
            attacks.add(() -> oversized("modulo da 60 MB", () -> admin.post("/notices", Map.of("title", "Avviso enorme",
                    "body", "x".repeat(60 * 1024 * 1024), "role", "CPI_MASTER"))));

            ExecutorService pool = Executors.newFixedThreadPool(attacks.size());
            List<Future<String>> answers = pool.invokeAll(attacks);
            pool.shutdown();
            List<String> wrong = new ArrayList<>();
            java.util.Map<String, Integer> seen = new java.util.TreeMap<>();
            for (Future<String> f : answers) {
                String a = f.get();
                seen.merge(a, 1, Integer::sum);
                if (!a.startsWith("ok")) {
                    wrong.add(a);
                }
            }
            System.out.println("Risposte del nodo da 256 MB: " + seen);
            assertThat(wrong).as("answers").isEmpty();

            assertThat(node.isAlive()).isTrue();
            assertThat(node.health(http)).isEqualTo(200);
            Browser later = new Browser(node.port()).signIn("tutor.torino", DemoUsers.PASSWORD);
            assertThat(later.get("/pathways").statusCode()).isEqualTo(200);
            assertThat(master.get(observations.replace("/observations", "")).body()).contains("Agenzia della prova");
            assertThat(node.output()).doesNotContain("OutOfMemoryError");
        }
    }

    /**
     * A body over the size limit is answered 413 from its declared length, without being read: the server then
     * closes the connection, and a client still sending may see the close rather than the answer. Both are a
     * refusal; a 413 must carry its Italian page.
     */
    private static String oversized(String attack, Callable<HttpResponse<String>> send) throws Exception {
        try {
            HttpResponse<String> r = send.call();
            return r.statusCode() == 413 && r.body().contains("supera la dimensione massima") ? "ok " + attack + " 413"
                    : attack + ": " + r.statusCode() + " " + r.body().substring(0, Math.min(300, r.body().length()));
        } catch (IOException e) {
            return "ok " + attack + " (connection closed by the server before reading the body)";
        }
    }

    private static Map<String, String> with(Map<String, String> fields, String name, String value) {
        Map<String, String> all = new java.util.LinkedHashMap<>(fields);
        all.put(name, value);
        return all;
    }

    /** "ok …" when the answer refused or handled the attack with an Italian message; what went wrong otherwise. */
    private static String answer(String attack, HttpResponse<String> r) {
        return answer(attack, r, false);
    }

    private static String answer(String attack, HttpResponse<String> r, boolean mayBeImported) {
        int s = r.statusCode();
        String body = r.body() == null ? "" : r.body();
        boolean italian = body.contains("nulla è stato") || body.contains("Riprova") || body.contains("riprova")
                || body.contains("supera") || body.contains("non è");
        if (s >= 500 && s != 503 || s == 503 && !body.contains("Riprova tra qualche minuto")) {
            return attack + ": " + s + " " + body.substring(0, Math.min(300, body.length()));
        }
        if (s == 302 && !mayBeImported || s < 300 && !italian) {
            return attack + ": accepted as if it were a file (" + s + ") " + body.substring(0, Math.min(300, body.length()));
        }
        return "ok " + attack + " " + s;
    }

    private static HttpResponse<String> api(HttpClient http, NodeProcess node, String path, Multipart body)
            throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(node.url(path))).header("Authorization",
                "Bearer demo-token-regione").header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A multipart body: the fields, then one file. */
    record Multipart(String contentType, byte[] bytes) {
    }

    static Multipart multipart(String field, String fileName, byte[] content, Map<String, String> fields)
            throws IOException {
        String boundary = "----ricolloca" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 4096);
        for (Map.Entry<String, String> f : fields.entrySet()) {
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
                    + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(content);
        out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return new Multipart("multipart/form-data; boundary=" + boundary, out.toByteArray());
    }

    /** A sheet of about 100 MB of rows that look like the ministerial list, each a little different. */
    private static byte[] sheetOf100Megabytes() {
        Random random = new Random(16);
        StringBuilder xml = new StringBuilder(105 * 1024 * 1024).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .append("<worksheet xmlns=\"").append(SHEET_NS).append("\"><sheetData>")
                .append(row(1, "codice fiscale", "data richiesta", "stato", "cpi competente"));
        for (int r = 2; xml.length() < 100 * 1024 * 1024; r++) {
            xml.append(row(r, "RSSMRA80A01L219" + (char) ('A' + random.nextInt(26)), "02/03/2026", "Richiesto",
                    "CPI " + Integer.toHexString(random.nextInt())));
        }
        return xml.append("</sheetData></worksheet>").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sheetReferringToStrings() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"")
                .append(SHEET_NS).append("\"><sheetData>");
        for (int r = 1; r <= 1000; r++) {
            xml.append("<row r=\"").append(r).append("\"><c r=\"A").append(r).append("\" t=\"s\"><v>").append(r)
                    .append("</v></c></row>");
        }
        return xml.append("</sheetData></worksheet>").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** About 150 MB of distinct shared strings. */
    private static byte[] sharedStringsOf150Megabytes() {
        StringBuilder xml = new StringBuilder(155 * 1024 * 1024).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"")
                .append(SHEET_NS).append("\">");
        for (int i = 0; xml.length() < 150 * 1024 * 1024; i++) {
            xml.append("<si><t>stringa condivisa numero ").append(i).append(" del foglio</t></si>");
        }
        return xml.append("</sst>").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String row(int r, String... cells) {
        StringBuilder b = new StringBuilder("<row r=\"").append(r).append("\">");
        for (int c = 0; c < cells.length; c++) {
            b.append("<c r=\"").append((char) ('A' + c)).append(r).append("\" t=\"inlineStr\"><is><t>").append(cells[c])
                    .append("</t></is></c>");
        }
        return b.append("</row>").toString();
    }

    /** A minimal workbook with the given first sheet and, if any, shared strings. */
    private static byte[] workbook(byte[] sheet, byte[] sharedStrings) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            put(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas."
                    + "openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/"
                    + "vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/"
                    + "xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-"
                    + "officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" "
                    + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                    + (sharedStrings == null ? "" : "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/"
                    + "vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>") + "</Types>");
            put(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas."
                    + "openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas."
                    + "openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                    + "</Relationships>");
            put(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"" + SHEET_NS
                    + "\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
                    + "<sheet name=\"Foglio1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            put(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\""
                    + "http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\""
                    + "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/"
                    + "sheet1.xml\"/>" + (sharedStrings == null ? "" : "<Relationship Id=\"rId2\" Type=\"http://schemas."
                    + "openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>")
                    + "</Relationships>");
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write(sheet);
            zip.closeEntry();
            if (sharedStrings != null) {
                zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
                zip.write(sharedStrings);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
