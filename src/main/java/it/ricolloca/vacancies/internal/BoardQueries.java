package it.ricolloca.vacancies.internal;

import it.ricolloca.network.JobCentres;
import it.ricolloca.vacancies.VacancySource;
import it.ricolloca.vacancies.VacancyStatus;
import it.ricolloca.shared.web.Dates;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import java.util.Locale;

/**
 * Searching the board: Italian full text with stemming (a generated {@code tsvector} with a GIN
 * index), filters on profile, economic area, CPI, source, status and arrival dates, sorting and
 * paging; counting and the page are two queries, never rows loaded to count them.
 */
@Component
@Transactional(readOnly = true)
public class BoardQueries {

    /** What a search asks; blank and null mean "any". */
    public record Filter(String text, String profile, String area, Long centreId, VacancySource source,
            VacancyStatus status, LocalDate from, LocalDate to, Sort sort, Due due) {

        public Filter {
            text = blankToEmpty(text, 200);
            profile = blankToEmpty(profile, 100);
            area = blankToEmpty(area, 100);
            sort = sort == null ? (text.isEmpty() ? Sort.ARRIVED : Sort.RELEVANCE) : sort;
        }

        public Filter(String text, String profile, String area, Long centreId, VacancySource source,
                VacancyStatus status, LocalDate from, LocalDate to, Sort sort) {
            this(text, profile, area, centreId, source, status, from, to, sort, null);
        }

        public static Filter all() {
            return new Filter(null, null, null, null, null, null, null, null, null);
        }
    }

    /**
     * The offers due for their referent, as the home page counts them and the board filters them
     * ({@code due=...}): one SQL predicate on {@code v} serves both.
     */
    public enum Due {
        /** Open or in selection past its closing date: to close, or to reopen with a new date. */
        EXPIRED("v.status in ('OPEN', 'IN_SELECTION') and v.closing_on < :today"),
        /** With candidates proposed by tutors that the referent has not evaluated yet. */
        PROPOSALS("exists (select 1 from vacancies_referral r where r.vacancy_id = v.id and r.status = 'PROPOSED')");

        private final String predicate;

        Due(String predicate) {
            this.predicate = predicate;
        }

        public String predicate() {
            return "(" + predicate + ")";
        }

        public String labelKey() {
            return "vacancy.due." + name();
        }
    }

    /**
     * The offers of one CPI (the whole board for {@code null}) due for their referent, by kind, with the
     * oldest closing date passed and the oldest proposal waiting: one statement.
     */
    public record DueCount(Due due, long count, LocalDate oldest) {
    }

    public List<DueCount> dueAt(Long centreId) {
        return jdbc.sql("select count(*) filter (where " + Due.EXPIRED.predicate() + "), min(v.closing_on) filter (where "
                + Due.EXPIRED.predicate() + "), count(*) filter (where " + Due.PROPOSALS.predicate() + "),"
                + " min((select min(r.proposed_at) from vacancies_referral r where r.vacancy_id = v.id"
                + " and r.status = 'PROPOSED')) filter (where " + Due.PROPOSALS.predicate() + ")"
                + " from vacancies_vacancy v where (cast(:centre as bigint) is null or v.centre_id = :centre)")
                .param("centre", centreId).param("today", Dates.today())
                .query((rs, n) -> {
                    java.sql.Timestamp proposed = rs.getTimestamp(4);
                    return List.of(new DueCount(Due.EXPIRED, rs.getLong(1), rs.getObject(2, LocalDate.class)),
                            new DueCount(Due.PROPOSALS, rs.getLong(3),
                                    proposed == null ? null : LocalDate.ofInstant(proposed.toInstant(), Dates.ZONE)));
                }).single();
    }

    /** The orders a board list may take. */
    public enum Sort {
        RELEVANCE("ts_rank(v.search, websearch_to_tsquery('italian', :text)) desc, v.arrived_on desc, v.id desc"),
        ARRIVED("v.arrived_on desc, v.id desc"),
        OLDEST("v.arrived_on, v.id"),
        CLOSING("v.closing_on nulls last, v.arrived_on desc, v.id desc"),
        COMPANY("lower(v.company_name), v.id");

        private final String orderBy;

        Sort(String orderBy) {
            this.orderBy = orderBy;
        }

        public String labelKey() {
            return "vacancy.sort." + name();
        }
    }

    /** An offer in a list. */
    public record BoardRow(long id, VacancyStatus status, LocalDate arrivedOn, String profile, String professionCode,
            int positions, String companyName, String economicArea, String centre, VacancySource source,
            String municipality, String referentName, String referentEmail, LocalDate closingOn) {
    }

    private static final String WHERE = " " + """
             where (:text = '' or v.search @@ websearch_to_tsquery('italian', :text))
               and (:profile = '' or v.profession_code like :profile || '%' or v.profile ilike '%' || :profile || '%')
               and (:area = '' or v.ateco_code like :area || '%' or v.economic_area ilike '%' || :area || '%')
               and (cast(:centre as bigint) is null or v.centre_id = :centre)
               and (cast(:source as varchar) is null or v.source = :source)
               and (cast(:status as varchar) is null or v.status = :status)
               and (cast(:from as date) is null or v.arrived_on >= :from)
               and (cast(:to as date) is null or v.arrived_on <= :to)""";

    private static String where(Filter f) {
        return WHERE + (f.due() == null ? "" : " and " + f.due().predicate());
    }

    private final JdbcClient jdbc;
    private final JobCentres centres;

    BoardQueries(JdbcClient jdbc, JobCentres centres) {
        this.jdbc = jdbc;
        this.centres = centres;
    }

    public Page<BoardRow> search(Filter f, int page, int size) {
        long total = bind(jdbc.sql("select count(*) from vacancies_vacancy v" + where(f)), f).query(Long.class).single();
        Map<Long, String> names = centres.names();
        Sort sort = f.text().isEmpty() && f.sort() == Sort.RELEVANCE ? Sort.ARRIVED : f.sort();
        List<BoardRow> rows = bind(jdbc.sql("""
                select v.id, v.status, v.arrived_on, v.profile, v.profession_code, v.positions, v.company_name,
                    v.economic_area, v.centre_id, v.source, v.workplace_municipality, v.referent_name, v.referent_email,
                    v.closing_on
                from vacancies_vacancy v""" + where(f) + " order by " + sort.orderBy + " limit :size offset :offset"), f)
                .param("size", size).param("offset", (long) page * size)
                .query((rs, n) -> new BoardRow(rs.getLong(1), VacancyStatus.valueOf(rs.getString(2)),
                        rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5), rs.getInt(6), rs.getString(7),
                        rs.getString(8), rs.getObject(9) == null ? "" : names.getOrDefault(rs.getLong(9), ""),
                        VacancySource.valueOf(rs.getString(10)), rs.getString(11), rs.getString(12), rs.getString(13),
                        rs.getObject(14, LocalDate.class)))
                .list();
        return new PageImpl<>(rows, PageRequest.of(page, size), total);
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Filter f) {
        return spec.param("text", f.text()).param("profile", f.profile()).param("area", f.area().toUpperCase(Locale.ROOT))
                .param("centre", f.centreId()).param("source", f.source() == null ? null : f.source().name())
                .param("status", f.status() == null ? null : f.status().name()).param("from", f.from())
                .param("to", f.to()).param("today", Dates.today());
    }

    private static String blankToEmpty(String s, int max) {
        if (s == null) {
            return "";
        }
        String t = s.replaceAll("\\p{Cntrl}", " ").strip();
        return t.length() > max ? t.substring(0, max) : t;
    }
}
