package it.ricolloca.requests.internal;

import it.ricolloca.parameters.Parameter;
import it.ricolloca.parameters.Parameters;
import it.ricolloca.requests.RequestRefusedException;
import it.ricolloca.requests.RequestStatus;
import it.ricolloca.requests.VoucherRequest;
import it.ricolloca.shared.web.Dates;
import java.time.LocalDate;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Silence means approval ({@code SILENCE_MEANS_APPROVAL}, off by default): when the parameter is on for a
 * request's deadline date, a request whose decision deadline passed with no notice pending and no decision
 * is released by {@value RequestWorkflow#SYSTEM} ({@link RequestWorkflow#releaseIfSilent}). Every night for
 * all requests, on one node, and whenever a request's page is opened; nothing at all while the parameter
 * was never on.
 */
@Component
public class SilenceApprovals {

    private static final Logger log = LoggerFactory.getLogger(SilenceApprovals.class);
    private static final int BATCH = 1_000;

    private final RequestWorkflow workflow;
    private final Parameters parameters;
    private final JdbcClient jdbc;

    SilenceApprovals(RequestWorkflow workflow, Parameters parameters, JdbcClient jdbc) {
        this.workflow = workflow;
        this.parameters = parameters;
        this.jdbc = jdbc;
    }

    /** The rule applied to one request (its page is being opened); whether it was released. */
    public boolean applyTo(VoucherRequest request) {
        RequestStatus s = request.getStatus();
        if (s != RequestStatus.REQUESTED && s != RequestStatus.UNDER_REVIEW && s != RequestStatus.REENABLED) {
            return false;
        }
        return everOn() && workflow.releaseIfSilent(request.getId());
    }

    /** Every night, on one node. */
    @Scheduled(cron = "0 41 1 * * *", zone = "Europe/Rome")
    @SchedulerLock(name = "requests-silence-approval", lockAtMostFor = "PT30M")
    public void nightly() {
        int released = applyToAll();
        if (released > 0) {
            log.info("Richieste rilasciate per silenzio-assenso: {}", released);
        }
    }

    /**
     * The rule applied to every undecided request with no notice pending whose nominal deadline (the shortest
     * decision term ever in force) has passed, in batches, each request in its own transaction.
     */
    public int applyToAll() {
        if (!everOn()) {
            return 0;
        }
        int shortest = parameters.history(Parameter.DECISION_DEADLINE_DAYS).stream()
                .mapToInt(p -> Integer.parseInt(p.value())).min().orElse(0);
        LocalDate today = Dates.today();
        int released = 0;
        long after = 0;
        List<Long> batch;
        do {
            batch = jdbc.sql("""
                    select id from requests_voucher_request
                    where status in ('REQUESTED', 'UNDER_REVIEW', 'REENABLED') and request_date + ? < ? and id > ?
                    order by id limit ?""").params(shortest, today, after, BATCH).query(Long.class).list();
            for (long id : batch) {
                try {
                    if (workflow.releaseIfSilent(id)) {
                        released++;
                    }
                } catch (RequestRefusedException e) {
                    // e.g. a request imported from a list older than any decision term on record: the operator
                    // decides it; one such request never stops the others
                    log.warn("Richiesta {} non valutata per silenzio-assenso: {}", id, e.getMessage());
                }
            }
            after = batch.isEmpty() ? after : batch.get(batch.size() - 1);
        } while (batch.size() == BATCH);
        return released;
    }

    private boolean everOn() {
        return parameters.history(Parameter.SILENCE_MEANS_APPROVAL).stream().anyMatch(p -> Boolean.parseBoolean(p.value()));
    }
}
