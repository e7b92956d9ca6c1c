package it.ricolloca.shared.web;

import it.ricolloca.shared.limits.NodeBusyException;
import it.ricolloca.shared.limits.TooLargeForNodeException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Turns a lost race into an Italian 409 instead of a 500: a record changed meanwhile (its version),
 * or the same thing created twice at once (a unique key of the database, the last word when two
 * requests pass every check together).
 */
@ControllerAdvice
class GlobalExceptionHandling {

    /** PostgreSQL's SQLSTATE for a unique key already taken. */
    static final String UNIQUE_VIOLATION = "23505";

    @ExceptionHandler(OptimisticLockingFailureException.class)
    void conflict(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_CONFLICT);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    void integrity(DataIntegrityViolationException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (!isUniqueViolation(e)) {
            throw e;
        }
        request.setAttribute(ErrorKeys.TITLE, "error.duplicate.title");
        request.setAttribute(ErrorKeys.TEXT, "error.duplicate.text");
        response.sendError(HttpServletResponse.SC_CONFLICT);
    }

    /** Large work refused because the node lends its memory to other large work now: try again later. */
    @ExceptionHandler(NodeBusyException.class)
    void busy(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setAttribute(ErrorKeys.TITLE, "limits.busy.title");
        request.setAttribute(ErrorKeys.TEXT, "limits.busy");
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(ApiRefusals.RETRY_AFTER_SECONDS));
        response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    }

    /** Work larger than the node ever lends memory to. */
    @ExceptionHandler(TooLargeForNodeException.class)
    void tooLarge(TooLargeForNodeException e, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        request.setAttribute(ErrorKeys.TITLE, "error.413.title");
        request.setAttribute(ErrorKeys.TEXT, "limits.tooLarge");
        request.setAttribute(ErrorKeys.TEXT_ARG, e.args()[0]);
        response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
    }

    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return e instanceof DuplicateKeyException;
    }
}
