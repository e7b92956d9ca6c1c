package it.ricolloca.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/** Error pages in Italian, never with a stack trace; JSON for API clients. */
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
        ModelAndView mav = new ModelAndView("shared/error", HttpStatus.valueOf(status));
        int known = KNOWN.contains(status) ? status : (status >= 500 ? 500 : 400);
        mav.addObject("titleKey", key(request, ErrorKeys.TITLE, "error." + known + ".title"));
        mav.addObject("textKey", key(request, ErrorKeys.TEXT, "error." + known + ".text"));
        mav.addObject("textArg", request.getAttribute(ErrorKeys.TEXT_ARG));
        return mav;
    }

    @RequestMapping("/error")
    ResponseEntity<Map<String, Object>> errorJson(HttpServletRequest request) {
        int status = status(request);
        int known = KNOWN.contains(status) ? status : (status >= 500 ? 500 : 400);
        return ResponseEntity.status(status)
                .body(Map.of("status", status, "message", messages.t(key(request, ErrorKeys.TITLE,
                        "error." + known + ".title"))));
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
