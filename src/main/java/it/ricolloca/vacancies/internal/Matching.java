package it.ricolloca.vacancies.internal;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.network.CentreSummary;
import it.ricolloca.network.JobCentres;
import it.ricolloca.pathway.ContractType;
import it.ricolloca.workers.WorkerProfile;
import it.ricolloca.workers.Workers;
import it.ricolloca.places.Municipalities;
import it.ricolloca.places.Municipalities.Place;
import it.ricolloca.places.Municipality;
import it.ricolloca.shared.acts.ActGuard;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Matching where the data is: one SQL query scores every open offer for a worker (or every
 * worker in pathway the user sees for an offer) and returns the page, best first, with the parts
 * of the score so that the page can say why. The score (0–100) adds:
 * <ul>
 * <li>profession, 40: levels of the classification code shared with a job of the worker's history
 * (5.1.2.2.0 against 5.1.2.4.0 shares 3 of 5 levels: 24);</li>
 * <li>skills, 25: share of the terms the offer asks for (Italian stems of its skills, else of its
 * profile) found in the worker's skills and past professions;</li>
 * <li>economic area, 10: a term of the offer's area found there too;</li>
 * <li>place, by distance where both municipalities are in the reference data with coordinates (ADR 0032): 15
 * within {@value #NEAR_KM} km of the residence (the same municipality included), 10 within {@value #REACHABLE_KM}
 * km, straight line between the centroids; where a distance is unknown, by name as before: 15 for the same
 * municipality as the residence, 10 for the same province (the offer's, else its CPI's, against the worker's
 * CPI's);</li>
 * <li>contract, 10: permanent or apprenticeship 10; fixed-term or agency of 6 months or more 8, of
 * 3 to 5 months 6; shorter, or probation, 0 (not a suitable offer); not stated 3.</li>
 * </ul>
 * Equal scores rank the closest first. The distance is computed in the query (haversine) from coordinates asked of
 * the places module and kept with the terms.
 * <p>What the score reads of each open offer and of each worker is stored in the module's own rows, kept current
 * as the board and the register change ({@link MatchingTerms}, ADR 0038): ranking compares stored arrays (overlap
 * first, the shared terms counted only where there are some) instead of computing every row's terms on every
 * request, and lists the shared terms for the page's rows only.
 */
@Component
@Transactional(readOnly = true)
public class Matching {

    public static final int PROFESSION = 40;
    public static final int SKILLS = 25;
    public static final int AREA = 10;
    public static final int SAME_MUNICIPALITY = 15;
    public static final int SAME_PROVINCE = 10;
    public static final int LEVELS = 5;
    private static final int MAX_LEVELS = 6;
    /** Within this straight-line distance (km) an offer's place scores as the same municipality. */
    public static final int NEAR_KM = 15;
    /** Within this straight-line distance (km) it scores as the same province. */
    public static final int REACHABLE_KM = 50;

    /** Haversine distance (km) in SQL between (lat1, lon1) and (lat2, lon2); null when a point is unknown. */
    private static String distance(String lat1, String lon1, String lat2, String lon2) {
        // least() ignores a null: without the guard an unknown point would be half the earth's circumference away.
        return ("case when %s is not null and %s is not null then 2 * %s * asin(least(1, sqrt(power(sin(radians(%s - %s)"
                + " / 2), 2) + cos(radians(%s)) * cos(radians(%s)) * power(sin(radians(%s - %s) / 2), 2)))) end")
                .formatted(lat1, lat2, Municipalities.EARTH_RADIUS_KM, lat2, lat1, lat1, lat2, lon2, lon1);
    }

    /** The place part: by distance when known, else by names. */
    private static String place(String distance, String sameName, String sameProvince) {
        return ("case when %1$s is not null then case when %1$s <= %2$d then 2 when %1$s <= %3$d then 1 else 0 end"
                + " when %4$s then 2 when %5$s then 1 else 0 end").formatted(distance, NEAR_KM, REACHABLE_KM, sameName,
                sameProvince);
    }
    /** The parts of one match's score, for the page to explain. */
    public record Fit(int score, int levels, int skillHits, int skillTotal, List<String> sharedTerms, boolean area,
            int place, ContractType contract, Integer contractMonths, int contractPoints, Double distanceKm) {

        /** The straight-line distance rounded to the km, when known. */
        public Long roundedKm() {
            return distanceKm == null ? null : Math.round(distanceKm);
        }

        public int professionPoints() {
            return PROFESSION * Math.min(levels, LEVELS) / LEVELS;
        }

        public int skillPoints() {
            return skillTotal == 0 ? 0 : SKILLS * skillHits / skillTotal;
        }

        public int placePoints() {
            return place == 2 ? SAME_MUNICIPALITY : place == 1 ? SAME_PROVINCE : 0;
        }
    }

    /** An offer ranked for a worker. */
    public record VacancyMatch(long vacancyId, String profile, String companyName, String municipality,
            LocalDate arrivedOn, Fit fit) {
    }

    /** A worker in pathway ranked for an offer. */
    public record WorkerMatch(long pathwayId, long workerId, String taxCode, String name, String municipality, Fit fit,
            boolean profileComplete) {
    }

    /**
     * Levels shared by an offer's code and a worker's codes, as SQL over their prefix arrays: how many of the
     * offer's prefixes the worker has (5.1.2.2.0 against 5.1.2.4.0: 3). The prefixes of a code nest, so this is
     * also the deepest level in common with any one job of the worker.
     */
    private static String levels(String offerPrefixes, String workerPrefixes) {
        return IntStream.rangeClosed(1, MAX_LEVELS)
                .mapToObj(k -> "coalesce(" + offerPrefixes + "[" + k + "] = any(" + workerPrefixes + "), false)::int")
                .collect(Collectors.joining(" + ", "(", ")"));
    }

    /** Most terms of an offer whose hits {@link #skillHits} counts term by term. */
    private static final int UNROLLED_TERMS = 32;

    /**
     * How many of the offer's skill terms a worker's terms hold ({@code v.skill_terms}, {@code t.terms}), as SQL for
     * an offer of {@code count} terms: one comparison per term, written out (no subquery per row: a third of the
     * time over thousands of workers); a subquery where the offer has more terms, or changed meanwhile.
     */
    private static String skillHits(int count) {
        String subquery = "(select count(*) from unnest(v.skill_terms) x where x = any(t.terms))::int";
        if (count < 1 || count > UNROLLED_TERMS) {
            return subquery;
        }
        return IntStream.rangeClosed(1, count)
                .mapToObj(k -> "coalesce(v.skill_terms[" + k + "] = any(t.terms), false)::int")
                .collect(Collectors.joining(" + ", "case when cardinality(v.skill_terms) = " + count + " then (",
                        ") else " + subquery + " end"));
    }

    private static final String TOTAL = """
            (%d * least(levels, %d) / %d
             + case when skill_total = 0 then 0 else %d * skill_hits / skill_total end
             + case when area_hit then %d else 0 end
             + case place when 2 then %d when 1 then %d else 0 end
             + contract_points)""".formatted(PROFESSION, LEVELS, LEVELS, SKILLS, AREA, SAME_MUNICIPALITY, SAME_PROVINCE);

    /** Most points the shared terms can add (skills and economic area): the margin of the pre-selection below. */
    private static final int TERMS_POINTS = SKILLS + AREA;

    /** Degrees of latitude (or longitude at the equator) per km, with a tenth more: a box that holds the circle. */
    private static final double DEGREES_PER_KM = 1.1 * 180 / (Math.PI * Municipalities.EARTH_RADIUS_KM);

    /** The place part's points from its level (2, 1, 0), as SQL. */
    private static String placePoints(String level) {
        return "case %s when 2 then %d when 1 then %d else 0 end".formatted(level, SAME_MUNICIPALITY, SAME_PROVINCE);
    }

    private final JdbcClient jdbc;
    private final MatchingTerms terms;
    private final Workers workers;
    private final Candidates candidates;
    private final JobCentres centres;
    private final Municipalities municipalities;

    Matching(JdbcClient jdbc, MatchingTerms terms, Candidates candidates, Workers workers, JobCentres centres,
            Municipalities municipalities) {
        this.candidates = candidates;
        this.jdbc = jdbc;
        this.terms = terms;
        this.workers = workers;
        this.centres = centres;
        this.municipalities = municipalities;
    }

    /** Refuses (403) a user who is neither a CPI's staff nor the region: they do not see candidates. */
    public static void requireCandidates(CurrentUser user) {
        ActGuard.require(VacancyRights.canSeeCandidates(user), "vacancies");
    }

    /**
     * Whether the worker's profile says anything the score reads of a person: past jobs (their professions)
     * or skills. Without them every offer would score only on place and contract (20 of 100 at most), a
     * ranking that means nothing: the pages say the profile is incomplete instead.
     */
    public static boolean profileComplete(WorkerProfile w) {
        return w != null && (!w.professionCodes().isEmpty() || !w.professionLabels().isEmpty()
                || w.skills() != null && !w.skills().isBlank());
    }

    /** Whether the worker's profile can be matched ({@link #profileComplete(WorkerProfile)}). */
    public boolean profileComplete(long workerId) {
        return profileComplete(workers.profiles(List.of(workerId)).get(workerId));
    }

    /**
     * The open offers ranked for the worker of a pathway (the caller checked the user sees it); for a worker
     * whose profile is incomplete, the open offers newest first, unranked. Reads only (a read-only transaction
     * may call it): the worker's terms are computed from the register, the offers' read from their stored rows
     * (ADR 0038), a workplace not yet located is located for this ranking without being stored.
     * <p>The page is taken from a pre-selection that cannot miss it: the points for profession, workplace and
     * contract are computed for each of the board's kept groups (offers of one code, workplace and contract,
     * counted: V84) from small arrays (one value per distinct code, per distinct workplace); the groups' counts give
     * a floor of the page's last place ({@code cut}); only the offers of the groups that can reach it, and those
     * within {@value #TERMS_POINTS} of it sharing a term with the worker (found by the terms' indexes), are then
     * scored in full, ordered, and given their reasons. Any other offer shares no term and ranks below the cut,
     * so the page is the one scoring every offer would give.
     */
    public Page<VacancyMatch> forWorker(long workerId, int page, int size) {
        return forWorker(workerId, page, size, true);
    }

    /** The same, every offer scored in full when {@code preselect} is false (the reference the tests compare to). */
    Page<VacancyMatch> forWorker(long workerId, int page, int size, boolean preselect) {
        List<CentreSummary> all = centres.all();
        Optional<WorkerProfile> found = Optional.ofNullable(workers.profiles(List.of(workerId)).get(workerId));
        boolean complete = found.filter(Matching::profileComplete).isPresent();
        String order = complete ? "score desc, distance_km nulls last, arrived_on desc, id desc" : "arrived_on desc, id desc";
        String province = found.map(WorkerProfile::competentCentreId).flatMap(id -> all.stream()
                .filter(c -> c.id() == id).findFirst()).map(CentreSummary::province).orElse(null);
        Place home = new Place(found.map(WorkerProfile::municipality).orElse(null), province);
        Municipality homePoint = home.name() == null ? null : municipalities.resolveAll(List.of(home)).get(home);
        boolean located = homePoint != null && homePoint.hasCoordinates();
        List<MatchingTerms.UnlocatedPlace> unlocated = terms.unlocatedPlaces();
        Double[][] points = terms.coordinates(unlocated);
        String base = """
                coalesce(((select lv from arrays))[t.code_id], 0)
                + case ((select pp from arrays))[t.place_id]
                    when -1 then case when t.centre_id = any(cast(:provinceCentres as bigint[])) then %d else 0 end
                    else ((select pp from arrays))[t.place_id] end
                + t.contract_points""".formatted(SAME_PROVINCE);
        String chosen = !complete
                ? "select vacancy_id from vacancies_offer_terms order by arrived_on desc, vacancy_id desc limit :k"
                : !preselect ? "select vacancy_id from vacancies_offer_terms" : """
                select id from exact where score >= (select coalesce((select score from exact order by score desc
                    offset :k - 1 limit 1), -1000))""";
        String sql = """
                with w as materialized (
                    select coalesce((select array_agg(distinct p) from unnest(cast(:codes as text[])) code,
                               unnest(vacancies_code_prefixes(code)) p), '{}') as prefixes,
                           tsvector_to_array(to_tsvector('italian', cast(:text as text))) as terms,
                           lower(cast(:municipality as text)) as municipality, cast(:province as text) as province,
                           cast(:lat as double precision) as lat, cast(:lon as double precision) as lon
                ), pl as materialized (
                    -- each workplace of the board: its distance from the worker and the place part it gives
                    -- (null: by the province of the offer's CPI)
                    select p.id, d.km, case when d.km is not null then case when d.km <= %d then 2 when d.km <= %d then 1 else 0 end
                        when lower(p.municipality) = w.municipality then 2
                        when p.province is not null then case when p.province = w.province then 1 else 0 end end as place
                    from (select p.id, p.municipality, p.province,
                              case when p.located then p.latitude else x.lat end as latitude,
                              case when p.located then p.longitude else x.lon end as longitude
                          from vacancies_offer_place p
                          left join unnest(cast(:placeIds as int[]), cast(:placeLats as double precision[]),
                              cast(:placeLons as double precision[])) x(id, lat, lon) on x.id = p.id) p
                    cross join w cross join lateral (select %s as km) d
                ), arrays as materialized (
                    select array(select coalesce(c.points, 0)
                                 from generate_series(1, (select coalesce(max(id), 0) from vacancies_offer_code)) g
                                 left join (select c.id, %d * least(%s, %d) / %d as points
                                            from vacancies_offer_code c cross join w
                                            cross join lateral (select vacancies_code_prefixes(c.code) as prefixes) cp) c
                                     on c.id = g order by g) as lv,
                           array(select coalesce(case pl.place when 2 then %d when 1 then %d when 0 then 0 end, -1)
                                 from generate_series(1, (select coalesce(max(id), 0) from vacancies_offer_place)) g
                                 left join pl on pl.id = g order by g) as pp
                ), groups as materialized (
                    -- the board's kept groups (V84): the offers of one code, workplace and contract, counted, with
                    -- the base they score; a workplace judged by the offer's CPI (-1) counts 0 low and %d high
                    select g.code_id, g.place_id, g.contract_points, g.offers,
                        coalesce(((select lv from arrays))[nullif(g.code_id, 0)], 0) + g.contract_points
                            + greatest(((select pp from arrays))[g.place_id], 0) as low,
                        coalesce(((select lv from arrays))[nullif(g.code_id, 0)], 0) + g.contract_points
                            + case ((select pp from arrays))[g.place_id] when -1 then %d
                                else ((select pp from arrays))[g.place_id] end as high
                    from vacancies_offer_group g where g.offers > 0
                ), cut as materialized (
                    -- a floor of the page's last base: the k-th largest low base, the groups counted from the top
                    select coalesce((select low from (select low, sum(offers) over (order by low desc) as reached
                        from groups) r where reached >= :k order by low desc limit 1), -1000) as base
                ), exact as materialized (
                    -- every offer that can be on the page, with its score: those of the groups whose base can reach
                    -- the cut, and those sharing a term with the worker (the terms' indexes) within %d points of it;
                    -- any other offer shares no term and scores below the cut
                    select x.id, max(x.base) + coalesce(max(x.points), 0) as score
                    from (select t.vacancy_id as id, %s as base, null::int as points
                          from groups g join vacancies_offer_terms t on coalesce(t.code_id, 0) = g.code_id
                              and t.place_id = g.place_id and t.contract_points = g.contract_points
                          where g.high >= (select base from cut)
                          union all
                          select t.vacancy_id, %s,
                              case when cardinality(t.skill_terms) = 0 then 0 else %d * (select count(*)
                                  from unnest(t.skill_terms) x where x = any(w.terms))::int / cardinality(t.skill_terms) end
                              + case when t.area_terms && w.terms then %d else 0 end
                          from vacancies_offer_terms t cross join w
                          where (t.skill_terms && (select terms from w) or t.area_terms && (select terms from w))
                              and %s >= (select base from cut) - %d) x
                    group by x.id
                    having max(x.base) >= (select base from cut) - %d
                        and (max(x.base) >= (select base from cut) or max(x.points) is not null)
                ), chosen as materialized (
                    %s
                ), parts as materialized (
                    select t.vacancy_id as id, t.arrived_on,
                        %s as levels,
                        cardinality(t.skill_terms) as skill_total,
                        case when t.skill_terms && w.terms
                            then (select count(*) from unnest(t.skill_terms) x where x = any(w.terms))::int else 0 end
                            as skill_hits,
                        t.area_terms && w.terms as area_hit,
                        pl.km as distance_km,
                        coalesce(pl.place, case when t.centre_id = any(cast(:provinceCentres as bigint[])) then 1 else 0 end)
                            as place,
                        t.contract_points
                    from vacancies_offer_terms t cross join w join pl on pl.id = t.place_id
                    where t.vacancy_id in (select * from chosen)
                ), ranked as (
                    select *, %s as score from parts order by %s limit :size offset :offset
                )
                select r.*, v.profile, v.company_name, v.workplace_municipality, v.contract_type, v.contract_months,
                    array(select x from unnest(v.skill_terms) x where x = any(w.terms)) as shared
                from ranked r join vacancies_vacancy v on v.id = r.id cross join w
                order by %s""".formatted(NEAR_KM, REACHABLE_KM, distance("w.lat", "w.lon", "p.latitude", "p.longitude"),
                PROFESSION, levels("cp.prefixes", "w.prefixes"), LEVELS, LEVELS, SAME_MUNICIPALITY, SAME_PROVINCE,
                SAME_PROVINCE, SAME_PROVINCE, TERMS_POINTS, base, base, SKILLS, AREA, base, TERMS_POINTS, TERMS_POINTS,
                chosen,
                levels("t.profession_prefixes", "w.prefixes"), TOTAL, order, order);
        // The board's open offers, from the kept groups' counts (V84).
        long total = jdbc.sql("select coalesce(sum(offers), 0) from vacancies_offer_group").query(Long.class).single();
        planEachTime();
        List<VacancyMatch> rows = jdbc.sql(sql)
                .param("codes", found.map(w -> w.professionCodes().toArray(String[]::new)).orElse(new String[0]))
                .param("text", found.map(Matching::text).orElse(""))
                .param("municipality", found.map(WorkerProfile::municipality).orElse(null))
                .param("province", province)
                .param("lat", located ? homePoint.latitude() : null)
                .param("lon", located ? homePoint.longitude() : null)
                .param("provinceCentres", centresOf(all, province))
                .param("placeIds", unlocated.stream().map(MatchingTerms.UnlocatedPlace::id).toArray(Integer[]::new))
                .param("placeLats", points[0]).param("placeLons", points[1])
                .param("k", (long) page * size + size)
                .param("size", size).param("offset", (long) page * size)
                .query((rs, n) -> new VacancyMatch(rs.getLong("id"), rs.getString("profile"), rs.getString("company_name"),
                        rs.getString("workplace_municipality"), rs.getObject("arrived_on", LocalDate.class), fit(rs)))
                .list();
        return new PageImpl<>(rows, PageRequest.of(page, size), total);
    }

    /**
     * Stores what no writer has stored (data written by SQL, as the benchmarks seed it): the start-up's one-time
     * fill, on demand. Returns how many workers' terms it stored.
     */
    @Transactional
    public int fillMissingTerms() {
        return terms.backfill();
    }

    /**
     * Plans the ranking for its values each time, in this transaction: a plan made once for any values (what
     * PostgreSQL does after five runs of a prepared statement) does not know the cut nor how few rows the terms'
     * indexes find, and was seen taking seconds.
     */
    private void planEachTime() {
        jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
    }

    /** The ids of the CPIs of a province (none for no province): an offer or a worker names its CPI, not its province. */
    private static Long[] centresOf(List<CentreSummary> all, String province) {
        return province == null ? new Long[0]
                : all.stream().filter(c -> province.equals(c.province())).map(CentreSummary::id).toArray(Long[]::new);
    }

    /**
     * The workers in an open pathway the user sees (their CPI's, every CPI's for the region), ranked
     * for an offer: the open pathways are those the vacancies module keeps from the pathway module's events
     * ({@link Candidates}), scored against the workers' stored terms (ADR 0038) in one query, nothing passed
     * as parameters; a worker without stored terms is computed from the register for this
     * ranking, without storing (a read writes nothing). Each candidate's row carries a copy of its worker's stored
     * terms (V86: set of prefixes, residence, CPI, completeness): the profession's points are computed once per
     * distinct set of prefixes, the place part once per distinct residence, and every candidate is scored by looking
     * both up, plus the points of the terms it shares with the offer (the terms' index finds those who share one).
     * The page's rows are chosen in the page's own order (score, distance, name) and only they are then read in
     * full, with their reasons.
     */
    public Page<WorkerMatch> forVacancy(CurrentUser user, long vacancyId, int page, int size) {
        return forVacancy(user, vacancyId, page, size, true);
    }

    /** The same, every candidate scored in full when {@code preselect} is false (the reference of the tests). */
    Page<WorkerMatch> forVacancy(CurrentUser user, long vacancyId, int page, int size, boolean preselect) {
        Long scope = user.scopeCentreId();
        // Usually every candidate has stored terms (their writers keep them): ranked at once, the statement saying
        // how many had none. Otherwise (data written by SQL), or when the page is empty and cannot say, the
        // missing ones are computed from the register for this ranking and the statement runs again with them.
        Ranked first = rank(scope, vacancyId, page, size, preselect, terms.rows(List.of()));
        if (!first.rows().isEmpty() && first.missing() == 0) {
            return new PageImpl<>(first.rows(), PageRequest.of(page, size), first.ranked());
        }
        List<Long> missing = candidates.withoutTerms(scope);
        MatchingTerms.Rows extra = terms.rows(missing);
        Ranked again = missing.isEmpty() ? first : rank(scope, vacancyId, page, size, preselect, extra);
        // Workers the register does not know (no stored nor computed terms) are not ranked, nor counted.
        long unknown = missing.size() - extra.size();
        return new PageImpl<>(again.rows(), PageRequest.of(page, size),
                again.rows().isEmpty() ? candidates.count(scope) - unknown : again.ranked());
    }

    /** A page of workers ranked for an offer, how many were ranked, and how many candidates had no terms given. */
    private record Ranked(List<WorkerMatch> rows, long ranked, long missing) {
    }

    private Ranked rank(Long scope, long vacancyId, int page, int size, boolean preselect, MatchingTerms.Rows extra) {
        List<CentreSummary> all = centres.all();
        // The offer's place, located (places module) for the distances; the workers' are stored.
        record OfferPlace(Place place, Long centreId, int skillTerms) {
        }
        OfferPlace offer = jdbc.sql("""
                select workplace_municipality, coalesce(workplace_province, ''), centre_id, cardinality(skill_terms)
                from vacancies_vacancy where id = ?""")
                .param(vacancyId).query((rs, n) -> new OfferPlace(new Place(rs.getString(1), rs.getString(2)),
                        (Long) rs.getObject(3), rs.getInt(4)))
                .optional().orElse(new OfferPlace(new Place(null, null), null, 0));
        Place offerPlace = offer.place();
        Municipality offerPoint = offerPlace.name() == null ? null
                : municipalities.resolveAll(List.of(offerPlace)).get(offerPlace);
        boolean located = offerPoint != null && offerPoint.hasCoordinates();
        String centreProvince = all.stream().filter(c -> offer.centreId() != null && c.id() == offer.centreId())
                .map(CentreSummary::province).findFirst().orElse(null);
        double lat = located ? offerPoint.latitude() : 0;
        double latSpan = REACHABLE_KM * DEGREES_PER_KM;
        double lonSpan = Math.abs(lat) + latSpan >= 89 ? 360 : latSpan / Math.cos(Math.toRadians(Math.abs(lat) + latSpan));
        // The stored rows alone when nothing is given: a plain table, which PostgreSQL joins by a good plan.
        String terms = extra.size() == 0 ? "vacancies_worker_terms" : """
                (select t.worker_id, t.tax_code, t.name, t.municipality, t.centre_id, t.latitude, t.longitude,
                    t.prefix_set_id, t.prefixes, t.terms, t.complete
                 from vacancies_worker_terms t where t.worker_id <> all(cast(:wIds as bigint[]))
                 union all
                 select * from (%s) x)""".formatted(MatchingTerms.SELECT);
        String distance = distance("v.lat", "v.lon", "t.latitude", "t.longitude");
        // A candidate with stored terms is scored from its row's copy of them (V86): the profession's points of its
        // set of prefixes and the place part of its residence, both computed once per distinct value below.
        String stored = """
                select c.pathway_id, c.worker_id, c.complete, c.name, ((select pk from pp))[c.place_id] as km,
                    coalesce(((select lv from lv))[c.prefix_set_id], 0)
                    + case ((select pp from pp))[c.place_id]
                        when -1 then case when c.home_centre_id = any(cast(:provinceCentres as bigint[])) then %d else 0 end
                        else ((select pp from pp))[c.place_id] end
                    + (select contract_points from v) as base
                from vacancies_candidate c
                where c.complete is not null and (cast(:scope as bigint) is null or c.centre_id = :scope)"""
                .formatted(SAME_PROVINCE);
        // A candidate whose terms were computed for this ranking (none stored) is scored from them row by row.
        String computed = extra.size() == 0 ? "" : """
                union all
                select c.pathway_id, c.worker_id, t.complete, t.name, coalesce(%s, 'Infinity'),
                    %d * least(%s, %d) / %d
                    + case when v.lat is not null and t.latitude is not null then
                          case when t.latitude not between :latLow and :latHigh or t.longitude not between :lonLow and :lonHigh
                              then 0 else %s end
                      when lower(t.municipality) = v.municipality then %d
                      when t.centre_id = any(cast(:provinceCentres as bigint[])) then %d else 0 end
                    + v.contract_points
                from vacancies_candidate c join (%s) t on t.worker_id = c.worker_id cross join v
                where c.complete is null and (cast(:scope as bigint) is null or c.centre_id = :scope)"""
                .formatted(distance, PROFESSION, levels("v.profession_prefixes", "t.prefixes"), LEVELS, LEVELS,
                        placePoints(place(distance, "false", "false")), SAME_MUNICIPALITY, SAME_PROVINCE,
                        MatchingTerms.SELECT);
        String computedCount = extra.size() == 0 ? "select 0 as n" : """
                select count(*) as n from vacancies_candidate c join (%s) t on t.worker_id = c.worker_id
                where c.complete is null and (cast(:scope as bigint) is null or c.centre_id = :scope)"""
                .formatted(MatchingTerms.SELECT);
        // The page's rows and those before it, in the page's order: each candidate's base plus the points of the
        // terms it shares with the offer (joined by hash from those who share one), then the distance and the name
        // (the copy's, V86). Only these k rows are then read in full.
        String chosen = !preselect ? "select pathway_id, worker_id from scored" : """
                select s.pathway_id, s.worker_id from scored s left join shared g on g.worker_id = s.worker_id
                order by s.complete desc, case when s.complete then s.base + coalesce(g.points, 0) end desc, s.km,
                    s.name, s.pathway_id
                limit :k""";
        String sql = """
                with v as materialized (
                    select v.id, v.profession_prefixes, v.skill_terms, v.area_terms, v.contract_type, v.contract_months,
                        lower(v.workplace_municipality) as municipality,
                        coalesce(v.workplace_province, cast(:centreProvince as text)) as province,
                        vacancies_contract_points(v.contract_type, v.contract_months) as contract_points,
                        cast(:lat as double precision) as lat, cast(:lon as double precision) as lon
                    from vacancies_vacancy v where v.id = :vacancy
                ), lv as materialized (
                    -- the profession's points of each distinct set of prefixes sharing at least the first level
                    select array(select coalesce(d.points, 0)
                                 from generate_series(1, (select coalesce(max(id), 0) from vacancies_worker_prefixes)) g
                                 left join (select d.id, %d * least(%s, %d) / %d as points
                                            from vacancies_worker_prefixes d cross join v
                                            where cardinality(v.profession_prefixes) > 0
                                                and d.prefixes @> array[v.profession_prefixes[1]]) d
                                     on d.id = g order by g) as lv
                ), places as materialized (
                    -- each distinct residence (V86): its distance from the offer and its place part, 15, 10 or 0 by
                    -- distance, else 15 for the offer's municipality, null where it is judged by the worker's CPI
                    select t.id, d.km, case when d.km is not null
                            then case when d.km <= %d then %d when d.km <= %d then %d else 0 end
                            when t.municipality = v.municipality then %d end as points
                    from vacancies_worker_place t cross join v cross join lateral (select %s as km) d
                ), pp as materialized (
                    -- the same as arrays by residence, without nulls (looked up in constant time): the place part
                    -- (-1: by the province of the worker's CPI) and the distance (infinite where unknown: last)
                    select array(select coalesce(x.points, -1)
                                 from generate_series(1, (select coalesce(max(id), 0) from vacancies_worker_place)) g
                                 left join places x on x.id = g order by g) as pp,
                           array(select coalesce(x.km, 'Infinity')
                                 from generate_series(1, (select coalesce(max(id), 0) from vacancies_worker_place)) g
                                 left join places x on x.id = g order by g) as pk
                ), scored as not materialized (
                    -- every candidate of the user's scope with its base (profession, place, contract): two array
                    -- lookups per row, no join
                    %s
                    %s
                ), shared as materialized (
                    -- the workers sharing a term with the offer (the terms' index finds them): their points for
                    -- skills and area
                    select t.worker_id,
                        case when cardinality(v.skill_terms) = 0 then 0 else %d * %s / cardinality(v.skill_terms) end
                        + case when v.area_terms && t.terms then %d else 0 end as points
                    from %s t cross join v
                    where t.terms && (select skill_terms || area_terms from v)
                ), chosen as materialized (
                    %s
                ), parts as materialized (
                    select c.pathway_id, t.worker_id, t.tax_code, t.name, t.municipality as residence_municipality,
                        t.complete, t.terms,
                        %s as levels,
                        cardinality(v.skill_terms) as skill_total,
                        case when v.skill_terms && t.terms
                            then (select count(*) from unnest(v.skill_terms) x where x = any(t.terms))::int else 0 end
                            as skill_hits,
                        v.area_terms && t.terms as area_hit,
                        %s as distance_km,
                        %s as place,
                        v.contract_type, v.contract_months, v.contract_points
                    -- each chosen worker's row by its key (offset 0: looked up, not joined with every row)
                    from chosen c cross join lateral (select * from %s t where t.worker_id = c.worker_id offset 0) t
                    cross join v
                ), ranked as (
                    -- Workers whose profile cannot be matched come last, by name: their score would mean nothing.
                    select *, %s as score from parts
                    order by complete desc, case when complete then %s end desc, distance_km nulls last, name, pathway_id
                    limit :size offset :offset
                ), counted as materialized (
                    -- one pass over the scope's candidates: those with stored terms, and those without
                    select count(complete) as stored, count(*) - count(complete) as unstored
                    from vacancies_candidate where cast(:scope as bigint) is null or centre_id = :scope
                ), computed as materialized (
                    %s
                )
                select r.*, array(select x from unnest(v.skill_terms) x where x = any(r.terms)) as shared,
                    n.stored + m.n as ranked, n.unstored - m.n as missing
                from ranked r cross join v cross join counted n cross join computed m
                order by complete desc, case when complete then score end desc, distance_km nulls last, name, pathway_id"""
                .formatted(PROFESSION, levels("v.profession_prefixes", "d.prefixes"), LEVELS, LEVELS,
                        NEAR_KM, SAME_MUNICIPALITY, REACHABLE_KM, SAME_PROVINCE, SAME_MUNICIPALITY,
                        distance,
                        stored, computed, SKILLS, skillHits(offer.skillTerms()), AREA, terms, chosen,
                        levels("v.profession_prefixes", "t.prefixes"), distance,
                        place(distance, "lower(t.municipality) = v.municipality",
                                "t.centre_id = any(cast(:provinceCentres as bigint[]))"),
                        terms, TOTAL, TOTAL, computedCount);
        String offerProvince = offerPlace.province() == null || offerPlace.province().isEmpty() ? centreProvince
                : offerPlace.province();
        planEachTime();
        var statement = jdbc.sql(sql)
                .param("vacancy", vacancyId)
                .param("centreProvince", centreProvince)
                .param("lat", located ? offerPoint.latitude() : null)
                .param("lon", located ? offerPoint.longitude() : null)
                .param("latLow", lat - latSpan).param("latHigh", lat + latSpan)
                .param("lonLow", located ? offerPoint.longitude() - lonSpan : 0)
                .param("lonHigh", located ? offerPoint.longitude() + lonSpan : 0)
                .param("provinceCentres", centresOf(all, offerProvince))
                .param("scope", scope)
                .param("k", (long) page * size + size)
                .param("size", size).param("offset", (long) page * size);
        for (var p : extra.params().entrySet()) {
            statement = statement.param(p.getKey(), p.getValue());
        }
        long[] counts = {0, 0};
        List<WorkerMatch> rows = statement
                .query((rs, n) -> {
                    counts[0] = rs.getLong("ranked");
                    counts[1] = rs.getLong("missing");
                    return new WorkerMatch(rs.getLong("pathway_id"), rs.getLong("worker_id"), rs.getString("tax_code"),
                            rs.getString("name").isEmpty() ? rs.getString("tax_code") : rs.getString("name"),
                            rs.getString("residence_municipality"), fit(rs), rs.getBoolean("complete"));
                })
                .list();
        return new Ranked(rows, counts[0], counts[1]);
    }

    /** The words a worker's terms come from: their skills and the professions of their history. */
    static String text(WorkerProfile w) {
        return (w.skills() == null ? "" : w.skills()) + " " + String.join(" ", w.professionLabels());
    }

    private static Fit fit(ResultSet rs) throws SQLException {
        String contract = rs.getString("contract_type");
        String[] shared = (String[]) rs.getArray("shared").getArray();
        return new Fit(rs.getInt("score"), rs.getInt("levels"), rs.getInt("skill_hits"), rs.getInt("skill_total"),
                Arrays.asList(shared), rs.getBoolean("area_hit"), rs.getInt("place"),
                contract == null ? null : ContractType.valueOf(contract), (Integer) rs.getObject("contract_months"),
                rs.getInt("contract_points"), (Double) rs.getObject("distance_km"));
    }
}
