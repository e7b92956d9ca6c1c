package it.ricolloca.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.web.util.HtmlUtils;

/**
 * An Italian error answer written by a filter itself, before and without the rest of the application: no
 * error dispatch, no session, no database, no reading of the request's body or parameters. A short page
 * for browsers, an RFC 9457 problem for the API.
 */
public final class PlainErrorPage {

    private PlainErrorPage() {
    }

    public static void write(HttpServletRequest request, HttpServletResponse response, int status, String title,
            String text) throws IOException {
        response.resetBuffer();
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setContentType("application/problem+json;charset=UTF-8");
            response.getOutputStream().write(("{\"type\":\"" + ApiProblems.TYPE_PREFIX + "error." + status + "\",\"title\":\""
                    + ApiProblems.escape(title) + "\",\"status\":" + status + ",\"detail\":\"" + ApiProblems.escape(text)
                    + "\",\"instance\":\"" + ApiProblems.escape(request.getRequestURI()) + "\"}")
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        response.setContentType("text/html;charset=UTF-8");
        byte[] page = ("<!DOCTYPE html><html lang=\"it\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
                + "content=\"width=device-width, initial-scale=1\"><title>" + HtmlUtils.htmlEscape(title, "UTF-8")
                + " · Ricolloca</title><link rel=\"stylesheet\" href=\"/css/app.css\"></head><body><main "
                + "class=\"container my-5\"><h1>" + HtmlUtils.htmlEscape(title, "UTF-8") + "</h1><p>"
                + HtmlUtils.htmlEscape(text, "UTF-8") + "</p><p><a href=\"/\">Torna alla home</a></p></main></body></html>")
                .getBytes(StandardCharsets.UTF_8);
        response.getOutputStream().write(page);
    }
}
