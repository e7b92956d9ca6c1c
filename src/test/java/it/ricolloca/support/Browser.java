package it.ricolloca.support;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser's session over real HTTP, for the tests where sessions, cookies and the form tokens must be
 * the real ones: it keeps its cookies, does not follow redirects, and sends a page's form with the CSRF and
 * one-time tokens the page wrote.
 */
public final class Browser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern ONCE = Pattern.compile("name=\"_once\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final int port;

    public Browser(int port) {
        this.port = port;
    }

    public Browser signIn(String username, String password) throws Exception {
        BenchmarkHttp.signIn(http, port, username, password);
        return this;
    }

    public HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Opens the page and sends its first form's tokens with the given fields (as the user would fill them). */
    public HttpResponse<String> submit(String pagePath, String actionPath, Map<String, String> fields) throws Exception {
        String page = get(pagePath).body();
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", first(CSRF, page));
        all.put("_once", first(ONCE, page));
        return post(actionPath, all);
    }

    /** Sends exactly these fields. */
    public HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
        StringBuilder form = new StringBuilder();
        fields.forEach((k, v) -> form.append(form.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Opens the page and uploads a file with its form's tokens and the given fields, as a multipart form.
     */
    public HttpResponse<String> upload(String pagePath, String actionPath, String fileField, String fileName,
            byte[] content, Map<String, String> fields) throws Exception {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.putAll(tokens(pagePath));
        return upload(actionPath, fileField, fileName, content, all);
    }

    /** The CSRF and one-time tokens of the page's first form, to send with a form prepared in advance. */
    public Map<String, String> tokens(String pagePath) throws Exception {
        HttpResponse<String> page = get(pagePath);
        if (page.statusCode() != 200) {
            throw new IllegalStateException(pagePath + " answered " + page.statusCode());
        }
        return Map.of("_csrf", first(CSRF, page.body()), "_once", first(ONCE, page.body()));
    }

    /** Uploads a file with exactly these fields (tokens included), as a multipart form. */
    public HttpResponse<String> upload(String actionPath, String fileField, String fileName, byte[] content,
            Map<String, String> all) throws Exception {
        String boundary = "----ricolloca" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream(content.length + 4096);
        for (Map.Entry<String, String> f : all.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
                    + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(uri(actionPath)).header("Content-Type", "multipart/form-data; boundary="
                + boundary).header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request as a script on a page would send it: the session cookie, no token of any kind. */
    public HttpResponse<String> postBare(String path, String contentType, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The CSRF token a page wrote. */
    public String csrf(String pagePath) throws Exception {
        return first(CSRF, get(pagePath).body());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String first(Pattern p, String page) {
        Matcher m = p.matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no " + p + " on the page");
        }
        return m.group(1);
    }
}
