package it.ricolloca.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.internal.UserAccountRepository;
import it.ricolloca.network.JobCentres;
import it.ricolloca.reporting.internal.NetworkFigures;
import it.ricolloca.reporting.internal.NetworkFigures.TableId;
import it.ricolloca.reporting.internal.ReportFilter;
import it.ricolloca.reporting.internal.ReportTable;
import it.ricolloca.support.IntegrationTest;
import it.ricolloca.support.TestCodes;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The funnel read from its kept line per request (V78, ADR 0037) follows every step taken after the
 * request was written, whoever writes it: the request released, the pathway started, the first
 * appointment held, the pact signed, the worker hired; and, over the whole shared database, the kept
 * lines and the funnel they give equal the same computed afresh from requests, pathways, appointments
 * and pacts. A request of 2001 for Cuorgnè, written and removed by this test alone.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeptFunnelTest {

    static final LocalDate REQUESTED = LocalDate.of(2001, 3, 1);

    /** The funnel's lines as the joins compute them, one per request (the query the funnel ran before V78). */
    static final String FRESH_LINES = """
            with f as (
                select request_id, min((starts_at at time zone 'Europe/Rome')::date) as first_on
                from agenda_appointment where purpose = 'FIRST' and status = 'HELD' group by request_id),
            k as (
                select pathway_id, min(signed_on) as pact_on from pathway_pact where signed_on is not null
                group by pathway_id)
            select r.id as request_id, r.competent_centre_id as centre_id, r.request_date,
                case when r.status in ('RELEASED', 'BLOCKED', 'REENABLED') or p.id is not null
                     then coalesce(r.decision_date, r.status_date) end as released_on,
                f.first_on, k.pact_on, case when p.outcome = 'HIRED' then p.closed_on end as hired_on
            from requests_voucher_request r
            left join pathway_pathway p on p.request_id = r.id
            left join f on f.request_id = r.id
            left join k on k.pathway_id = p.id""";

    /** The funnel's figures per CPI and in total from the fresh lines, rounded as the page shows them. */
    static final String FRESH_FUNNEL = """
            with r as (%s)
            select r.centre_id, grouping(r.centre_id), count(*), count(released_on), count(first_on), count(pact_on),
                count(hired_on),
                percentile_cont(0.5) within group (order by released_on - request_date),
                percentile_cont(0.5) within group (order by first_on - released_on),
                percentile_cont(0.5) within group (order by pact_on - first_on),
                percentile_cont(0.5) within group (order by hired_on - coalesce(pact_on, first_on))
            from r join network_job_centre j on j.id = r.centre_id
            where r.request_date between :from and :to
            group by grouping sets ((r.centre_id), ())""".formatted(FRESH_LINES);

    @Autowired NetworkFigures figures;
    @Autowired JobCentres centres;
    @Autowired UserAccountRepository users;
    @Autowired JdbcClient jdbc;

    long cuorgne;
    long office;
    long worker;
    long request;
    Long pathway;

    @BeforeAll
    void aRequestOf2001ForCuorgne() {
        cuorgne = centres.recognise("CPI CUORGNE'").orElseThrow().id();
        office = jdbc.sql("select min(id) from network_office where centre_id = ?").param(cuorgne).query(Long.class)
                .single();
        worker = jdbc.sql("""
                insert into workers_worker (tax_code, competent_centre_id, needs_completion) values (?, ?, true)
                returning id""").params(TestCodes.random(new Random(2001)), cuorgne).query(Long.class).single();
        request = jdbc.sql("""
                insert into requests_voucher_request (worker_id, request_date, status, status_date, competent_centre_id,
                    channel)
                values (?, ?, 'REQUESTED', ?, ?, 'IMPORTED') returning id""")
                .params(worker, REQUESTED, REQUESTED, cuorgne).query(Long.class).single();
    }

    @AfterAll
    void removeTheRequest() {
        if (pathway != null) {
            jdbc.sql("delete from pathway_pact where pathway_id = ?").param(pathway).update();
            jdbc.sql("delete from pathway_pathway where id = ?").param(pathway).update();
        }
        jdbc.sql("delete from agenda_appointment where request_id = ?").param(request).update();
        jdbc.sql("delete from requests_voucher_request where id = ?").param(request).update();
        jdbc.sql("delete from workers_worker where id = ?").param(worker).update();
    }

    CurrentUser adr() {
        return users.findByUsername("adr.regione").orElseThrow().toCurrentUser();
    }

    List<BigDecimal> cuorgneLine() {
        ReportTable t = figures.table(adr(), TableId.FUNNEL,
                new ReportFilter(REQUESTED.withDayOfYear(1), REQUESTED.withMonth(12).withDayOfMonth(31), cuorgne, null));
        return t.total().values();
    }

    static List<BigDecimal> numbers(Object... values) {
        List<BigDecimal> out = new ArrayList<>();
        for (Object v : values) {
            out.add(v == null ? null : v instanceof Double d ? BigDecimal.valueOf(d).setScale(1, RoundingMode.HALF_UP)
                    : BigDecimal.valueOf(((Number) v).longValue()));
        }
        return out;
    }

    @Test
    void eachStepAfterTheRequestMovesItsLineAndTheKeptFunnelEqualsTheFreshOne() {
        assertThat(cuorgneLine()).isEqualTo(numbers(1, 0, 0, 0, 0, null, null, null, null));
        assertKeptEqualsFresh();

        // Released ten days after the request.
        jdbc.sql("update requests_voucher_request set status = 'RELEASED', status_date = ? where id = ?")
                .params(REQUESTED.plusDays(10), request).update();
        assertThat(cuorgneLine()).isEqualTo(numbers(1, 1, 0, 0, 0, 10.0, null, null, null));

        // The pathway started, then the first appointment held five days after release (a booked one does not count).
        pathway = jdbc.sql("""
                insert into pathway_pathway (request_id, worker_id, centre_id, office_id, created_at, started_on)
                values (?, ?, ?, ?, now(), ?) returning id""")
                .params(request, worker, cuorgne, office, REQUESTED.plusDays(15)).query(Long.class).single();
        long appointment = jdbc.sql("""
                insert into agenda_appointment (office_id, worker_id, request_id, purpose, starts_at, ends_at, status,
                    from_agenda, booked_by, booked_at)
                values (?, ?, ?, 'FIRST', timestamptz '2001-03-16 10:00+01', timestamptz '2001-03-16 11:00+01', 'BOOKED',
                    true, 'test', now()) returning id""").params(office, worker, request).query(Long.class).single();
        assertThat(cuorgneLine()).isEqualTo(numbers(1, 1, 0, 0, 0, 10.0, null, null, null));
        jdbc.sql("update agenda_appointment set status = 'HELD' where id = ?").param(appointment).update();
        assertThat(cuorgneLine()).isEqualTo(numbers(1, 1, 1, 0, 0, 10.0, 5.0, null, null));
        assertKeptEqualsFresh();

        // The pact signed seven days after the first appointment, then the worker hired thirty days after the pact.
        jdbc.sql("""
                insert into pathway_pact (pathway_id, version_no, status, signed_on, created_by, created_at)
                values (?, 1, 'SIGNED', ?, 'test', now())""").params(pathway, LocalDate.of(2001, 3, 23)).update();
        assertThat(cuorgneLine()).isEqualTo(numbers(1, 1, 1, 1, 0, 10.0, 5.0, 7.0, null));
        jdbc.sql("update pathway_pathway set outcome = 'HIRED', hire_contract = 'PERMANENT', closed_on = ? where id = ?")
                .params(LocalDate.of(2001, 4, 22), pathway).update();
        assertThat(cuorgneLine()).isEqualTo(numbers(1, 1, 1, 1, 1, 10.0, 5.0, 7.0, 30.0));
        assertKeptEqualsFresh();

        // The first appointment undone: the line loses it again.
        jdbc.sql("delete from agenda_appointment where id = ?").param(appointment).update();
        assertThat(cuorgneLine()).isEqualTo(numbers(1, 1, 0, 1, 1, 10.0, null, null, 30.0));
        assertKeptEqualsFresh();
    }

    /** Over the whole shared database: the same lines, and the same funnel for each year they span. */
    void assertKeptEqualsFresh() {
        String kept = "select request_id, centre_id, request_date, released_on, first_on, pact_on, hired_on"
                + " from reporting_funnel_request";
        assertThat(jdbc.sql("(" + kept + ") except (" + FRESH_LINES + ")").query().listOfRows()).isEmpty();
        assertThat(jdbc.sql("(" + FRESH_LINES + ") except (" + kept + ")").query().listOfRows()).isEmpty();
        ReportFilter all = new ReportFilter(LocalDate.of(1990, 1, 1), LocalDate.of(2100, 12, 31), null, null);
        ReportTable table = figures.table(adr(), TableId.FUNNEL, all);
        List<List<BigDecimal>> fresh = new ArrayList<>();
        List<BigDecimal> freshTotal = new ArrayList<>();
        jdbc.sql(FRESH_FUNNEL).params(Map.of("from", all.from(), "to", all.to())).query((rs, n) -> {
            List<BigDecimal> v = new ArrayList<>();
            for (int i = 3; i <= 11; i++) {
                BigDecimal x = rs.getBigDecimal(i);
                v.add(x == null ? null : i > 7 ? x.setScale(1, RoundingMode.HALF_UP) : x);
            }
            if (rs.getInt(2) == 1) {
                freshTotal.addAll(v);
            } else {
                fresh.add(v);
            }
            return null;
        }).list();
        assertThat(table.total().values()).isEqualTo(freshTotal);
        assertThat(table.lines().stream().map(l -> l.values()).toList()).containsExactlyInAnyOrderElementsOf(fresh);
    }
}
