package it.ricolloca.shared.web;

import it.ricolloca.shared.DomainException;
import it.ricolloca.shared.limits.NodeBusyException;
import it.ricolloca.shared.limits.TooLargeForNodeException;
import it.ricolloca.shared.tabular.FileTooLargeException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A refusal of a file as the API answers it, an RFC 9457 problem with the Italian message
 * ({@link ApiProblems}): 503 with {@code Retry-After} when the node is busy with other large work (the
 * same call may succeed later), 413 when the file is larger than the node accepts, 400 for every other
 * refusal of the file.
 */
public final class ApiRefusals {

    /** Seconds a client should wait before retrying on a busy node. */
    public static final int RETRY_AFTER_SECONDS = 120;

    private ApiRefusals() {
    }

    public static ResponseEntity<ProblemDetail> of(DomainException e, Messages messages) {
        int status = e instanceof NodeBusyException ? 503
                : e instanceof TooLargeForNodeException || e instanceof FileTooLargeException ? 413 : 400;
        return ApiProblems.answer(ApiProblems.problem(messages, status, e.messageKey(),
                messages.t(e.messageKey(), e.args()), currentPath()));
    }

    /** A refused file or parameter (400) with the message {@code key}. */
    public static ResponseEntity<ProblemDetail> badRequest(Messages messages, String key) {
        return ApiProblems.answer(ApiProblems.problem(messages, 400, key, messages.t(key), currentPath()));
    }

    private static String currentPath() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return ApiProblems.path(request);
        }
        return null;
    }
}
