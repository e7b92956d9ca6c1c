package it.ricolloca.security;

import static it.ricolloca.support.DemoUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static it.ricolloca.support.FormPosts.csrfOnce;

import it.ricolloca.support.IntegrationTest;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Walks every form and API endpoint the application declares, as the regional administrator and
 * as a CPI master, with hostile values in every field it reads (empty, 1 MB as the administrator, control characters,
 * right-to-left marks, script and SQL, path traversal, wrong types, impossible dates), hostile
 * path variables and hostile file names: never a 5xx, never the script echoed unescaped, and an
 * answer that refuses leaves no trace in the audit trail (nothing stored). Forms
 * without their CSRF token are refused with 403. The routes come from the application itself, so
 * a new form is walked without touching this test.
 */
@IntegrationTest
class HostileInputTest {

    private static final String SCRIPT = "<script>alert('ricolloca')</script>";
    private static final String SQL = "' OR 1=1; DROP TABLE accounts_user; --";
    private static final String CONTROL = "\u0000\u0007\u001b\u007f";
    private static final List<String> PAYLOADS = List.of("", "   ", CONTROL, "\u202Eevil\u202C\u200F",
            SCRIPT, SQL, "../../../../etc/passwd", "-1",
            "99999999999999999999999", "1e309", "NaN", "2026-02-31", "31/02/2026", "true\"}", "%00%2e%2e%2f");
    private static final List<String> ON_HOSTILE_PATHS = List.of(SCRIPT, SQL, CONTROL);
    private static final String MEGABYTE = "x".repeat(1_000_000);
    private static final List<String> PATH_VALUES = List.of("999999999", "abc", "..%2F..%2Fetc%2Fpasswd");
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    record Endpoint(HttpMethod method, String pattern, Set<String> fields, boolean multipart, boolean json) {
    }

    @Test
    void hostileValuesInEveryFieldNeverBreakThePageNorComeBackUnescaped() throws Exception {
        List<String> wrong = new ArrayList<>();
        List<Endpoint> endpoints = endpoints();
        assertThat(endpoints).hasSizeGreaterThan(60);
        // Each user is loaded once, as the login would load them.
        Map<String, RequestPostProcessor> signedIn = Map.of("regione", as(users, "regione"), "master.torino",
                as(users, "master.torino"));
        for (Endpoint e : endpoints) {
            for (String user : List.of("regione", "master.torino")) {
                // The administrator meets every hostile path; a CPI master the first (their scope is the point).
                List<String> all = paths(e.pattern());
                for (String path : user.equals("regione") ? all : all.subList(0, 1)) {
                    // Every hostile value on the first path (a well-formed address); on the paths that are attacks
                    // themselves (a word for a number, a traversal) the script, the SQL and control characters.
                    List<String> values = new ArrayList<>(path.equals(all.get(0)) ? PAYLOADS : ON_HOSTILE_PATHS);
                    if (path.equals(all.get(0)) && user.equals("regione")) {
                        values.add(MEGABYTE); // the size is the node's concern, the same for any user
                    }
                    for (String value : values) {
                        long audited = lastAuditEntry();
                        MvcResult r = mvc.perform(request(e, path, value).with(signedIn.get(user))).andReturn();
                        check(wrong, e, path, user, value, r);
                        if (refused(e, path, r)) {
                            jdbc.sql("select action from audit_entry where id > ? and actor = ?").params(audited, user)
                                    .query(String.class).list().stream().filter(a -> !AUDITED_REFUSALS.contains(a))
                                    .forEach(action -> wrong.add(e.method() + " " + path + " as " + user
                                            + " was refused but stored something (audit: " + action + ")"));
                        }
                    }
                }
            }
        }
        // The walk's wrong current passwords were real failures, counted against this workstation: lift them,
        // as an administrator would, so that later tests sign in as these users from here.
        List.of("regione", "master.torino").forEach(guard::unlock);
        assertThat(wrong).isEmpty();
    }

    /** Refusals that are themselves recorded, by design: a wrong current password is a security event. */
    static final Set<String> AUDITED_REFUSALS = Set.of("PASSWORD_CHANGE_FAILED", "SIGN_IN_SOURCE_LOCKED");

    @Autowired it.ricolloca.accounts.internal.SignInGuard guard;

