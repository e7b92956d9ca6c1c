package it.ricolloca.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/** Error pages in Italian, never with a stack trace; RFC 9457 problems (JSON) for API clients. */
@Controller
class ErrorPageController implements ErrorController {

    private static final Set<Integer> KNOWN = Set.of(400, 403, 404, 405, 409, 413, 429, 500, 503);

    private final Messages messages;

    ErrorPageController(Messages messages) {
        this.messages = messages;
    }

    @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView errorPage(HttpServletRequest request, HttpServletResponse response) {
        int status = status(request);
        response.setStatus(status);
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri
                && uri.startsWith(request.getContextPath() + "/api/")) {
            // The API answers problems even to a client that prefers HTML.
            ResponseEntity<ProblemDetail> problem = errorJson(request, response);
            ProblemDetail p = problem.getBody();
            String json = ApiProblems.json(messages, status, p.getProperties() == null ? "error." + status
                    : String.valueOf(p.getProperties().get("code")), p.getDetail(), uri);
            return new ModelAndView((model, req, res) -> {
                res.setStatus(status);
                res.setContentType("application/problem+json;charset=UTF-8");
                res.getOutputStream().write(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            });
        }
        ModelAndView mav = new ModelAndView("shared/error", HttpStatus.valueOf(status));
        int known = KNOWN.contains(status) ? status : (status >= 500 ? 500 : 400);
        mav.addObject("titleKey", key(request, ErrorKeys.TITLE, "error." + known + ".title"));
        mav.addObject("textKey", key(request, ErrorKeys.TEXT, "error." + known + ".text"));
        mav.addObject("textArg", request.getAttribute(ErrorKeys.TEXT_ARG));
        return mav;
    }

    /** Every other client (the API's): an RFC 9457 problem with the Italian title and text. */
    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> errorJson(HttpServletRequest request, HttpServletResponse response) {
        int status = status(request);
        int known = KNOWN.contains(status) ? status : (status >= 500 ? 500 : 400);
        String textKey = key(request, ErrorKeys.TEXT, "error." + known + ".text");
        Object arg = request.getAttribute(ErrorKeys.TEXT_ARG);
        String detail = arg == null ? messages.t(textKey) : messages.t(textKey, arg);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        ProblemDetail problem = ApiProblems.problem(messages, status, textKey, detail, uri instanceof String u ? u : null);
        problem.setTitle(messages.t(key(request, ErrorKeys.TITLE, "error." + known + ".title")));
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        String retry = response.getHeader(HttpHeaders.RETRY_AFTER);
        if (retry != null) {
            answer.header(HttpHeaders.RETRY_AFTER, retry);
        }
        return answer.body(problem);
    }

    /** The message a filter named for this error, or the status's general one. */
    private static String key(HttpServletRequest request, String attribute, String general) {
        return request.getAttribute(attribute) instanceof String k ? k : general;
    }

    private static int status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        return code instanceof Integer i && i >= 400 ? i : 500;
    }
}
