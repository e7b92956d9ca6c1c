package it.ricolloca.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A real HTTP client with its own cookies that follows redirects one by one and remembers every address it
 * went through, as a browser would: for the single sign-on flow between Ricolloca and the
 * {@link TestIdentityProvider} without a browser.
 */
public final class BrowserlessSession {

    private static final Pattern HIDDEN = Pattern.compile("<input[^>]*type=\"hidden\"[^>]*>");
    private static final Pattern NAME = Pattern.compile("name=\"([^\"]+)\"");
    private static final Pattern VALUE = Pattern.compile("value=\"([^\"]*)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(30)).build();
    /** Every address requested, in order (redirects included). */
    public final List<URI> visited = new ArrayList<>();

    /** GET, following redirects: the last answer. */
    public HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return follow(send(HttpRequest.newBuilder(URI.create(url)).GET()));
    }

    /** POST of a form, following redirects: the last answer. */
    public HttpResponse<String> post(String url, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return follow(send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))));
    }

    /** The hidden fields of the first form of a page whose action ends with {@code action} (CSRF token and the like). */
    public static Map<String, String> hiddenFields(String html, String action) {
        Matcher form = Pattern.compile("<form[^>]*action=\"[^\"]*" + Pattern.quote(action) + "\"[^>]*>(.*?)</form>",
                Pattern.DOTALL).matcher(html);
        if (!form.find()) {
            throw new IllegalStateException("no form posting to " + action);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher input = HIDDEN.matcher(form.group(1));
        while (input.find()) {
            Matcher n = NAME.matcher(input.group());
            Matcher v = VALUE.matcher(input.group());
            if (n.find()) {
                fields.put(n.group(1), v.find() ? v.group(1).replace("&#x3D;", "=").replace("&amp;", "&") : "");
            }
        }
        return fields;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpRequest built = request.header("Accept", "text/html,application/xhtml+xml").timeout(Duration.ofSeconds(30))
                .build();
        visited.add(built.uri());
        return http.send(built, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> follow(HttpResponse<String> answer) throws IOException, InterruptedException {
        for (int hops = 0; hops < 20; hops++) {
            int status = answer.statusCode();
            if (status < 300 || status >= 400) {
                return answer;
            }
            URI next = answer.uri().resolve(answer.headers().firstValue("Location").orElseThrow());
            answer = send(HttpRequest.newBuilder(next).GET());
        }
        throw new IllegalStateException("too many redirects from " + answer.uri());
    }
}
