package it.ricolloca.shared.web;

import it.ricolloca.shared.DomainException;
import it.ricolloca.shared.NotFoundException;
import it.ricolloca.shared.acts.StaleFormException;
import it.ricolloca.shared.limits.NodeBusyException;
import it.ricolloca.shared.limits.TooLargeForNodeException;
import it.ricolloca.shared.tabular.FileTooLargeException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.reflect.Method;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns a lost race into an Italian 409 instead of a 500: a record changed meanwhile (its version),
 * or the same thing created twice at once (a unique key of the database, the last word when two
 * requests pass every check together). On the API ({@code /api/…}) every refusal is an RFC 9457
 * problem ({@link ApiProblems}): a body that fails its validation 400 with its field errors, a refusal of
 * the procedure's rules 409 with the Italian message, a stale version 409, a busy node 503 with
 * {@code Retry-After}, a file too large 413. Pages keep their Italian error pages.
 */
@ControllerAdvice
class GlobalExceptionHandling {

    /** PostgreSQL's SQLSTATE for a unique key already taken. */
    static final String UNIQUE_VIOLATION = "23505";

    private final Messages messages;

    GlobalExceptionHandling(Messages messages) {
        this.messages = messages;
    }

    @ExceptionHandler({OptimisticLockingFailureException.class, StaleFormException.class})
    ResponseEntity<ProblemDetail> conflict(Exception e, HttpServletRequest request, HttpServletResponse response)
            throws Exception {
        if (ApiProblems.isApi(request)) {
            return ApiProblems.refusal(messages, request, 409, "api.stale");
        }
        if (e instanceof StaleFormException) {
            throw e;
        }
        response.sendError(HttpServletResponse.SC_CONFLICT);
        return null;
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        if (!isUniqueViolation(e)) {
            throw e;
        }
        if (ApiProblems.isApi(request)) {
            return ApiProblems.refusal(messages, request, 409, "error.duplicate.text");
        }
        request.setAttribute(ErrorKeys.TITLE, "error.duplicate.title");
        request.setAttribute(ErrorKeys.TEXT, "error.duplicate.text");
        response.sendError(HttpServletResponse.SC_CONFLICT);
        return null;
    }

