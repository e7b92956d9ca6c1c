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
 * The funnel read from its kept counts per CPI and month and its kept line per request (V78, ADR 0043)
 * follows every step taken after the request was written, whoever writes it: the request released,
 * the pathway started, the first appointment held, the pact signed, the worker hired, and each of them
 * corrected or undone; and, over the whole shared database, the kept lines, counts and day histograms
 * and the funnel they give (for whole months and for periods cutting months) equal the same computed
 * afresh from requests, pathways, appointments and pacts. Requests of 2001 for Cuorgnè, written and
 * removed by this test alone.
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

    /** The funnel's kept counts per CPI, month and step, computed afresh from the fresh lines. */
    static final String FRESH_COUNTS = """
            with r as (%s)
            select r.centre_id, cast(date_trunc('month', r.request_date) as date) as month,
                cast(v.step as smallint) as step, count(*) as n
            from r cross join lateral (values (1, true), (2, r.released_on is not null), (3, r.first_on is not null),
                (4, r.pact_on is not null), (5, r.hired_on is not null)) v (step, yes)
            where v.yes and r.centre_id is not null group by 1, 2, 3""".formatted(FRESH_LINES);

    /** The funnel's kept day histograms per CPI, month and interval, computed afresh from the fresh lines. */
    static final String FRESH_DAYS = """
            with r as (%s)
            select r.centre_id, cast(date_trunc('month', r.request_date) as date) as month,
                cast(v.kind as smallint) as kind, v.days, count(*) as n
            from r cross join lateral (values (1, r.released_on - r.request_date), (2, r.first_on - r.released_on),
                (3, r.pact_on - r.first_on), (4, r.hired_on - coalesce(r.pact_on, r.first_on))) v (kind, days)
            where v.days is not null and r.centre_id is not null group by 1, 2, 3, 4""".formatted(FRESH_LINES);

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

        // Corrections: the hire undone, then the pact removed.
        jdbc.sql("update pathway_pathway set outcome = null, hire_contract = null, closed_on = null where id = ?")
                .param(pathway).update();
        assertThat(cuorgneLine()).isEqualTo(numbers(1, 1, 0, 1, 0, 10.0, null, null, null));
        jdbc.sql("delete from pathway_pact where pathway_id = ?").param(pathway).update();
        assertThat(cuorgneLine()).isEqualTo(numbers(1, 1, 0, 0, 0, 10.0, null, null, null));
        assertKeptEqualsFresh();

        // The request moved back to Richiesto: still released while its pathway is there, not once it is removed.
        jdbc.sql("update requests_voucher_request set status = 'REQUESTED' where id = ?").param(request).update();
        assertThat(cuorgneLine()).isEqualTo(numbers(1, 1, 0, 0, 0, 10.0, null, null, null));
        jdbc.sql("delete from pathway_pathway where id = ?").param(pathway).update();
        pathway = null;
        assertThat(cuorgneLine()).isEqualTo(numbers(1, 0, 0, 0, 0, null, null, null, null));
        assertKeptEqualsFresh();

        // Released again, then its date corrected into another month: the kept counts move with it.
        jdbc.sql("update requests_voucher_request set status = 'RELEASED', request_date = ? where id = ?")
                .params(REQUESTED.minusDays(20), request).update();
        assertThat(cuorgneLine()).isEqualTo(numbers(1, 1, 0, 0, 0, 30.0, null, null, null));
        assertKeptEqualsFresh();
    }

    /**
     * Periods that are not whole months read their edge days from the lines: the funnel for each equals the
     * fresh one, and the request of 9 May counts in a period that ends on its day and not in one that
     * starts the day after.
     */
    @Test
    void periodsCuttingMonthsGiveTheSameFiguresAsTheFreshFunnel() {
        long other = jdbc.sql("""
                insert into requests_voucher_request (worker_id, request_date, status, status_date, competent_centre_id,
                    channel)
                values (?, date '2001-05-09', 'RELEASED', date '2001-05-12', ?, 'IMPORTED') returning id""")
                .params(worker, cuorgne).query(Long.class).single();
        try {
            for (LocalDate[] p : new LocalDate[][] {
                    {LocalDate.of(2001, 5, 9), LocalDate.of(2001, 5, 9)},
                    {LocalDate.of(2001, 5, 10), LocalDate.of(2001, 6, 30)},
                    {LocalDate.of(2001, 1, 15), LocalDate.of(2001, 5, 5)},
                    {LocalDate.of(2000, 12, 15), LocalDate.of(2001, 6, 20)},
                    {LocalDate.of(2001, 5, 1), LocalDate.of(2001, 5, 31)},
                    {LocalDate.of(2020, 1, 1), LocalDate.of(2030, 12, 31)}}) {
                assertFunnelEqualsFresh(new ReportFilter(p[0], p[1], null, null));
            }
            ReportFilter endsOnIt = new ReportFilter(LocalDate.of(2001, 4, 20), LocalDate.of(2001, 5, 9), cuorgne, null);
            ReportFilter startsAfter = new ReportFilter(LocalDate.of(2001, 5, 10), LocalDate.of(2001, 5, 27), cuorgne, null);
            assertThat(figures.table(adr(), TableId.FUNNEL, endsOnIt).total().values())
                    .isEqualTo(numbers(1, 1, 0, 0, 0, 3.0, null, null, null));
            assertThat(figures.table(adr(), TableId.FUNNEL, startsAfter).lines()).isEmpty();
        } finally {
            jdbc.sql("delete from requests_voucher_request where id = ?").param(other).update();
        }
        assertKeptEqualsFresh();
    }

    /** Over the whole shared database: the same lines, and the same funnel for each year they span. */
    void assertKeptEqualsFresh() {
        String kept = "select request_id, centre_id, request_date, released_on, first_on, pact_on, hired_on"
                + " from reporting_funnel_request";
        assertThat(jdbc.sql("(" + kept + ") except (" + FRESH_LINES + ")").query().listOfRows()).isEmpty();
        assertThat(jdbc.sql("(" + FRESH_LINES + ") except (" + kept + ")").query().listOfRows()).isEmpty();
        String keptCounts = "select centre_id, month, step, n from reporting_funnel_count where n <> 0";
        String keptDays = "select centre_id, month, kind, days, n from reporting_funnel_days where n <> 0";
        assertThat(jdbc.sql("(" + keptCounts + ") except (" + FRESH_COUNTS + ")").query().listOfRows()).isEmpty();
        assertThat(jdbc.sql("(" + FRESH_COUNTS + ") except (" + keptCounts + ")").query().listOfRows()).isEmpty();
        assertThat(jdbc.sql("(" + keptDays + ") except (" + FRESH_DAYS + ")").query().listOfRows()).isEmpty();
        assertThat(jdbc.sql("(" + FRESH_DAYS + ") except (" + keptDays + ")").query().listOfRows()).isEmpty();
        assertFunnelEqualsFresh(new ReportFilter(LocalDate.of(1990, 1, 1), LocalDate.of(2100, 12, 31), null, null));
        assertFunnelEqualsFresh(new ReportFilter(LocalDate.of(2001, 2, 14), LocalDate.of(2001, 3, 12), null, null));
    }

    /** The funnel the page shows for this period equals the one computed afresh from the joins. */
    void assertFunnelEqualsFresh(ReportFilter all) {
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
