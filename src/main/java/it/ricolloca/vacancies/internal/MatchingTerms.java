package it.ricolloca.vacancies.internal;

import it.ricolloca.network.JobCentres;
import it.ricolloca.places.Municipalities;
import it.ricolloca.places.Municipalities.Place;
import it.ricolloca.places.Municipality;
import it.ricolloca.workers.WorkerDataExpired;
import it.ricolloca.workers.WorkerProfile;
import it.ricolloca.workers.WorkerProfileChanged;
import it.ricolloca.workers.Workers;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The terms matching reads, kept in the vacancies module's own rows by the side that writes (ADR 0038): a read
 * never writes them. An offer's row ({@code vacancies_offer_terms}) is written by a trigger on every write of the
 * board; its workplace's coordinates are asked of the places module by the board's own acts, in their
 * transaction ({@link #locateOffers()}). A worker's row ({@code vacancies_worker_terms}) is computed from the
 * register's public {@link WorkerProfile} when the register announces a change ({@link WorkerProfileChanged}):
 * the workers announced in a transaction are stored together just before it commits, in it, so that the row and
 * the register change together. At start-up, the offers not yet located and the workers in an open pathway
 * without a row are filled once. Matching computes on the fly, without storing, whatever is still missing.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class MatchingTerms implements ApplicationRunner {

    /** Advisory lock space of a worker's row: two transactions changing one worker store it one after the other. */
    private static final int WORKER_LOCK = 0x0038;
    private static final int BATCH = 10_000;
    private static final int MANY = 500;
    private static final Object PENDING = new Object();

    private final JdbcClient jdbc;
    private final Workers workers;
    private final JobCentres centres;
    private final Municipalities municipalities;
    private final Candidates candidates;
    private final EntityManager entityManager;

    MatchingTerms(JdbcClient jdbc, Workers workers, JobCentres centres, Municipalities municipalities,
            Candidates candidates, EntityManager entityManager) {
        this.entityManager = entityManager;
        this.candidates = candidates;
        this.jdbc = jdbc;
        this.workers = workers;
        this.centres = centres;
        this.municipalities = municipalities;
    }

    /** The one-time fill after start-up (migration, data written by SQL, demo data): usually nothing to do. */
    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        backfill();
    }

    /**
     * Locates the offers not located, makes the kept open pathways the pathway module's ({@link Candidates}) and
     * stores the terms of their workers without a row.
     */
    @Transactional
    public int backfill() {
        locateOffers();
        int changed = candidates.reconcile();
        List<Long> missing = candidates.withoutTerms(null);
        store(missing);
        if (changed + missing.size() >= MANY) {
            // Rows written in bulk (pathways or workers written by SQL, a first start): the planner's statistics
            // now, not when autovacuum next passes, or the rankings are planned for the tables as they were.
            jdbc.sql("analyze vacancies_candidate, vacancies_worker_terms").update();
        }
        return missing.size();
    }

    /** The worker changed in the register (or was created): their row is written before the change commits. */
    @EventListener
    void on(WorkerProfileChanged changed) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            store(List.of(changed.workerId()));
            return;
        }
        @SuppressWarnings("unchecked")
        Set<Long> pending = (Set<Long>) TransactionSynchronizationManager.getResource(PENDING);
        if (pending == null) {
            Set<Long> ids = new TreeSet<>();
            TransactionSynchronizationManager.bindResource(PENDING, ids);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(PENDING);
                    // The register's entities are written before their profiles are read by SQL.
                    if (entityManager.isJoinedToTransaction()) {
                        entityManager.flush();
                    }
                    store(ids);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(PENDING);
                }
            });
            pending = ids;
        }
        pending.add(changed.workerId());
    }

    /** The worker was pseudonymised: the row (name, codice fiscale, residence) goes, in the same transaction. */
    @EventListener
    void on(WorkerDataExpired expired) {
        @SuppressWarnings("unchecked")
        Set<Long> pending = (Set<Long>) TransactionSynchronizationManager.getResource(PENDING);
        if (pending != null) {
            pending.remove(expired.workerId());
        }
        jdbc.sql("delete from vacancies_worker_terms where worker_id = ?").param(expired.workerId()).update();
    }

    /**
     * Locates the board's workplaces not yet located (one batch to the places module), in the writer's
     * transaction: the board's acts call it after their write.
     */
    void locateOffers() {
        List<UnlocatedPlace> pending = unlocatedPlaces();
        if (pending.isEmpty()) {
            return;
        }
        Double[][] points = coordinates(pending);
        jdbc.sql("""
                update vacancies_offer_place p set located = true, latitude = x.lat, longitude = x.lon
                from unnest(cast(:ids as int[]), cast(:lats as double precision[]), cast(:lons as double precision[]))
                    x(id, lat, lon)
                where p.id = x.id""")
                .param("ids", pending.stream().map(UnlocatedPlace::id).toArray(Integer[]::new))
                .param("lats", points[0]).param("lons", points[1])
                .update();
    }

    /** A workplace of the board not yet located. */
    record UnlocatedPlace(int id, Place place) {
    }

    /** The workplaces of the board not yet located (usually none: the partial index answers). */
    List<UnlocatedPlace> unlocatedPlaces() {
        return jdbc.sql("select id, municipality, coalesce(province, '') from vacancies_offer_place where not located")
                .query((rs, n) -> new UnlocatedPlace(rs.getInt(1), new Place(rs.getString(2), rs.getString(3)))).list();
    }

    /** The coordinates of these workplaces as the places module gives them (null where unknown), in their order. */
    Double[][] coordinates(List<UnlocatedPlace> places) {
        List<Place> named = places.stream().map(UnlocatedPlace::place).filter(p -> p.name() != null).distinct().toList();
        Map<Place, Municipality> found = named.isEmpty() ? Map.of() : municipalities.resolveAll(named);
        return new Double[][] {
            places.stream().map(p -> point(found.get(p.place())) ? found.get(p.place()).latitude() : null)
                    .toArray(Double[]::new),
            places.stream().map(p -> point(found.get(p.place())) ? found.get(p.place()).longitude() : null)
                    .toArray(Double[]::new)};
    }

    /**
     * The workers' terms as rows of {@code vacancies_worker_terms}, computed from the register's profiles: an SQL
     * select over parameters, stored by {@link #store} and read as they are by matching for a worker still
     * without a row. Workers the register does not know are left out.
     */
    Rows rows(Collection<Long> workerIds) {
        Map<Long, WorkerProfile> profiles = workers.profiles(workerIds);
        List<WorkerProfile> of = workerIds.stream().map(profiles::get).filter(p -> p != null).toList();
        Map<Long, String> provinces = new HashMap<>();
        if (!of.isEmpty()) {
            centres.all().forEach(c -> provinces.put(c.id(), c.province()));
        }
        List<Place> homes = of.stream().map(w -> new Place(w.municipality(),
                w.competentCentreId() == null ? null : provinces.get(w.competentCentreId()))).toList();
        Map<Place, Municipality> located = homes.isEmpty() ? Map.of()
                : municipalities.resolveAll(homes.stream().filter(h -> h.name() != null).distinct().toList());
        Map<String, Object> params = new HashMap<>();
        params.put("wIds", of.stream().map(WorkerProfile::id).toArray(Long[]::new));
        params.put("wTaxCodes", of.stream().map(WorkerProfile::taxCode).toArray(String[]::new));
        params.put("wNames", of.stream().map(w -> w.name() == null ? "" : w.name()).toArray(String[]::new));
        params.put("wMunicipalities", of.stream().map(WorkerProfile::municipality).toArray(String[]::new));
        params.put("wCentres", of.stream().map(WorkerProfile::competentCentreId).toArray(Long[]::new));
        params.put("wLats", homes.stream().map(h -> point(located.get(h)) ? located.get(h).latitude() : null)
                .toArray(Double[]::new));
        params.put("wLons", homes.stream().map(h -> point(located.get(h)) ? located.get(h).longitude() : null)
                .toArray(Double[]::new));
        params.put("wCodes", of.stream().map(w -> String.join("|", w.professionCodes())).toArray(String[]::new));
        params.put("wTexts", of.stream().map(Matching::text).toArray(String[]::new));
        params.put("wCompletes", of.stream().map(Matching::profileComplete).toArray(Boolean[]::new));
        return new Rows(of.size(), params);
    }

    /** Computed terms of some workers: {@link #SELECT} with its parameters. */
    record Rows(int size, Map<String, Object> params) {
    }

    /**
     * The select giving the rows of {@link #rows}, columns in the table's order; the set of prefixes is not looked
     * up ({@code prefix_set_id} null: ranking then compares the prefixes themselves).
     */
    static final String SELECT = """
            select c.id as worker_id, c.tax_code, c.name, c.municipality, c.centre_id, c.lat as latitude,
                c.lon as longitude, cast(null as int) as prefix_set_id,
                coalesce((select array_agg(distinct p) from unnest(string_to_array(c.codes, '|')) code,
                    unnest(vacancies_code_prefixes(code)) p), '{}') as prefixes,
                tsvector_to_array(to_tsvector('italian', c.terms_text)) as terms, c.complete
            from unnest(cast(:wIds as bigint[]), cast(:wTaxCodes as text[]), cast(:wNames as text[]),
                    cast(:wMunicipalities as text[]), cast(:wCentres as bigint[]), cast(:wLats as double precision[]),
                    cast(:wLons as double precision[]), cast(:wCodes as text[]), cast(:wTexts as text[]),
                    cast(:wCompletes as boolean[]))
                as c(id, tax_code, name, municipality, centre_id, lat, lon, codes, terms_text, complete)""";

    /**
     * Writes the rows of these workers from the register, in batches, one worker after the other across
     * transactions (an advisory lock per worker, taken in id order); a worker the register no longer has loses
     * their row.
     */
    void store(Collection<Long> workerIds) {
        List<Long> all = new ArrayList<>(new TreeSet<>(workerIds));
        if (all.isEmpty()) {
            return;
        }
        // A few workers: the whole shared, each worker's own exclusive; many (a fill, a large import): the whole
        // exclusive, not one lock per worker (the server's lock table holds a few thousand).
        boolean many = all.size() > MANY;
        jdbc.sql(many ? "select 1 from (select pg_advisory_xact_lock(:space, 0)) l"
                : "select 1 from (select pg_advisory_xact_lock_shared(:space, 0)) l")
                .param("space", WORKER_LOCK).query(Integer.class).single();
        for (int from = 0; from < all.size(); from += BATCH) {
            List<Long> batch = all.subList(from, Math.min(all.size(), from + BATCH));
            Long[] ids = batch.toArray(Long[]::new);
            if (!many) {
                jdbc.sql("select count(*) from (select pg_advisory_xact_lock(:space, cast(w as int)) from unnest(cast(:ids as bigint[])) w) l")
                        .param("space", WORKER_LOCK + 1).param("ids", ids).query(Long.class).single();
            }
            Rows rows = rows(batch);
            String home = samePlace("p", "lower(x.municipality)", "x.latitude", "x.longitude");
            // The worker's set of prefixes is looked up in the table of sets, added when new (no identity value is
            // used up by a set already there: the ranking's arrays are as long as the table).
            var insert = jdbc.sql("""
                    with x as materialized (%s),
                    added as (
                        insert into vacancies_worker_prefixes (prefixes)
                        select distinct x.prefixes from x
                        where not exists (select 1 from vacancies_worker_prefixes p where p.prefixes = x.prefixes)
                        on conflict do nothing returning id, prefixes),
                    residence as materialized (
                        select distinct lower(x.municipality) as municipality, x.latitude, x.longitude from x),
                    placed as (
                        -- the residences not yet known, one row each (V86: a ranking computes the place part once per row)
                        insert into vacancies_worker_place (municipality, latitude, longitude)
                        select r.municipality, r.latitude, r.longitude from residence r
                        where not exists (select 1 from vacancies_worker_place p where %s)
                        on conflict do nothing returning id, municipality, latitude, longitude)
                    insert into vacancies_worker_terms (worker_id, tax_code, name, municipality, centre_id, latitude,
                        longitude, prefix_set_id, place_id, prefixes, terms, complete)
                    select x.worker_id, x.tax_code, x.name, x.municipality, x.centre_id, x.latitude, x.longitude,
                        coalesce((select a.id from added a where a.prefixes = x.prefixes),
                            (select p.id from vacancies_worker_prefixes p where p.prefixes = x.prefixes)),
                        coalesce((select p.id from placed p where %s), (select p.id from vacancies_worker_place p where %s)),
                        x.prefixes, x.terms, x.complete
                    from x order by x.worker_id
                    on conflict (worker_id) do update set tax_code = excluded.tax_code, name = excluded.name,
                        municipality = excluded.municipality, centre_id = excluded.centre_id,
                        latitude = excluded.latitude, longitude = excluded.longitude,
                        prefix_set_id = excluded.prefix_set_id, place_id = excluded.place_id,
                        prefixes = excluded.prefixes, terms = excluded.terms, complete = excluded.complete"""
                    .formatted(SELECT, samePlace("p", "r.municipality", "r.latitude", "r.longitude"), home, home));
            for (var p : rows.params().entrySet()) {
                insert = insert.param(p.getKey(), p.getValue());
            }
            insert.update();
            if (rows.size() < batch.size()) {
                jdbc.sql("""
                        delete from vacancies_worker_terms where worker_id = any(cast(:ids as bigint[]))
                            and worker_id <> all(cast(:wIds as bigint[]))""")
                        .param("ids", ids).param("wIds", rows.params().get("wIds")).update();
            }
        }
    }

    /**
     * Whether the residence row {@code p} is this (lower-case) municipality at these coordinates, nulls equal, as
     * the unique index of {@code vacancies_worker_place} reads it (V86).
     */
    private static String samePlace(String p, String municipality, String latitude, String longitude) {
        return ("coalesce(%1$s.municipality, '') = coalesce(%2$s, '') and (%1$s.municipality is null) = (%2$s is null)"
                + " and coalesce(%1$s.latitude, -1000) = coalesce(%3$s, -1000)"
                + " and coalesce(%1$s.longitude, -1000) = coalesce(%4$s, -1000)")
                .formatted(p, municipality, latitude, longitude);
    }

    private static boolean point(Municipality m) {
        return m != null && m.hasCoordinates();
    }
}