    @Test
    void formsWithoutTheirCsrfTokenAreRefused() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Endpoint e : endpoints()) {
            if (e.method() != HttpMethod.POST || e.pattern().startsWith("/api/") || e.pattern().equals("/logout")) {
                continue;
            }
            String path = paths(e.pattern()).get(0);
            MockHttpServletRequestBuilder r = MockMvcRequestBuilders.post(path).with(as(users, "regione"));
            e.fields().forEach(f -> r.param(f, "valore"));
            int status = mvc.perform(r).andReturn().getResponse().getStatus();
            if (status != 403) {
                wrong.add("POST " + path + " without CSRF: " + status);
            }
        }
        assertThat(wrong).isEmpty();
    }

    /**
     * Whether the answer says nothing was done, so nothing may have been stored: a 4xx, a form shown again
     * with its errors, or any route whose path names a record that does not exist (every hostile path does).
     * Every change the application makes is in the audit trail, so "nothing stored" is "no audit entry".
     */
    private static boolean refused(Endpoint e, String path, MvcResult r) throws Exception {
        int status = r.getResponse().getStatus();
        if (!path.equals(e.pattern()) || (status >= 400 && status < 500)) {
            return true;
        }
        String body = r.getResponse().getContentAsString();
        return e.method() == HttpMethod.POST && status == 200
                && (body.contains("is-invalid") || body.contains("alert-danger"));
    }

    private long lastAuditEntry() {
        return jdbc.sql("select coalesce(max(id), 0) from audit_entry").query(Long.class).single();
    }

    private static void check(List<String> wrong, Endpoint e, String path, String user, String value, MvcResult r)
            throws Exception {
        int status = r.getResponse().getStatus();
        String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        if (status >= 500) {
            wrong.add(e.method() + " " + path + " as " + user + " with [" + shown + "]: " + status);
        }
        String body = r.getResponse().getContentAsString();
        if (body.contains(SCRIPT)) {
            wrong.add(e.method() + " " + path + " as " + user + ": the script came back unescaped");
        }
    }

    private AbstractMockHttpServletRequestBuilder<?> request(Endpoint e, String path, String value) {
        AbstractMockHttpServletRequestBuilder<?> r;
        if (e.multipart()) {
            MockMultipartHttpServletRequestBuilder m = MockMvcRequestBuilders.multipart(path);
            m.file(new MockMultipartFile("file", "../../../etc/" + value.substring(0, Math.min(value.length(), 100))
                    + ".pdf", "application/pdf", value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            r = m;
        } else {
            r = MockMvcRequestBuilders.request(e.method(), path);
        }
        if (e.json()) {
            r.contentType(MediaType.APPLICATION_JSON).content(value.equals("") ? "{" : "{\"note\": \"" + jsonEscape(value)
                    + "\", \"reasons\": \"" + jsonEscape(value) + "\", \"version\": \"" + jsonEscape(value) + "\"}");
        }
        for (String f : e.fields()) {
            r.param(f, value);
        }
        r.accept(MediaType.TEXT_HTML, MediaType.APPLICATION_JSON, MediaType.ALL);
        if (e.method() == HttpMethod.POST) {
            r.with(csrfOnce());
        }
        return r;
    }

    private static String jsonEscape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Every pattern with each hostile value in its path variables (the first one with numbers). */
    private static List<String> paths(String pattern) {
        Matcher m = VARIABLE.matcher(pattern);
        if (!m.find()) {
            return List.of(pattern);
        }
        List<String> paths = new ArrayList<>();
        for (String v : PATH_VALUES) {
            paths.add(VARIABLE.matcher(pattern).replaceAll(v));
        }
        return paths;
    }

    /** The application's own routes that take input (every POST, and every GET that reads parameters). */
    private List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> h : mappings.getHandlerMethods().entrySet()) {
            Set<String> fields = new TreeSet<>();
            boolean multipart = false;
            boolean json = false;
            boolean anyMap = false;
            for (Parameter p : h.getValue().getMethod().getParameters()) {
                RequestParam rp = p.getAnnotation(RequestParam.class);
                if (p.getType() == MultipartFile.class) {
                    multipart = true;
                } else if (rp != null && Map.class.isAssignableFrom(p.getType())) {
                    anyMap = true;
                } else if (rp != null) {
                    fields.add(!rp.name().isEmpty() ? rp.name() : !rp.value().isEmpty() ? rp.value() : p.getName());
                } else if (p.getAnnotation(RequestBody.class) != null) {
                    json = true;
                } else if (p.getAnnotation(PathVariable.class) == null && p.getType().isRecord()
                        && p.getType().getName().startsWith("it.ricolloca")) {
                    for (RecordComponent c : p.getType().getRecordComponents()) {
                        fields.add(c.getName());
                    }
                }
            }
            if (anyMap) {
                fields.addAll(List.of("q", "title", "body", "name", "text", "note", "reason", "from", "to", "centre",
                        "province", "status", "kind", "page", "onDate", "start", "end", "place", "trainer", "capacity",
                        "profile", "positions", "arrivedOn", "companyName", "version"));
            }
            Set<String> patterns = new LinkedHashSet<>(h.getKey().getPatternValues());
            var methods = h.getKey().getMethodsCondition().getMethods();
            for (String pattern : patterns) {
                if (pattern.equals("/error") || pattern.startsWith("/v3/api-docs") || pattern.equals("/logout")) {
                    continue;
                }
                for (var m : methods.isEmpty() ? Set.of(org.springframework.web.bind.annotation.RequestMethod.GET)
                        : methods) {
                    HttpMethod method = HttpMethod.valueOf(m.name());
                    if (method == HttpMethod.POST || !fields.isEmpty() || VARIABLE.matcher(pattern).find()) {
                        endpoints.add(new Endpoint(method, pattern, fields, multipart, json));
                    }
                }
            }
        }
        return endpoints;
    }
}
