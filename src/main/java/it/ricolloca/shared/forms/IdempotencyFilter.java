package it.ricolloca.shared.forms;

import it.ricolloca.shared.web.ApiProblems;
import it.ricolloca.shared.web.Messages;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on every POST of the API: the first request with a key (per principal) acts and
 * its answer is kept; a retry with the same key and the same request acts no more and gets the same status
 * and body again (header {@code Idempotent-Replayed: true}); the same key with another request is refused
 * (422), and a retry while the first is still running too (409). Only an act that succeeded (2xx) keeps
 * its key: a refusal did nothing, so the same key may be sent again. The request is compared by a SHA-256
 * of its method, path, query, type and body: a JSON body is read once, at most
 * {@code ricolloca.limits.max-body}; the parts of an upload are read from where the server keeps them
 * (on disk), never whole in memory. A kept answer larger than {@code ricolloca.api.idempotency.max-stored}
 * is replayed with its status only. Without the header a POST works as before. Runs after Spring Security
 * (the principal is known) and before the application.
 */
@Component
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final int MAX_KEY = 200;

    private final IdempotencyKeys keys;
    private final Messages messages;
    private final long maxBody;
    private final long maxStored;

    IdempotencyFilter(IdempotencyKeys keys, Messages messages,
            @Value("${ricolloca.limits.max-body:1MB}") DataSize maxBody,
            @Value("${ricolloca.api.idempotency.max-stored:1MB}") DataSize maxStored) {
        this.keys = keys;
        this.messages = messages;
        this.maxBody = maxBody.toBytes();
        this.maxStored = maxStored.toBytes();
    }

    @Bean
    static FilterRegistrationBean<IdempotencyFilter> idempotencyRegistration(IdempotencyFilter f) {
        FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(f);
        registration.setOrder(1); // after Spring Security's chain (-100)
        return registration;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !ApiProblems.isApi(request) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        String key = request.getHeader(HEADER).strip();
        if (key.isEmpty() || key.length() > MAX_KEY || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            problem(request, response, 400, "api.idempotency.invalidKey", MAX_KEY);
            return;
        }
        String principal = auth.getName();
        HttpServletRequest read;
        String fingerprint;
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            update(digest, request.getMethod());
            update(digest, request.getRequestURI());
            update(digest, request.getQueryString());
            String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
            if (type.startsWith("multipart/")) {
                update(digest, "multipart");
                for (Part part : request.getParts()) {
                    update(digest, part.getName());
                    update(digest, part.getSubmittedFileName());
                    try (InputStream in = part.getInputStream()) {
                        byte[] buffer = new byte[8192];
                        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                            digest.update(buffer, 0, n);
                        }
                    }
                }
                read = request;
            } else if (type.startsWith("application/x-www-form-urlencoded")) {
                update(digest, type);
                Map<String, String[]> sorted = new TreeMap<>(request.getParameterMap());
                sorted.forEach((name, values) -> {
                    update(digest, name);
                    for (String v : values) {
                        update(digest, v);
                    }
                });
                read = request;
            } else {
                update(digest, type);
                byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBody + 1));
                if (body.length > maxBody) {
                    problem(request, response, 413, "body.tooLarge.text", Math.max(1, maxBody / (1024 * 1024)));
                    return;
                }
                digest.update(body);
                read = new Cached(request, body);
            }
            fingerprint = HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IllegalStateException | IOException e) {
            // An upload past the server's limits, or a body cut by the size filter.
            problem(request, response, 413, "error.413.text");
            return;
        }
        if (!keys.claim(principal, key, fingerprint)) {
            Optional<IdempotencyKeys.Claimed> claimed = keys.find(principal, key);
            if (claimed.isEmpty() && keys.claim(principal, key, fingerprint)) {
                act(read, response, chain, principal, key);
                return;
            }
            answerClaimed(request, response, claimed.orElse(null), fingerprint);
            return;
        }
        act(read, response, chain, principal, key);
    }

    private void act(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String principal,
            String key) throws ServletException, IOException {
        ContentCachingResponseWrapper cached = new ContentCachingResponseWrapper(response);
        boolean done = false;
        try {
            chain.doFilter(request, cached);
            int status = cached.getStatus();
            if (status >= 200 && status < 300) {
                byte[] body = cached.getContentSize() > maxStored ? null : cached.getContentAsByteArray();
                keys.complete(principal, key, status, cached.getContentType(), body);
                done = true;
            }
        } finally {
            if (!done) {
                keys.release(principal, key);
            }
            cached.copyBodyToResponse();
        }
    }

    private void answerClaimed(HttpServletRequest request, HttpServletResponse response, IdempotencyKeys.Claimed claimed,
            String fingerprint) throws IOException {
        if (claimed == null || !claimed.done()) {
            if (claimed != null && !claimed.fingerprint().equals(fingerprint)) {
                problem(request, response, 422, "api.idempotency.otherRequest");
                return;
            }
            problem(request, response, 409, "api.idempotency.inFlight");
            return;
        }
        if (!claimed.fingerprint().equals(fingerprint)) {
            problem(request, response, 422, "api.idempotency.otherRequest");
            return;
        }
        response.setStatus(claimed.status());
        response.setHeader(REPLAYED, "true");
        if (claimed.contentType() != null) {
            response.setContentType(claimed.contentType());
        }
        if (claimed.body() != null) {
            response.getOutputStream().write(claimed.body());
        }
    }

    private void problem(HttpServletRequest request, HttpServletResponse response, int status, String key,
            Object... args) throws IOException {
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/problem+json;charset=UTF-8");
        response.getOutputStream().write(ApiProblems.json(messages, status, key, messages.t(key, args),
                request.getRequestURI()).getBytes(StandardCharsets.UTF_8));
    }

    private static void update(MessageDigest digest, String s) {
        byte[] bytes = s == null ? new byte[0] : s.getBytes(StandardCharsets.UTF_8);
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
    }

    /** The request with its body already read, for the application to read again. */
    private static final class Cached extends HttpServletRequestWrapper {

        private final byte[] body;

        Cached(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public java.io.BufferedReader getReader() {
            String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
                    java.nio.charset.Charset.forName(encoding)));
        }
    }
}
