package it.ricolloca.shared.web;

import it.ricolloca.shared.DomainException;
import it.ricolloca.shared.limits.NodeBusyException;
import it.ricolloca.shared.limits.TooLargeForNodeException;
import it.ricolloca.shared.tabular.FileTooLargeException;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * A refusal as the API answers it, JSON with the Italian message: 503 with {@code Retry-After} when the
 * node is busy with other large work (the same call may succeed later), 413 when the file is larger than
 * the node accepts, 400 for every other refusal.
 */
public final class ApiRefusals {

    /** Seconds a client should wait before retrying on a busy node. */
    public static final int RETRY_AFTER_SECONDS = 120;

    private ApiRefusals() {
    }

    public static ResponseEntity<Map<String, Object>> of(DomainException e, Messages messages) {
        int status = e instanceof NodeBusyException ? 503
                : e instanceof TooLargeForNodeException || e instanceof FileTooLargeException ? 413 : 400;
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(status);
        if (status == 503) {
            answer.header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
        }
        return answer.body(Map.of("status", status, "message", messages.t(e.messageKey(), e.args())));
    }
}
