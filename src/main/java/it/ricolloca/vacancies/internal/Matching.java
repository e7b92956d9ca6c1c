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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * Equal scores rank the closest first. The coordinates are asked of the places module in one batch and passed to
 * the query as arrays; the distance is computed there (haversine).
 * The common table expressions are {@code materialized} on purpose: inlined, PostgreSQL would
 * compute a worker's terms again for every term compared (seconds instead of tens of milliseconds).
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
        return ("2 * %s * asin(least(1, sqrt(power(sin(radians(%s - %s) / 2), 2) + cos(radians(%s)) * cos(radians(%s))"
                + " * power(sin(radians(%s - %s) / 2), 2))))").formatted(Municipalities.EARTH_RADIUS_KM, lat2, lat1, lat1,
                lat2, lon2, lon1);
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

    // Contract points and the total, as SQL over a row that has v (the offer) and the parts computed.
    private static final String CONTRACT_POINTS = """
            case when v.contract_type in ('PERMANENT', 'APPRENTICESHIP') then 10
                 when v.contract_type in ('FIXED_TERM', 'AGENCY') and v.contract_months >= 6 then 8
                 when v.contract_type in ('FIXED_TERM', 'AGENCY') and v.contract_months >= 3 then 6
                 when v.contract_type is null then 3
                 else 0 end""";

    /** Levels shared by the offer's code and any of the worker's: how many of the offer's prefixes the worker has. */
    private static final String SHARED_LEVELS = IntStream.rangeClosed(1, MAX_LEVELS)
            .mapToObj(k -> "coalesce(v.profession_prefixes[" + k + "] = any(w.prefixes), false)::int")
            .collect(Collectors.joining(" + ", "(", ")"));

    /** The same for one past job h of a worker: the deepest prefix of the offer's code that the job's code has. */
    private static final String JOB_LEVELS = IntStream.iterate(MAX_LEVELS, k -> k >= 1, k -> k - 1)
            .mapToObj(k -> "when h.profession_code = v.profession_prefixes[" + k + "] or h.profession_code like v.profession_prefixes["
                    + k + "] || '.%' then " + k)
            .collect(Collectors.joining(" ", "case ", " else 0 end"));

    private static final String TOTAL = """
            (%d * least(levels, %d) / %d
             + case when skill_total = 0 then 0 else %d * skill_hits / skill_total end
             + case when area_hit then %d else 0 end
             + case place when 2 then %d when 1 then %d else 0 end
             + contract_points)""".formatted(PROFESSION, LEVELS, LEVELS, SKILLS, AREA, SAME_MUNICIPALITY, SAME_PROVINCE);

    /** The centres' provinces as a table of the query (offers name their CPI; the network module owns the CPIs). */
    private static final String CENTRES = "unnest(cast(:centreIds as bigint[]), cast(:centreProvinces as text[]))";

    private final JdbcClient jdbc;
    private final Workers workers;
    private final Pathways pathways;
    private final JobCentres centres;
    private final Municipalities municipalities;

    Matching(JdbcClient jdbc, Workers workers, Pathways pathways, JobCentres centres, Municipalities municipalities) {
        this.jdbc = jdbc;
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
     * whose profile is incomplete, the open offers newest first, unranked.
     */
    public Page<VacancyMatch> forWorker(long workerId, int page, int size) {
        List<CentreSummary> all = centres.all();
        Optional<WorkerProfile> found = Optional.ofNullable(workers.profiles(List.of(workerId)).get(workerId));
        String order = found.filter(Matching::profileComplete).isPresent()
                ? "score desc, distance_km nulls last, arrived_on desc, id desc" : "arrived_on desc, id desc";
        String province = found.map(WorkerProfile::competentCentreId).flatMap(id -> all.stream()
                .filter(c -> c.id() == id).findFirst()).map(CentreSummary::province).orElse(null);
        // The offers' places and the worker's, located in one batch (places module) for the distances.
        List<Place> offerPlaces = jdbc.sql("""
                select distinct workplace_municipality, coalesce(workplace_province, '') as province from vacancies_vacancy
                where status in ('OPEN', 'IN_SELECTION') and workplace_municipality is not null""")
                .query((rs, n) -> new Place(rs.getString(1), rs.getString(2))).list();
        Place home = new Place(found.map(WorkerProfile::municipality).orElse(null), province);
        List<Place> asked = new ArrayList<>(offerPlaces);
        asked.add(home);
        Map<Place, Municipality> located = municipalities.resolveAll(asked);
        Municipality homePoint = located.get(home);
        List<Place> points = offerPlaces.stream().filter(p -> located.get(p) != null && located.get(p).hasCoordinates())
                .toList();
        String sql = """
                with w as materialized (
                    select coalesce((select array_agg(distinct p) from unnest(cast(:codes as text[])) code,
                               unnest(vacancies_code_prefixes(code)) p), '{}') as prefixes,
                           tsvector_to_array(to_tsvector('italian', cast(:text as text))) as terms,
                           lower(cast(:municipality as text)) as municipality, cast(:province as text) as province,
                           cast(:lat as double precision) as lat, cast(:lon as double precision) as lon
                ), pts as materialized (
                    select * from unnest(cast(:pointNames as text[]), cast(:pointProvinces as text[]),
                        cast(:pointLats as double precision[]), cast(:pointLons as double precision[]))
                        as p(name, province, lat, lon)
                ), parts as materialized (
                    select v.id, v.profile, v.company_name, v.workplace_municipality, v.arrived_on, v.contract_type,
                        v.contract_months,
                        %s as levels,
                        cardinality(v.skill_terms) as skill_total,
                        array(select t from unnest(v.skill_terms) t where t = any(w.terms)) as shared,
                        v.area_terms && w.terms as area_hit,
                        d.km as distance_km,
                        %s as place,
                        %s as contract_points
                    from vacancies_vacancy v cross join w left join %s vc(id, province) on vc.id = v.centre_id
                    left join lateral (select %s as km from pts p where p.name = v.workplace_municipality
                        and p.province = coalesce(v.workplace_province, '') and w.lat is not null limit 1) d on true
                    where v.status in ('OPEN', 'IN_SELECTION')
                )
                select *, cardinality(shared) as skill_hits from parts""".formatted(SHARED_LEVELS,
                place("d.km", "lower(v.workplace_municipality) = w.municipality",
                        "coalesce(v.workplace_province, vc.province) = w.province"),
                CONTRACT_POINTS, CENTRES, distance("w.lat", "w.lon", "p.lat", "p.lon"));
        String ranked = "select *, " + TOTAL + " as score from (" + sql + ") s";
        long total = jdbc.sql("select count(*) from vacancies_vacancy where status in ('OPEN', 'IN_SELECTION')")
                .query(Long.class).single();
        List<VacancyMatch> rows = jdbc.sql(ranked + " order by " + order + " limit :size offset :offset")
                .param("codes", found.map(w -> w.professionCodes().toArray(String[]::new)).orElse(new String[0]))
                .param("text", found.map(Matching::text).orElse(""))
                .param("municipality", found.map(WorkerProfile::municipality).orElse(null))
                .param("province", province)
                .param("lat", homePoint == null ? null : homePoint.latitude())
                .param("lon", homePoint == null ? null : homePoint.longitude())
                .param("pointNames", points.stream().map(Place::name).toArray(String[]::new))
                .param("pointProvinces", points.stream().map(Place::province).toArray(String[]::new))
                .param("pointLats", points.stream().map(p -> located.get(p).latitude()).toArray(Double[]::new))
                .param("pointLons", points.stream().map(p -> located.get(p).longitude()).toArray(Double[]::new))
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
     * for an offer: the pathways and the workers' profiles are asked of their modules in one batch
     * each and scored together with the offer in one query.
     */
    public Page<WorkerMatch> forVacancy(CurrentUser user, long vacancyId, int page, int size) {
        List<CentreSummary> all = centres.all();
        Map<Long, String> provinces = new HashMap<>();
        all.forEach(c -> provinces.put(c.id(), c.province()));
        List<OpenPathway> open = pathways.open(user.scopeCentreId());
        Map<Long, WorkerProfile> profiles = workers.profiles(open.stream().map(OpenPathway::workerId).distinct().toList());
        List<OpenPathway> candidates = open.stream().filter(p -> profiles.containsKey(p.workerId())).toList();
        List<WorkerProfile> of = candidates.stream().map(p -> profiles.get(p.workerId())).toList();
        // The offer's place and the candidates' residences, located in one batch (places module) for the distances.
        Place offerPlace = jdbc.sql("""
                select workplace_municipality, coalesce(workplace_province, '') from vacancies_vacancy where id = ?""")
                .param(vacancyId).query((rs, n) -> new Place(rs.getString(1), rs.getString(2))).optional()
                .orElse(new Place(null, null));
        List<Place> homes = of.stream().map(w -> new Place(w.municipality(),
                w.competentCentreId() == null ? null : provinces.get(w.competentCentreId()))).toList();
        List<Place> asked = new ArrayList<>(homes);
        asked.add(offerPlace);
        Map<Place, Municipality> located = municipalities.resolveAll(asked);
        Municipality offerPoint = located.get(offerPlace);
        String sql = """
                with v as materialized (
                    select v.*, coalesce(v.workplace_province, vc.province) as province, %s as contract_points,
                        cast(:lat as double precision) as lat, cast(:lon as double precision) as lon
                    from vacancies_vacancy v left join %s vc(id, province) on vc.id = v.centre_id where v.id = :vacancy
                ), candidates as materialized (
                    select c.pathway_id, c.worker_id, c.tax_code, c.name, c.residence_municipality, c.complete,
                        coalesce((select max(%s) from unnest(string_to_array(c.codes, '|')) h(profession_code)), 0) as levels,
                        tsvector_to_array(to_tsvector('italian', c.terms_text)) as terms,
                        %s as distance_km,
                        %s as place
                    from unnest(cast(:pathwayIds as bigint[]), cast(:workerIds as bigint[]), cast(:taxCodes as text[]),
                            cast(:names as text[]), cast(:municipalities as text[]), cast(:provinces as text[]),
                            cast(:texts as text[]), cast(:codes as text[]), cast(:completes as boolean[]),
                            cast(:lats as double precision[]), cast(:lons as double precision[]))
                        as c(pathway_id, worker_id, tax_code, name, residence_municipality, province, terms_text, codes,
                            complete, lat, lon)
                    cross join v
                ), parts as materialized (
                    select c.*, cardinality(v.skill_terms) as skill_total,
                        array(select t from unnest(v.skill_terms) t where t = any(c.terms)) as shared,
                        v.area_terms && c.terms as area_hit, v.contract_type, v.contract_months, v.contract_points
                    from candidates c cross join v
                )
                select *, cardinality(shared) as skill_hits from parts""".formatted(CONTRACT_POINTS, CENTRES, JOB_LEVELS,
                distance("v.lat", "v.lon", "c.lat", "c.lon"),
                place(distance("v.lat", "v.lon", "c.lat", "c.lon"),
                        "lower(v.workplace_municipality) = lower(c.residence_municipality)", "v.province = c.province"));
        String ranked = "select *, " + TOTAL + " as score from (" + sql + ") s";
        // Workers whose profile cannot be matched come last, by name: their score would mean nothing.
        List<WorkerMatch> rows = jdbc.sql("select * from (" + ranked + ") r order by complete desc,"
                + " case when complete then score end desc, distance_km nulls last, name, pathway_id"
                + " limit :size offset :offset")
                .param("vacancy", vacancyId)
                .param("lat", offerPoint == null ? null : offerPoint.latitude())
                .param("lon", offerPoint == null ? null : offerPoint.longitude())
                .param("lats", homes.stream().map(h -> located.get(h) == null ? null : located.get(h).latitude())
                        .toArray(Double[]::new))
                .param("lons", homes.stream().map(h -> located.get(h) == null ? null : located.get(h).longitude())
                        .toArray(Double[]::new))
                .param("centreIds", all.stream().map(CentreSummary::id).toArray(Long[]::new))
                .param("centreProvinces", all.stream().map(CentreSummary::province).toArray(String[]::new))
                .param("pathwayIds", candidates.stream().map(OpenPathway::pathwayId).toArray(Long[]::new))
                .param("workerIds", candidates.stream().map(OpenPathway::workerId).toArray(Long[]::new))
                .param("taxCodes", of.stream().map(WorkerProfile::taxCode).toArray(String[]::new))
                .param("names", of.stream().map(w -> w.name() == null ? "" : w.name()).toArray(String[]::new))
                .param("municipalities", of.stream().map(WorkerProfile::municipality).toArray(String[]::new))
                .param("provinces", of.stream().map(w -> w.competentCentreId() == null ? null
                        : provinces.get(w.competentCentreId())).toArray(String[]::new))
                .param("texts", of.stream().map(Matching::text).toArray(String[]::new))
                .param("codes", of.stream().map(w -> String.join("|", w.professionCodes())).toArray(String[]::new))
                .param("completes", of.stream().map(Matching::profileComplete).toArray(Boolean[]::new))
                .param("size", size).param("offset", (long) page * size)
                .query((rs, n) -> new WorkerMatch(rs.getLong("pathway_id"), rs.getLong("worker_id"),
                        rs.getString("tax_code"), rs.getString("name").isEmpty() ? rs.getString("tax_code") : rs.getString("name"),
                        rs.getString("residence_municipality"), fit(rs), rs.getBoolean("complete")))
                .list();
        return new PageImpl<>(rows, PageRequest.of(page, size), candidates.size());
    }

    /** The words a worker's terms come from: their skills and the professions of their history. */
    private static String text(WorkerProfile w) {
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
