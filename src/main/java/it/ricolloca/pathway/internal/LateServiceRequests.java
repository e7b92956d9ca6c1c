package it.ricolloca.pathway.internal;

import it.ricolloca.audit.AuditTrail;
import it.ricolloca.conditionality.Breach;
import it.ricolloca.conditionality.BreachKind;
import it.ricolloca.conditionality.Conditionality;
import it.ricolloca.network.JobCentres;
import it.ricolloca.network.OfficeSummary;
import it.ricolloca.shared.Detail;
import it.ricolloca.shared.DomainException;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.Messages;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily job of the two-month rule (art. 23 c.4 D.Lgs. 150/2015): a released request still waiting
 * in the provider's queue, for which no first appointment was fixed by the last day of the two months
 * from the release, is proposed once to the worker's competent CPI as a breach of kind
 * {@link BreachKind#LATE_SERVICE_REQUEST}; the competent CPI decides. Never twice for the same request
 * ({@code pathway_late_request}, written before the breach in the same transaction): another node or
 * another run finds the row and skips it.
 */
@Service
public class LateServiceRequests {

    private static final Logger log = LoggerFactory.getLogger(LateServiceRequests.class);
    static final String ACTOR = "sistema";

    private record Candidate(long requestId, long workerId, long officeId, LocalDate releasedOn) {
    }

    private final JdbcClient jdbc;
    private final ServiceRequestTerms terms;
    private final Conditionality conditionality;
    private final JobCentres centres;
    private final AuditTrail audit;
    private final Messages messages;
    private final TransactionTemplate transactions;

    LateServiceRequests(JdbcClient jdbc, ServiceRequestTerms terms, Conditionality conditionality, JobCentres centres,
            AuditTrail audit, Messages messages, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.terms = terms;
        this.conditionality = conditionality;
        this.centres = centres;
        this.audit = audit;
        this.messages = messages;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Scheduled(cron = "${ricolloca.pathway.late-requests-cron:0 7 6 * * *}", zone = "Europe/Rome")
    void daily() {
        int proposed = proposeDue(Dates.today());
        if (proposed > 0) {
            log.info("Two-month rule: {} breach proposals sent to the competent CPIs", proposed);
        }
    }

    /**
     * Proposes the breaches due on {@code today}: one per request whose two months ended before it.
     * Returns how many were proposed now.
     */
    public int proposeDue(LocalDate today) {
        List<Candidate> queued = jdbc.sql("""
                select q.request_id, q.worker_id, q.office_id, q.released_on from pathway_queue q
                where not exists (select 1 from pathway_late_request l where l.request_id = q.request_id)
                  and not exists (select 1 from pathway_pathway p where p.request_id = q.request_id
                      and (p.started_on is not null or p.closed_on is not null))
                order by q.released_on, q.request_id""")
                .query((rs, n) -> new Candidate(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getDate(4).toLocalDate()))
                .list();
        if (queued.isEmpty()) {
            return 0;
        }
        ServiceRequestTerms.Calendar calendar = terms.calendar();
        List<Candidate> due = queued.stream().filter(c -> today.isAfter(calendar.lastDay(c.releasedOn()))).toList();
        if (due.isEmpty()) {
            return 0;
        }
        Set<Long> asked = terms.asked(due.stream().map(Candidate::requestId).toList(), today);
        int proposed = 0;
        for (Candidate c : due) {
            LocalDate last = calendar.lastDay(c.releasedOn());
            if (asked.contains(c.requestId()) && terms.asked(List.of(c.requestId()), last).contains(c.requestId())) {
                continue;
            }
            try {
                Boolean done = transactions.execute(s -> propose(c, last, today));
                proposed += Boolean.TRUE.equals(done) ? 1 : 0;
            } catch (DomainException e) {
                // e.g. a worker without a competent CPI: nothing is recorded, the next run tries again
                log.warn("Two-month rule: request {} not proposed ({})", c.requestId(), e.messageKey());
            }
        }
        return proposed;
    }

    private boolean propose(Candidate c, LocalDate last, LocalDate today) {
        int claimed = jdbc.sql("""
                insert into pathway_late_request (request_id, worker_id, released_on, last_day, proposed_on, breach_id)
                values (?, ?, ?, ?, ?, 0) on conflict (request_id) do nothing""")
                .params(c.requestId(), c.workerId(), c.releasedOn(), last, today).update();
        if (claimed == 0) {
            return false;
        }
        Breach breach = conditionality.reportFromProvider(ACTOR, c.workerId(), c.requestId(),
                centres.office(c.officeId()).map(OfficeSummary::label).orElse(""), BreachKind.LATE_SERVICE_REQUEST,
                last.plusDays(1), messages.t("pathway.serviceRequest.evidence", Dates.format(c.releasedOn()), Dates.format(last)));
        jdbc.sql("update pathway_late_request set breach_id = ? where request_id = ?").params(breach.getId(), c.requestId())
                .update();
        audit.recordAs(ACTOR, "PATHWAY_LATE_REQUEST_PROPOSED", "VoucherRequest", c.requestId(),
                Detail.of("audit.detail.lateRequest", Dates.format(c.releasedOn()), Dates.format(last), breach.getId())
                        .encoded());
        return true;
    }
}
