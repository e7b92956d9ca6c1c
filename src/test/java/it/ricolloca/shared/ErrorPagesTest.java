package it.ricolloca.shared;

import static it.ricolloca.support.DemoUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import it.ricolloca.support.IntegrationTest;
import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

@IntegrationTest
class ErrorPagesTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService userDetails;
    @LocalServerPort int port;

    @Test
    void anUnexpectedErrorShowsTheItalianPageWithoutAStackTrace() throws Exception {
        var response = mvc.perform(get("/error").accept(MediaType.TEXT_HTML)
                .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
                .requestAttr(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("segreto interno"))
                .with(as(userDetails, "tutor.torino"))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getContentAsString()).contains("Errore del sistema", "lang=\"it\"")
                .doesNotContain("segreto interno", "Exception", "at it.ricolloca");
    }

    @Test
    void aMissingPageAndAWrongIdAnswerInItalianOverRealHttp() throws Exception {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> api = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/nulla")).header("Authorization", "Bearer demo-token-regione").header("Accept", "application/json")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.body()).contains("Pagina non trovata").doesNotContain("trace");
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/centres/non-un-numero")).header("Authorization", "Bearer demo-token-regione")
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("Richiesta non valida", "Torna alla home").doesNotContain("Exception");
    }

    /**
     * A body over the limit is refused by its declared length before anything reads it: an upload past the
     * multipart limit with the Italian page, a JSON body past 1 MB with JSON, a form likewise.
     */
    @Test
    void aBodyOverTheLimitIsRefusedBeforeItIsRead() throws Exception {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        byte[] twoMegabytes = new byte[2 * 1024 * 1024];
        java.util.Arrays.fill(twoMegabytes, (byte) 'x');
        HttpResponse<String> json = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/requests/1/release")).header("Authorization", "Bearer demo-token-regione")
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(twoMegabytes)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(json.statusCode()).isEqualTo(413);
        assertThat(json.body()).contains("Richiesta troppo grande");
        HttpResponse<String> form = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/notices")).header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofByteArray(twoMegabytes)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).isEqualTo(413);
        assertThat(form.body()).contains("Richiesta troppo grande", "1 MB", "nulla è stato salvato");
        // An upload that declares 200 MB: the answer comes from the headers alone, no byte of the body is sent.
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /imports HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n"
                    + "Content-Type: multipart/form-data; boundary=x\r\nContent-Length: " + (200L * 1024 * 1024)
                    + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            java.io.ByteArrayOutputStream read = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n; !read.toString(java.nio.charset.StandardCharsets.UTF_8).contains("</html>")
                    && (n = socket.getInputStream().read(buffer)) > 0; ) {
                read.write(buffer, 0, n);
            }
            String answer = read.toString(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 413").contains("File troppo grande", "101 MB");
        }
    }
}
