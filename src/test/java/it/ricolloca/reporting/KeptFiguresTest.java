package it.ricolloca.reporting;

import static it.ricolloca.support.DemoUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.internal.UserAccountRepository;
import it.ricolloca.network.CentreSummary;
import it.ricolloca.network.JobCentres;
import it.ricolloca.reporting.internal.NetworkFigures;
import it.ricolloca.reporting.internal.NetworkFigures.TableId;
import it.ricolloca.reporting.internal.ReportFilter;
import it.ricolloca.reporting.internal.ReportTable;
import it.ricolloca.reporting.internal.RequestsByCentre;
import it.ricolloca.reporting.internal.RequestsByCentre.ProviderShare;
import it.ricolloca.reporting.internal.RequestsByCentre.Query;
import it.ricolloca.reporting.internal.RequestsByCentre.Report;
import it.ricolloca.reporting.internal.RequestsByCentre.Source;
import it.ricolloca.support.IntegrationTest;
import it.ricolloca.support.TestCodes;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
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
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The monitoring's headline figures read from kept counts (ADR 0037) follow every change made after
 * the import, whoever makes it: a request's provider changed, an invitation added, moved to an earlier
 * date or deleted, an invited worker moved to another CPI; and so do the information table's invited
 * workers of a period, read from kept counts per invitation date and previous date (V79). A list of
 * 2002 for Cuorgnè (a CPI of the seed no other test writes to), written and removed by this test
 * alone; and, over the whole shared database, the kept counts and the information table equal the
 * same taken afresh.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeptFiguresTest {

    static final LocalDate LIST_DATE = LocalDate.of(2002, 6, 1);

    /** The information table as it was computed before V79: distinct workers invited in the period joined to the register. */
    static final String FRESH_INFORMATION = """
            with v as (
                select distinct worker_id from workers_invitation where invitation_date between :from and :to),
            i as (
                select worker_id, bool_or(about_service and about_voluntary and about_conditionality
                    and about_suitable_offer) as fully
                from workers_information where informed_on between :from and :to group by worker_id),
            x as (
                select w.competent_centre_id as centre, v.worker_id is not null as invited,
                    i.worker_id is not null as informed, coalesce(i.fully, false) as fully
                from workers_worker w join network_job_centre j on j.id = w.competent_centre_id
                left join v on v.worker_id = w.id left join i on i.worker_id = w.id
                where v.worker_id is not null or i.worker_id is not null)
            select centre, grouping(centre), count(*) filter (where invited), count(*) filter (where informed),
                count(*) filter (where fully), count(*) filter (where invited and informed)
            from x group by grouping sets ((centre), ())""";

    @Autowired RequestsByCentre reports;
    @Autowired NetworkFigures figures;
    @Autowired JobCentres centres;
    @Autowired UserAccountRepository users;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired UserDetailsService userDetails;

    long cuorgne;
    long office;
    String officeLabel;
    long importId;
    final List<Long> workers = new ArrayList<>();
    final List<Long> requests = new ArrayList<>();

    @BeforeAll
    void aListOf2002ForCuorgne() {
        CentreSummary centre = centres.recognise("CPI CUORGNE'").orElseThrow();
        cuorgne = centre.id();
        office = jdbc.sql("select min(id) from network_office where centre_id = ?").param(cuorgne).query(Long.class)
                .single();
        String officeName = jdbc.sql("select name from network_office where id = ?").param(office).query(String.class)
                .single();
        officeLabel = officeName.equalsIgnoreCase(centre.name()) ? centre.name() : centre.name() + " – " + officeName;
        Random random = new Random(2002);
        importId = jdbc.sql("""
                insert into requests_import (snapshot_date, file_name, file_sha256, imported_by, imported_at, rows_read,
                    created, updated, unchanged, rejected, workers_created)
                values (?, 'cuorgne-2002.csv', md5(random()::text), 'test', now(), 4, 4, 0, 0, 0, 4) returning id""")
                .param(LIST_DATE).query(Long.class).single();
        for (int i = 0; i < 4; i++) {
            long worker = jdbc.sql("""
                    insert into workers_worker (tax_code, competent_centre_id, needs_completion) values (?, ?, true)
                    returning id""").params(TestCodes.random(random), cuorgne).query(Long.class).single();
            workers.add(worker);
            // Two chose Cuorgnè's office, two the agency.
            long request = jdbc.sql("""
                    insert into requests_voucher_request (worker_id, request_date, status, status_date,
                        competent_centre_id, provider_type, provider_name, provider_office_id, channel)
                    values (?, ?, 'REQUESTED', ?, ?, ?, ?, ?, 'IMPORTED') returning id""")
                    .params(worker, LIST_DATE.minusDays(10 + i), LIST_DATE.minusDays(10 + i), cuorgne,
                            i < 2 ? "CPI" : "PRIVATE", i < 2 ? null : "Agenzia Gamma", i < 2 ? office : null)
                    .query(Long.class).single();
            requests.add(request);
            jdbc.sql("""
                    insert into requests_snapshot_entry (import_id, request_id, status, status_date, competent_centre_id)
                    values (?, ?, 'REQUESTED', ?, ?)""").params(importId, request, LIST_DATE.minusDays(10 + i), cuorgne)
                    .update();
        }
        // The first two were invited in January.
        for (int i = 0; i < 2; i++) {
            jdbc.sql("insert into workers_invitation (worker_id, invitation_date) values (?, ?)")
                    .params(workers.get(i), LocalDate.of(2002, 1, 10)).update();
        }
        // The first informed of everything in February, the third of the service alone in March (for the information table).
        jdbc.sql("""
                insert into workers_information (worker_id, centre_id, informed_on, channel, about_service, about_voluntary,
                    about_conditionality, about_suitable_offer, recorded_by)
                values (?, ?, date '2002-02-01', 'IN_PERSON', true, true, true, true, 'test'),
                    (?, ?, date '2002-03-15', 'IN_PERSON', true, false, false, false, 'test')""")
                .params(workers.get(0), cuorgne, workers.get(2), cuorgne).update();
    }

    @AfterAll
    void removeTheList() {
        jdbc.sql("delete from workers_information where worker_id in (:ids)").param("ids", workers).update();
        jdbc.sql("delete from workers_invitation where worker_id in (:ids)").param("ids", workers).update();
        jdbc.sql("delete from requests_import where id = ?").param(importId).update();
        jdbc.sql("delete from requests_voucher_request where id in (:ids)").param("ids", requests).update();
        jdbc.sql("delete from workers_worker where id in (:ids)").param("ids", workers).update();
    }

    CurrentUser adr() {
        return users.findByUsername("adr.regione").orElseThrow().toCurrentUser();
    }

    Report cuorgne(LocalDate date) {
        return reports.report(adr(), new Query(date, cuorgne, null, Source.LIST));
    }

    String page() throws Exception {
        return mvc.perform(get("/monitoring?snapshotDate=" + LIST_DATE + "&centre=" + cuorgne)
                .with(as(userDetails, "adr.regione"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aProviderChangedAfterTheImportChangesTheProvidersAndTheShareChoosingACentre() throws Exception {
        Report before = cuorgne(LIST_DATE);
        // As many each: by name.
        assertThat(before.providers()).containsExactly(new ProviderShare("PRIVATE", "Agenzia Gamma", 2),
                new ProviderShare("CPI", officeLabel, 2));
        assertThat(before.shareChoosingCentre()).isEqualByComparingTo("0.5");
        assertThat(page()).contains("Agenzia Gamma");

        // After the list was counted, one of the agency's requesters chooses the CPI, the other another agency.
        jdbc.sql("update requests_voucher_request set provider_type = 'CPI', provider_name = null, provider_office_id = ?"
                + " where id = ?").params(office, requests.get(2)).update();
        jdbc.sql("update requests_voucher_request set provider_name = '  Agenzia Delta ' where id = ?")
                .param(requests.get(3)).update();
        Report after = cuorgne(LIST_DATE);
        assertThat(after.providers()).containsExactly(new ProviderShare("CPI", officeLabel, 3),
                new ProviderShare("PRIVATE", "Agenzia Delta", 1));
        assertThat(after.shareChoosingCentre()).isEqualByComparingTo("0.75");
        assertThat(page()).doesNotContain("Agenzia Gamma").contains("Agenzia Delta");

        // A change of spaces only is no change of provider; a change back restores the first figures.
        jdbc.sql("update requests_voucher_request set provider_name = 'Agenzia Delta' where id = ?")
                .param(requests.get(3)).update();
        jdbc.sql("update requests_voucher_request set provider_name = 'Agenzia Gamma' where id in (:ids)")
                .param("ids", List.of(requests.get(3))).update();
        jdbc.sql("update requests_voucher_request set provider_type = 'PRIVATE', provider_name = 'Agenzia Gamma',"
                + " provider_office_id = null where id = ?").param(requests.get(2)).update();
        assertThat(cuorgne(LIST_DATE).providers()).isEqualTo(before.providers());
        assertThatKeptProvidersEqualACountAfresh();
    }

    @Test
    void theInvitedSampleFollowsInvitationsAddedMovedDeletedAndWorkersMovedToAnotherCentre() {
        assertThat(cuorgne(LIST_DATE).invitedSample()).isEqualTo(2L);
        long other = centres.recognise("CENTRO PER L'IMPIEGO DI PINEROLO").orElseThrow().id();
        try {
            // A third worker invited before the list, a fourth after it: only the third counts on the list's date.
            jdbc.sql("insert into workers_invitation (worker_id, invitation_date) values (?, ?)")
                    .params(workers.get(2), LocalDate.of(2002, 3, 1)).update();
            jdbc.sql("insert into workers_invitation (worker_id, invitation_date) values (?, ?)")
                    .params(workers.get(3), LocalDate.of(2002, 7, 1)).update();
            assertThat(cuorgne(LIST_DATE).invitedSample()).isEqualTo(3L);
            assertThat(cuorgne(LocalDate.of(2002, 7, 1)).invitedSample()).isEqualTo(4L);
            // A second invitation of the same worker counts once; moving the fourth's date before the list counts them.
            jdbc.sql("insert into workers_invitation (worker_id, invitation_date) values (?, ?)")
                    .params(workers.get(0), LocalDate.of(2001, 12, 1)).update();
            jdbc.sql("update workers_invitation set invitation_date = ? where worker_id = ?")
                    .params(LocalDate.of(2002, 5, 1), workers.get(3)).update();
            assertThat(cuorgne(LIST_DATE).invitedSample()).isEqualTo(4L);
            assertThatKeptInvitedEqualACountAfresh();
            // An invited worker moved to another CPI leaves Cuorgnè's sample; one whose invitations are deleted leaves it.
            jdbc.sql("update workers_worker set competent_centre_id = ? where id = ?").params(other, workers.get(1))
                    .update();
            jdbc.sql("delete from workers_invitation where worker_id = ?").param(workers.get(3)).update();
            assertThat(cuorgne(LIST_DATE).invitedSample()).isEqualTo(2L);
            assertThat(reports.report(adr(), new Query(LIST_DATE, other, null, Source.LIST)).invitedSample())
                    .isEqualTo(1L);
            assertThatKeptInvitedEqualACountAfresh();
        } finally {
            jdbc.sql("update workers_worker set competent_centre_id = ? where id = ?").params(cuorgne, workers.get(1))
                    .update();
            jdbc.sql("delete from workers_invitation where worker_id in (:ids) and invitation_date <> :kept")
                    .param("ids", workers).param("kept", LocalDate.of(2002, 1, 10)).update();
        }
        assertThat(cuorgne(LIST_DATE).invitedSample()).isEqualTo(2L);
    }

    @Test
    void everyKeptCountEqualsTheSameCountTakenAfresh() {
        assertThatKeptInvitedEqualACountAfresh();
        assertThatKeptProvidersEqualACountAfresh();
    }

    void assertThatKeptInvitedEqualACountAfresh() {
        String afresh = """
                select coalesce(w.competent_centre_id, 0) as centre, min(i.invitation_date) as first_on
                from workers_invitation i join workers_worker w on w.id = i.worker_id group by i.worker_id, w.competent_centre_id""";
        List<Map<String, Object>> counted = jdbc.sql("select centre, first_on, count(*) from (" + afresh + ") x"
                + " group by 1, 2 order by 1, 2").query().listOfRows();
        List<Map<String, Object>> kept = jdbc.sql("select centre_id, first_on, workers from reporting_invited_count"
                + " where workers <> 0 order by 1, 2").query().listOfRows();
        assertThat(kept.stream().map(m -> new ArrayList<>(m.values()).toString()).toList())
                .isEqualTo(counted.stream().map(m -> new ArrayList<>(m.values()).toString()).toList());
        // The invitation days with each worker's previous invitation date (V79), and the information table they give.
        String days = """
                select coalesce(w.competent_centre_id, 0) as centre, i.invitation_date as on_date,
                    coalesce(lag(i.invitation_date) over (partition by i.worker_id order by i.invitation_date),
                        date '-infinity') as prev_on
                from workers_invitation i join workers_worker w on w.id = i.worker_id""";
        List<Map<String, Object>> countedDays = jdbc.sql("select centre, on_date, prev_on, count(*) from (" + days
                + ") x group by 1, 2, 3 order by 1, 2, 3").query().listOfRows();
        List<Map<String, Object>> keptDays = jdbc.sql("select centre_id, on_date, prev_on, workers"
                + " from reporting_invited_day_count where workers <> 0 order by 1, 2, 3").query().listOfRows();
        assertThat(keptDays.stream().map(m -> new ArrayList<>(m.values()).toString()).toList())
                .isEqualTo(countedDays.stream().map(m -> new ArrayList<>(m.values()).toString()).toList());
        for (LocalDate[] p : new LocalDate[][] {
                {LocalDate.of(1990, 1, 1), LocalDate.of(2100, 12, 31)}, {LocalDate.of(2002, 1, 1), LocalDate.of(2002, 12, 31)},
                {LocalDate.of(2002, 1, 10), LocalDate.of(2002, 1, 10)}, {LocalDate.of(2002, 1, 11), LocalDate.of(2002, 6, 30)},
                {LocalDate.of(2001, 12, 1), LocalDate.of(2002, 3, 1)}, {LocalDate.of(2002, 3, 2), LocalDate.of(2002, 7, 1)}}) {
            assertInformationEqualsFresh(new ReportFilter(p[0], p[1], null, null));
        }
    }

    /** The information table the page shows for this period equals the one computed afresh, line by line and in total. */
    void assertInformationEqualsFresh(ReportFilter period) {
        ReportTable table = figures.table(adr(), TableId.INFORMATION, period);
        List<List<BigDecimal>> fresh = new ArrayList<>();
        List<List<BigDecimal>> freshTotal = new ArrayList<>();
        jdbc.sql(FRESH_INFORMATION).param("from", period.from()).param("to", period.to()).query((rs, n) -> {
            List<BigDecimal> v = new ArrayList<>();
            for (int i = 3; i <= 6; i++) {
                v.add(rs.getBigDecimal(i));
            }
            (rs.getInt(2) == 1 ? freshTotal : fresh).add(v);
            return null;
        }).list();
        assertThat(List.of(table.total().values().subList(0, 4))).isEqualTo(freshTotal);
        assertThat(table.lines().stream().map(l -> l.values().subList(0, 4)).toList())
                .containsExactlyInAnyOrderElementsOf(fresh);
    }

    void assertThatKeptProvidersEqualACountAfresh() {
        List<Map<String, Object>> counted = jdbc.sql("""
                select e.import_id, e.competent_centre_id, r.provider_type, r.provider_office_id,
                    coalesce(nullif(trim(r.provider_name), ''), nullif(trim(r.provider_office), '')) as label,
                    cast(count(*) as numeric) as requests
                from reporting_snapshot_counted c join requests_snapshot_entry e on e.import_id = c.import_id
                join requests_voucher_request r on r.id = e.request_id
                group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5""").query().listOfRows();
        List<Map<String, Object>> kept = jdbc.sql("""
                select import_id, competent_centre_id, provider_type, provider_office_id, provider_label,
                    cast(requests as numeric) from reporting_snapshot_provider
                where requests <> 0 order by 1, 2, 3, 4, 5""").query().listOfRows();
        assertThat(kept.stream().map(m -> new ArrayList<>(m.values()).toString()).toList())
                .isEqualTo(counted.stream().map(m -> new ArrayList<>(m.values()).toString()).toList());
    }
}
