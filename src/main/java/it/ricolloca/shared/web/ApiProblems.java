package it.ricolloca.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * Errors of the API as RFC 9457 {@code application/problem+json}: {@code type} names the kind of problem
 * (a URN ending with the key of its Italian message), {@code title} is the status's Italian title,
 * {@code detail} the Italian message, {@code instance} the path that was called; {@code code} repeats the
 * message key for programs, and a refused form carries its field errors in {@code errors}
 * ({@code [{field, message}]}). Page routes keep their HTML error pages.
 */
public final class ApiProblems {

    /** The prefix of every problem type. */
    public static final String TYPE_PREFIX = "urn:ricolloca:problema:";

    /** The statuses that have a title of their own in the bundle. */
    private static final Set<Integer> TITLED = Set.of(400, 403, 404, 405, 409, 413, 429, 500, 503);

    private ApiProblems() {
    }

    /** A field that was refused, with its Italian message. */
    public record FieldError(String field, String message) {
    }

    /** Whether the request is one of the API's ({@code /api/…}). */
    public static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    /** The problem of a status, with the Italian detail and the key of its message. */
    public static ProblemDetail problem(Messages messages, int status, String code, String detail, String instance) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
        problem.setType(URI.create(TYPE_PREFIX + (code == null || code.isBlank() ? "error." + status : code)));
        problem.setTitle(title(messages, status));
        if (instance != null) {
            problem.setInstance(URI.create(instance.replace(" ", "%20")));
        }
        if (code != null) {
            problem.setProperty("code", code);
        }
        return problem;
    }

    /** The status's Italian title ({@code error.<status>.title}, the general one of its class otherwise). */
    public static String title(Messages messages, int status) {
        if (status == 422) {
            return messages.t("error.422.title");
        }
        int known = TITLED.contains(status) ? status : status >= 500 ? 500 : 400;
        return messages.t("error." + known + ".title");
    }

    /** The answer carrying the problem, with {@code Retry-After} on 503. */
    public static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (problem.getStatus() == 503) {
            answer.header(HttpHeaders.RETRY_AFTER, String.valueOf(ApiRefusals.RETRY_AFTER_SECONDS));
        }
        return answer.body(problem);
    }

    /** A refusal of the message {@code key}, with its arguments, for the called path. */
    public static ResponseEntity<ProblemDetail> refusal(Messages messages, HttpServletRequest request, int status,
            String key, Object... args) {
        return answer(problem(messages, status, key, messages.t(key, args), path(request)));
    }

    /** A refused body: 400 with the Italian message of each field. */
    public static ResponseEntity<ProblemDetail> invalid(Messages messages, HttpServletRequest request,
            List<FieldError> errors) {
        ProblemDetail problem = problem(messages, 400, "api.invalid", messages.t("api.invalid"), path(request));
        problem.setProperty("errors", errors.stream().map(e -> Map.of("field", e.field(), "message", e.message()))
                .toList());
        return answer(problem);
    }

    /** The path called, with its query. */
    public static String path(HttpServletRequest request) {
        return request.getRequestURI();
    }

    /** A problem written as JSON text by hand (filters that answer before the application). */
    public static String json(Messages messages, int status, String code, String detail, String instance) {
        return "{\"type\":\"" + escape(TYPE_PREFIX + code) + "\",\"title\":\"" + escape(title(messages, status))
                + "\",\"status\":" + status + ",\"detail\":\"" + escape(detail) + "\",\"instance\":\"" + escape(instance)
                + "\",\"code\":\"" + escape(code) + "\"}";
    }

    public static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
