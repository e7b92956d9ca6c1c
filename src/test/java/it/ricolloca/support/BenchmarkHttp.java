package it.ricolloca.support;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the benchmarks do over HTTP as a browser would: sign in through the login form (CSRF included). */
public final class BenchmarkHttp {

    private BenchmarkHttp() {
    }

    /** A new client that keeps its cookies and follows redirects, signed in as a demo user. */
    public static HttpClient signedIn(int port, String username) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        signIn(http, port, username);
        return http;
    }

    /** Signs the client (which must keep cookies) in as a demo user. */
    public static void signIn(HttpClient http, int port, String username) throws Exception {
        signIn(http, port, username, DemoUsers.PASSWORD);
    }

    /** Signs the client (which must keep cookies) in with the given password. */
    public static void signIn(HttpClient http, int port, String username, String password) throws Exception {
        String login = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        String form = "username=" + username + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
    }
}
