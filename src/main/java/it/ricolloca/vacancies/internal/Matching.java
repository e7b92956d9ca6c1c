package it.ricolloca.vacancies.internal;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.network.CentreSummary;
import it.ricolloca.network.JobCentres;
import it.ricolloca.pathway.ContractType;
import it.ricolloca.pathway.Pathways;
import it.ricolloca.pathway.Pathways.OpenPathway;
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
import java.util.Set;
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

    private static final String TOTAL = """
            (%d * least(levels, %d) / %d
             + case when skill_total = 0 then 0 else %d * skill_hits / skill_total end
             + case when area_hit then %d else 0 end
             + case place when 2 then %d when 1 then %d else 0 end
             + contract_points)""".formatted(PROFESSION, LEVELS, LEVELS, SKILLS, AREA, SAME_MUNICIPALITY, SAME_PROVINCE);

    /** The centres' provinces as a table of the query (offers name their CPI; the network module owns the CPIs). */
    private static final String CENTRES = "unnest(cast(:centreIds as bigint[]), cast(:centreProvinces as text[]))";

    private final JdbcClient jdbc;
    private final MatchingTerms terms;
    private final Workers workers;
    private final Pathways pathways;
    private final JobCentres centres;
    private final Municipalities municipalities;

    Matching(JdbcClient jdbc, MatchingTerms terms, Workers workers, Pathways pathways, JobCentres centres,
            Municipalities municipalities) {
        this.jdbc = jdbc;
        this.terms = terms;
        this.workers = workers;
        this.pathways = pathways;
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
     * whose profile is incomplete, the open offers newest first, unranked. The worker's terms are computed once
     * from the register; the offers' are read from their stored rows (ADR 0038), and the reasons (the shared
     * terms) are listed for the page's rows only.
     */
    @Transactional
    public Page<VacancyMatch> forWorker(long workerId, int page, int size) {
        terms.locateOffers();
        List<CentreSummary> all = centres.all();
        Optional<WorkerProfile> found = Optional.ofNullable(workers.profiles(List.of(workerId)).get(workerId));
        String order = found.filter(Matching::profileComplete).isPresent()
                ? "score desc, distance_km nulls last, arrived_on desc, id desc" : "arrived_on desc, id desc";
        String province = found.map(WorkerProfile::competentCentreId).flatMap(id -> all.stream()
                .filter(c -> c.id() == id).findFirst()).map(CentreSummary::province).orElse(null);
        Place home = new Place(found.map(WorkerProfile::municipality).orElse(null), province);
        Municipality homePoint = home.name() == null ? null : municipalities.resolveAll(List.of(home)).get(home);
        boolean located = homePoint != null && homePoint.hasCoordinates();
        String sql = """
                with w as materialized (
                    select coalesce((select array_agg(distinct p) from unnest(cast(:codes as text[])) code,
                               unnest(vacancies_code_prefixes(code)) p), '{}') as prefixes,
                           tsvector_to_array(to_tsvector('italian', cast(:text as text))) as terms,
                           lower(cast(:municipality as text)) as municipality, cast(:province as text) as province,
                           cast(:lat as double precision) as lat, cast(:lon as double precision) as lon
                ), parts as materialized (
                    select t.vacancy_id as id, t.arrived_on,
                        %s as levels,
                        cardinality(t.skill_terms) as skill_total,
                        case when t.skill_terms && w.terms
                            then (select count(*) from unnest(t.skill_terms) x where x = any(w.terms))::int else 0 end
                            as skill_hits,
                        t.area_terms && w.terms as area_hit,
                        %s as distance_km,
                        %s as place,
                        t.contract_points
                    from vacancies_offer_terms t cross join w left join %s vc(id, province) on vc.id = t.centre_id
                ), ranked as (
                    select *, %s as score from parts order by %s limit :size offset :offset
                )
                select r.*, v.profile, v.company_name, v.workplace_municipality, v.contract_type, v.contract_months,
                    array(select x from unnest(v.skill_terms) x where x = any(w.terms)) as shared
                from ranked r join vacancies_vacancy v on v.id = r.id cross join w
                order by %s""".formatted(levels("t.profession_prefixes", "w.prefixes"),
                distance("w.lat", "w.lon", "t.latitude", "t.longitude"),
                place(distance("w.lat", "w.lon", "t.latitude", "t.longitude"), "lower(t.municipality) = w.municipality",
                        "coalesce(t.province, vc.province) = w.province"),
                CENTRES, TOTAL, order, order);
        long total = jdbc.sql("select count(*) from vacancies_offer_terms").query(Long.class).single();
        List<VacancyMatch> rows = jdbc.sql(sql)
                .param("codes", found.map(w -> w.professionCodes().toArray(String[]::new)).orElse(new String[0]))
                .param("text", found.map(Matching::text).orElse(""))
                .param("municipality", found.map(WorkerProfile::municipality).orElse(null))
                .param("province", province)
                .param("lat", located ? homePoint.latitude() : null)
                .param("lon", located ? homePoint.longitude() : null)
                .param("centreIds", all.stream().map(CentreSummary::id).toArray(Long[]::new))
                .param("centreProvinces", all.stream().map(CentreSummary::province).toArray(String[]::new))
                .param("size", size).param("offset", (long) page * size)
                .query((rs, n) -> new VacancyMatch(rs.getLong("id"), rs.getString("profile"), rs.getString("company_name"),
                        rs.getString("workplace_municipality"), rs.getObject("arrived_on", LocalDate.class), fit(rs)))
                .list();
        return new PageImpl<>(rows, PageRequest.of(page, size), total);
    }

    /**
     * The workers in an open pathway the user sees (their CPI's, every CPI's for the region), ranked
     * for an offer: the pathways are asked of their module in one batch and scored against the workers' stored
     * terms (ADR 0038) in one query; a worker without stored terms yet is copied from the register first.
     */
    @Transactional
    public Page<WorkerMatch> forVacancy(CurrentUser user, long vacancyId, int page, int size) {
        List<CentreSummary> all = centres.all();
        List<OpenPathway> open = pathways.open(user.scopeCentreId());
        Set<Long> unknown = terms.fillWorkers(open.stream().map(OpenPathway::workerId).toArray(Long[]::new));
        List<OpenPathway> candidates = unknown.isEmpty() ? open
                : open.stream().filter(p -> !unknown.contains(p.workerId())).toList();
        // The offer's place, located (places module) for the distances; the workers' are stored.
        Place offerPlace = jdbc.sql("""
                select workplace_municipality, coalesce(workplace_province, '') from vacancies_vacancy where id = ?""")
                .param(vacancyId).query((rs, n) -> new Place(rs.getString(1), rs.getString(2))).optional()
                .orElse(new Place(null, null));
        Municipality offerPoint = offerPlace.name() == null ? null
                : municipalities.resolveAll(List.of(offerPlace)).get(offerPlace);
        boolean located = offerPoint != null && offerPoint.hasCoordinates();
        String sql = """
                with v as materialized (
                    select v.id, v.profession_prefixes, v.skill_terms, v.area_terms, v.contract_type, v.contract_months,
                        lower(v.workplace_municipality) as municipality, coalesce(v.workplace_province, vc.province) as province,
                        vacancies_contract_points(v.contract_type, v.contract_months) as contract_points,
                        cast(:lat as double precision) as lat, cast(:lon as double precision) as lon
                    from vacancies_vacancy v left join %s vc(id, province) on vc.id = v.centre_id where v.id = :vacancy
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
                    from unnest(cast(:pathwayIds as bigint[]), cast(:workerIds as bigint[])) c(pathway_id, worker_id)
                    join vacancies_worker_terms t on t.worker_id = c.worker_id
                    cross join v left join %s wc(id, province) on wc.id = t.centre_id
                ), ranked as (
                    -- Workers whose profile cannot be matched come last, by name: their score would mean nothing.
                    select *, %s as score from parts
                    order by complete desc, case when complete then %s end desc, distance_km nulls last, name, pathway_id
                    limit :size offset :offset
                )
                select r.*, array(select x from unnest(v.skill_terms) x where x = any(r.terms)) as shared
                from ranked r cross join v
                order by complete desc, case when complete then score end desc, distance_km nulls last, name, pathway_id"""
                .formatted(CENTRES, levels("v.profession_prefixes", "t.prefixes"),
                        distance("v.lat", "v.lon", "t.latitude", "t.longitude"),
                        place(distance("v.lat", "v.lon", "t.latitude", "t.longitude"),
                                "lower(t.municipality) = v.municipality", "v.province = wc.province"),
                        CENTRES, TOTAL, TOTAL);
        List<WorkerMatch> rows = jdbc.sql(sql)
                .param("vacancy", vacancyId)
                .param("lat", located ? offerPoint.latitude() : null)
                .param("lon", located ? offerPoint.longitude() : null)
                .param("centreIds", all.stream().map(CentreSummary::id).toArray(Long[]::new))
                .param("centreProvinces", all.stream().map(CentreSummary::province).toArray(String[]::new))
                .param("pathwayIds", candidates.stream().map(OpenPathway::pathwayId).toArray(Long[]::new))
                .param("workerIds", candidates.stream().map(OpenPathway::workerId).toArray(Long[]::new))
                .param("size", size).param("offset", (long) page * size)
                .query((rs, n) -> new WorkerMatch(rs.getLong("pathway_id"), rs.getLong("worker_id"),
                        rs.getString("tax_code"), rs.getString("name").isEmpty() ? rs.getString("tax_code") : rs.getString("name"),
                        rs.getString("residence_municipality"), fit(rs), rs.getBoolean("complete")))
                .list();
        return new PageImpl<>(rows, PageRequest.of(page, size), candidates.size());
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