    /** Large work refused because the node lends its memory to other large work now: try again later. */
    @ExceptionHandler(NodeBusyException.class)
    ResponseEntity<ProblemDetail> busy(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (ApiProblems.isApi(request)) {
            return ApiProblems.refusal(messages, request, 503, "limits.busy");
        }
        request.setAttribute(ErrorKeys.TITLE, "limits.busy.title");
        request.setAttribute(ErrorKeys.TEXT, "limits.busy");
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(ApiRefusals.RETRY_AFTER_SECONDS));
        response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        return null;
    }

    /** Work larger than the node ever lends memory to. */
    @ExceptionHandler(TooLargeForNodeException.class)
    ResponseEntity<ProblemDetail> tooLarge(TooLargeForNodeException e, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        if (ApiProblems.isApi(request)) {
            return ApiProblems.refusal(messages, request, 413, e.messageKey(), e.args());
        }
        request.setAttribute(ErrorKeys.TITLE, "error.413.title");
        request.setAttribute(ErrorKeys.TEXT, "limits.tooLarge");
        request.setAttribute(ErrorKeys.TEXT_ARG, e.args()[0]);
        response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        return null;
    }

    /**
     * A refusal of the procedure's rules that reached the API (pages catch theirs and show them on the
     * form): 409 with the Italian message, 413 for a file too large. A page's is not handled here.
     */
    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> refused(DomainException e, HttpServletRequest request) {
        if (!ApiProblems.isApi(request)) {
            throw e;
        }
        int status = e instanceof FileTooLargeException ? 413 : 409;
        ResponseEntity<ProblemDetail> answer = ApiProblems.refusal(messages, request, status, e.messageKey(),
                readableArgs(messages, e.args()));
        if (status == 409) {
            answer.getBody().setTitle(messages.t("api.refused.title"));
        }
        return answer;
    }

    /** A record that does not exist or is outside the user's scope, on the API: 404 as a problem. */
    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e, HttpServletRequest request) {
        if (!ApiProblems.isApi(request)) {
            throw e;
        }
        return ApiProblems.refusal(messages, request, 404, "error.404.text");
    }

    /** An act the user holds no right for, on the API: 403 as a problem. */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e, HttpServletRequest request) {
        if (!ApiProblems.isApi(request)) {
            throw e;
        }
        return ApiProblems.refusal(messages, request, 403, "error.403.text");
    }

    /** An unknown path under the API: 404 as a problem. */
    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noRoute(NoResourceFoundException e, HttpServletRequest request) throws Exception {
        if (!ApiProblems.isApi(request)) {
            throw e;
        }
        return ApiProblems.refusal(messages, request, 404, "error.404.text");
    }

    /** A body or its fields that failed validation: 400 with the message of each field. */
    @ExceptionHandler({BindException.class, HandlerMethodValidationException.class})
    ResponseEntity<ProblemDetail> invalid(Exception e, HttpServletRequest request) throws Exception {
        if (!ApiProblems.isApi(request)) {
            throw e;
        }
        List<ApiProblems.FieldError> errors = new ArrayList<>();
        if (e instanceof BindException bind) {
            BindingResult result = bind.getBindingResult();
            for (FieldError f : result.getFieldErrors()) {
                errors.add(new ApiProblems.FieldError(f.getField(), text(f)));
            }
            result.getGlobalErrors().forEach(g -> errors.add(new ApiProblems.FieldError("", text(g))));
        } else if (e instanceof HandlerMethodValidationException validation) {
            validation.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(error ->
                    errors.add(new ApiProblems.FieldError(r.getMethodParameter().getParameterName(), text(error)))));
        }
        return ApiProblems.invalid(messages, request, errors);
    }

    /** A body that cannot be read (not JSON, a wrong type or date), a missing parameter or header: 400. */
    @ExceptionHandler({HttpMessageNotReadableException.class, MissingServletRequestParameterException.class,
        MissingRequestHeaderException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<ProblemDetail> unreadable(Exception e, HttpServletRequest request) throws Exception {
        if (!ApiProblems.isApi(request)) {
            throw e;
        }
        return ApiProblems.refusal(messages, request, 400, "api.unreadable");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(Exception e, HttpServletRequest request) throws Exception {
        if (!ApiProblems.isApi(request)) {
            throw e;
        }
        return ApiProblems.refusal(messages, request, 415, "api.mediaType");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(Exception e, HttpServletRequest request) throws Exception {
        if (!ApiProblems.isApi(request)) {
            throw e;
        }
        return ApiProblems.refusal(messages, request, 405, "error.405.text");
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> upload(Exception e, HttpServletRequest request) throws Exception {
        if (!ApiProblems.isApi(request)) {
            throw e;
        }
        return ApiProblems.refusal(messages, request, 413, "error.413.text");
    }

    private String text(MessageSourceResolvable error) {
        return messages.t(error);
    }

    /** Arguments as a person reads them: a status or kind by its label, a date as gg/mm/aaaa. */
    public static Object[] readableArgs(Messages messages, Object[] args) {
        Object[] out = args == null ? new Object[0] : args.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof LocalDate d) {
                out[i] = Dates.format(d);
            } else if (out[i] instanceof Enum<?> value) {
                out[i] = label(messages, value);
            }
        }
        return out;
    }

    private static Object label(Messages messages, Enum<?> value) {
        try {
            Method m = value.getClass().getMethod("labelKey");
            return messages.t((String) m.invoke(value));
        } catch (ReflectiveOperationException | RuntimeException ex) {
            return value.name();
        }
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
