package it.ricolloca.requests.web;

import it.ricolloca.requests.RequestAction;
import it.ricolloca.requests.RequestStatus;
import it.ricolloca.shared.DomainException;
import it.ricolloca.shared.web.Messages;
import org.springframework.stereotype.Component;

/** The Italian text of a refusal, with statuses and actions named as the user reads them. */
@Component
class RefusalText {

    private final Messages messages;

    RefusalText(Messages messages) {
        this.messages = messages;
    }

    String of(DomainException e) {
        return messages.t(e.messageKey(), args(e));
    }

    Object[] args(DomainException e) {
        Object[] args = e.args() == null ? new Object[0] : e.args().clone();
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof RequestStatus s) {
                args[i] = messages.t(s.labelKey());
            } else if (args[i] instanceof RequestAction a) {
                args[i] = messages.t(a.labelKey());
            }
        }
        return args;
    }
}
