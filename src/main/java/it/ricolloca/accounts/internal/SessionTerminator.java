package it.ricolloca.accounts.internal;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends every open session of a user whose access changed (disabled, roles or CPI changed,
 * password reset), so that the change applies at once on every node, not at the next login.
 */
@Component
class SessionTerminator {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    SessionTerminator(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    void endSessionsOf(String username) {
        endSessionsOf(username, null);
    }

    /** Ends the user's sessions but the one given (the session that made the change), if any. */
    void endSessionsOf(String username, String keep) {
        sessions.findByPrincipalName(username).keySet().stream().filter(id -> !id.equals(keep))
                .forEach(sessions::deleteById);
    }
}
