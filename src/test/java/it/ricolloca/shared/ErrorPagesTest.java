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
}
