package it.ricolloca.reporting.internal;

import it.ricolloca.parameters.Parameter;
import it.ricolloca.parameters.Parameters;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.workers.Workers;
import java.time.LocalDate;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every night, on one node, finds the workers whose personal data passed its retention period and has the
 * register pseudonymise them ({@link Workers#expire(long)}), which tells every module to remove its part.
 * A worker's case ends when each of their requests is rejected, withdrawn or blocked (on its status date) or
 * released with its pathway closed (on the closing date) and no claim of theirs is still open; the data goes
 * {@link Parameter#RETENTION_CASE_MONTHS} after the last end. A worker who never asked for the voucher goes
 * {@link Parameter#RETENTION_NO_REQUEST_MONTHS} after their last invitation (or their entry in the register).
 * The periods are parameters with validity dates, read on the day of the sweep. Reads across the modules'
 * tables, like every report; changes nothing itself.
 */
@Component
public class RetentionSweep {

    /** At most this many workers a night: a backlog is worked through over the following nights. */
    static final int PER_NIGHT = 5000;
    private static final Logger log = LoggerFactory.getLogger(RetentionSweep.class);

    private final JdbcClient jdbc;
    private final Parameters parameters;
    private final Workers workers;

    RetentionSweep(JdbcClient jdbc, Parameters parameters, Workers workers) {
        this.jdbc = jdbc;
        this.parameters = parameters;
        this.workers = workers;
    }

    @Scheduled(cron = "0 23 2 * * *", zone = "Europe/Rome")
    @SchedulerLock(name = "retention-sweep", lockAtMostFor = "PT2H")
    public void nightly() {
        sweep(Dates.today());
    }

    /** Pseudonymises the workers whose data passed its period on {@code today}; returns how many. */
    public int sweep(LocalDate today) {
        List<Long> expired = expiredOn(today);
        int done = 0;
        for (long id : expired) {
            if (workers.expire(id)) {
                done++;
            }
        }
        if (done > 0) {
            log.info("Conservazione: {} lavoratori pseudonimizzati", done);
        }
        return done;
    }

    /** The workers whose data passed its retention period on {@code today}, at most {@value #PER_NIGHT}. */
    public List<Long> expiredOn(LocalDate today) {
        LocalDate caseLimit = today.minusMonths(parameters.integer(Parameter.RETENTION_CASE_MONTHS, today));
        LocalDate noRequestLimit = today.minusMonths(parameters.integer(Parameter.RETENTION_NO_REQUEST_MONTHS, today));
        return jdbc.sql("""
                with ends as (
                    select r.worker_id,
                        bool_or(r.status not in ('REJECTED', 'WITHDRAWN', 'BLOCKED', 'RELEASED')
                            or r.status = 'RELEASED' and p.id is not null and p.closed_on is null) as open,
                        max(case when r.status = 'RELEASED' and p.closed_on is not null then p.closed_on
                            else r.status_date end) as ended
                    from requests_voucher_request r
                    left join pathway_pathway p on p.request_id = r.id
                    group by r.worker_id)
                select w.id from workers_worker w
                left join ends e on e.worker_id = w.id
                where w.pseudonymised_at is null
                  and not exists (select 1 from claims_claim c where c.worker_id = w.id
                      and c.status not in ('PAID', 'REFUSED'))
                  and (e.worker_id is not null and not e.open and e.ended < :caseLimit
                    or e.worker_id is null and greatest(w.created_at::date, coalesce((select max(i.invitation_date)
                        from workers_invitation i where i.worker_id = w.id), w.created_at::date)) < :noRequestLimit)
                order by w.id limit :limit""")
                .param("caseLimit", caseLimit).param("noRequestLimit", noRequestLimit).param("limit", PER_NIGHT)
                .query(Long.class).list();
    }
}
