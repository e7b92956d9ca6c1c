package it.ricolloca.requests.web;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.requests.RequestStatus;
import it.ricolloca.requests.VoucherRequest;
import it.ricolloca.requests.internal.RequestQueries;
import java.util.LinkedHashMap;
import java.util.Map;

/** A request as the API answers it, the same for a read and after every act. */
final class RequestAnswers {

    private RequestAnswers() {
    }

    /** The request, its version, its events and, after a notice of rejection, the notice's dates and terms. */
    static Map<String, Object> of(RequestQueries queries, CurrentUser user, long id) {
        VoucherRequest r = queries.load(user, id);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("request", queries.get(user, id));
        answer.put("version", r.getVersion());
        answer.put("events", queries.events(id));
        if (r.getStatus() == RequestStatus.NOTICE_OF_REJECTION || r.getRejectionNoticeReasons() != null) {
            Map<String, Object> notice = new LinkedHashMap<>();
            notice.put("sentOn", r.getRejectionNoticeDate());
            notice.put("receivedOn", r.getRejectionNoticeReceivedOn());
            notice.put("observationDeadline", r.getObservationDeadline());
            notice.put("regime", r.regime());
            answer.put("notice", notice);
        }
        return answer;
    }
}
