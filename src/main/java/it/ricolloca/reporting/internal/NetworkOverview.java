package it.ricolloca.reporting.internal;

import it.ricolloca.agenda.Agenda;
import it.ricolloca.network.JobCentres;
import it.ricolloca.network.OfficeSummary;
import it.ricolloca.shared.web.Dates;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The regional agency's view of the network, one line per CPI: its master users, the delegations
 * in force, its tutors and named vacancy referents, whether it acts as a provider (it has pathways
 * or a released request chose one of its offices), whether an agenda is published today and the
 * next free slot in the next four weeks, and its open workload (requests to decide, pathways open).
 */
@Component
@Transactional(readOnly = true)
public class NetworkOverview {

    /** One CPI's line. */
    public record Line(long centreId, String centre, String province, String masters, String delegations, int tutors,
            int referents, boolean provider, int officesWithAgenda, int offices, ZonedDateTime nextFreeSlot,
            int requestsToDecide, int openPathways) {
    }

    private static final int WEEKS_AHEAD = 4;

    private final JdbcClient jdbc;
    private final JobCentres centres;
    private final Agenda agenda;

    NetworkOverview(JdbcClient jdbc, JobCentres centres, Agenda agenda) {
        this.jdbc = jdbc;
        this.centres = centres;
        this.agenda = agenda;
    }

    public List<Line> lines() {
        LocalDate today = Dates.today();
        Set<Long> withAgenda = agenda.officesWithAgendaOn(today);
        Map<Long, List<OfficeSummary>> offices = centres.offices().stream()
                .collect(Collectors.groupingBy(OfficeSummary::centreId));
        ZonedDateTime now = ZonedDateTime.now(Dates.ZONE);
        List<Line> lines = new ArrayList<>();
        jdbc.sql("""
                select j.id, j.name, j.province,
                    (select string_agg(u.full_name, ', ' order by u.full_name) from accounts_user u
                        join accounts_user_role r on r.user_id = u.id
                        where u.centre_id = j.id and u.enabled and r.role = 'CPI_MASTER'),
                    (select string_agg(distinct d.function, ', ' order by d.function) from accounts_delegation d
                        join accounts_user u on u.id = d.delegate_id
                        where u.centre_id = j.id and d.revoked_at is null and d.start_date <= :today
                          and (d.end_date is null or d.end_date >= :today)),
                    (select count(*) from accounts_user u join accounts_user_role r on r.user_id = u.id
                        where u.centre_id = j.id and u.enabled and r.role = 'CPI_TUTOR'),
                    (select count(*) from vacancies_referent v where v.centre_id = j.id and v.ended_on is null),
                    exists (select 1 from pathway_pathway p where p.centre_id = j.id)
                        or exists (select 1 from requests_voucher_request q join network_office o on o.id = q.provider_office_id
                            where o.centre_id = j.id),
                    (select count(*) from requests_voucher_request q where q.competent_centre_id = j.id
                        and q.status in ('REQUESTED', 'UNDER_REVIEW', 'NOTICE_OF_REJECTION')),
                    (select count(*) from pathway_pathway p where p.centre_id = j.id and p.closed_on is null)
                from network_job_centre j order by j.name""").param("today", today)
                .query((rs, n) -> {
                    long id = rs.getLong(1);
                    List<OfficeSummary> own = offices.getOrDefault(id, List.of());
                    List<OfficeSummary> published = own.stream().filter(o -> withAgenda.contains(o.id())).toList();
                    ZonedDateTime next = published.stream().map(o -> nextFree(o.id(), today, now))
                            .filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
                    lines.add(new Line(id, rs.getString(2), rs.getString(3), rs.getString(4) == null ? "" : rs.getString(4),
                            rs.getString(5) == null ? "" : rs.getString(5), rs.getInt(6), rs.getInt(7), rs.getBoolean(8),
                            published.size(), own.size(), next, rs.getInt(9), rs.getInt(10)));
                    return null;
                }).list();
        return lines;
    }

    /** The first slot from now on, in the next weeks, with a free place. */
    private ZonedDateTime nextFree(long officeId, LocalDate today, ZonedDateTime now) {
        return agenda.slots(officeId, today, today.plusWeeks(WEEKS_AHEAD)).stream()
                .filter(s -> s.free() > 0 && s.slot().start().isAfter(now)).map(s -> s.slot().start()).findFirst()
                .orElse(null);
    }
}
