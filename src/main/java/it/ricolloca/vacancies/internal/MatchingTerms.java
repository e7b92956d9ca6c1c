package it.ricolloca.vacancies.internal;

import it.ricolloca.network.JobCentres;
import it.ricolloca.places.Municipalities;
import it.ricolloca.places.Municipalities.Place;
import it.ricolloca.places.Municipality;
import it.ricolloca.workers.WorkerDataExpired;
import it.ricolloca.workers.WorkerProfile;
import it.ricolloca.workers.WorkerProfileChanged;
import it.ricolloca.workers.Workers;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The terms matching reads, kept in the vacancies module's own rows (ADR 0038). An offer's row
 * ({@code vacancies_offer_terms}) is written by a trigger on every write of the board; its workplace's coordinates
 * are asked of the places module here, the first time the offer is ranked. A worker's row
 * ({@code vacancies_worker_terms}) is a copy of the register's {@link WorkerProfile} (terms, profession prefixes,
 * residence located), written here the first time the worker is ranked and dropped in the register's own
 * transaction when the worker changes: the next ranking writes it again. Both run in the caller's transaction.
 */
@Component
class MatchingTerms {

    /** Serialises filling against the register's changes (fills exclusive, drops shared): no stale copy survives. */
    private static final long FILL_LOCK = 0x7661636d61746368L;
    private static final int BATCH = 10_000;

    private final JdbcClient jdbc;
    private final Workers workers;
    private final JobCentres centres;
    private final Municipalities municipalities;

    MatchingTerms(JdbcClient jdbc, Workers workers, JobCentres centres, Municipalities municipalities) {
        this.jdbc = jdbc;
        this.workers = workers;
        this.centres = centres;
        this.municipalities = municipalities;
    }

    /** The worker changed in the register: the copy goes, in the same transaction. */
    @EventListener
    void on(WorkerProfileChanged changed) {
        drop(changed.workerId());
    }

    /** The worker was pseudonymised: the copy (name, codice fiscale, residence) goes too. */
    @EventListener
    void on(WorkerDataExpired expired) {
        drop(expired.workerId());
    }

    private void drop(long workerId) {
        jdbc.sql("select pg_advisory_xact_lock_shared(?)").param(FILL_LOCK).query((rs, n) -> 1).list();
        jdbc.sql("delete from vacancies_worker_terms where worker_id = ?").param(workerId).update();
    }

    /** Locates the workplaces of the offers not yet located (one batch to the places module); usually none. */
    void locateOffers() {
        List<Place> pending = jdbc.sql("""
                select distinct municipality, coalesce(province, '') from vacancies_offer_terms
                where not located and municipality is not null""")
                .query((rs, n) -> new Place(rs.getString(1), rs.getString(2))).list();
        if (!pending.isEmpty()) {
            Map<Place, Municipality> found = municipalities.resolveAll(pending);
            jdbc.sql("""
                    update vacancies_offer_terms t set located = true, latitude = p.lat, longitude = p.lon
                    from unnest(cast(:names as text[]), cast(:provinces as text[]), cast(:lats as double precision[]),
                        cast(:lons as double precision[])) p(name, province, lat, lon)
                    where not t.located and t.municipality = p.name and coalesce(t.province, '') = p.province""")
                    .param("names", pending.stream().map(Place::name).toArray(String[]::new))
                    .param("provinces", pending.stream().map(Place::province).toArray(String[]::new))
                    .param("lats", pending.stream().map(p -> point(found.get(p)) ? found.get(p).latitude() : null)
                            .toArray(Double[]::new))
                    .param("lons", pending.stream().map(p -> point(found.get(p)) ? found.get(p).longitude() : null)
                            .toArray(Double[]::new))
                    .update();
        }
        jdbc.sql("update vacancies_offer_terms set located = true where not located and municipality is null").update();
    }

    /**
     * Writes the rows of the workers among these that have none (usually none), in batches; returns the ids that
     * the register does not know, which matching leaves out.
     */
    Set<Long> fillWorkers(Long[] workerIds) {
        List<Long> missing = missing(workerIds);
        if (missing.isEmpty()) {
            return Set.of();
        }
        jdbc.sql("select pg_advisory_xact_lock(?)").param(FILL_LOCK).query((rs, n) -> 1).list();
        missing = missing(workerIds);
        Set<Long> unknown = new HashSet<>();
        Map<Long, String> provinces = new HashMap<>();
        centres.all().forEach(c -> provinces.put(c.id(), c.province()));
        for (int from = 0; from < missing.size(); from += BATCH) {
            List<Long> batch = missing.subList(from, Math.min(missing.size(), from + BATCH));
            Map<Long, WorkerProfile> profiles = workers.profiles(batch);
            batch.stream().filter(id -> !profiles.containsKey(id)).forEach(unknown::add);
            List<WorkerProfile> of = batch.stream().map(profiles::get).filter(p -> p != null).toList();
            List<Place> homes = of.stream().map(w -> new Place(w.municipality(),
                    w.competentCentreId() == null ? null : provinces.get(w.competentCentreId()))).toList();
            Map<Place, Municipality> located = municipalities.resolveAll(homes.stream().filter(h -> h.name() != null)
                    .distinct().toList());
            jdbc.sql("""
                    insert into vacancies_worker_terms (worker_id, tax_code, name, municipality, centre_id, latitude,
                        longitude, prefixes, terms, complete)
                    select c.id, c.tax_code, c.name, c.municipality, c.centre_id, c.lat, c.lon,
                        coalesce((select array_agg(distinct p) from unnest(string_to_array(c.codes, '|')) code,
                            unnest(vacancies_code_prefixes(code)) p), '{}'),
                        tsvector_to_array(to_tsvector('italian', c.terms_text)), c.complete
                    from unnest(cast(:ids as bigint[]), cast(:taxCodes as text[]), cast(:names as text[]),
                            cast(:municipalities as text[]), cast(:centres as bigint[]), cast(:lats as double precision[]),
                            cast(:lons as double precision[]), cast(:codes as text[]), cast(:texts as text[]),
                            cast(:completes as boolean[]))
                        as c(id, tax_code, name, municipality, centre_id, lat, lon, codes, terms_text, complete)
                    order by c.id
                    on conflict (worker_id) do update set tax_code = excluded.tax_code, name = excluded.name,
                        municipality = excluded.municipality, centre_id = excluded.centre_id,
                        latitude = excluded.latitude, longitude = excluded.longitude, prefixes = excluded.prefixes,
                        terms = excluded.terms, complete = excluded.complete""")
                    .param("ids", of.stream().map(WorkerProfile::id).toArray(Long[]::new))
                    .param("taxCodes", of.stream().map(WorkerProfile::taxCode).toArray(String[]::new))
                    .param("names", of.stream().map(w -> w.name() == null ? "" : w.name()).toArray(String[]::new))
                    .param("municipalities", of.stream().map(WorkerProfile::municipality).toArray(String[]::new))
                    .param("centres", of.stream().map(WorkerProfile::competentCentreId).toArray(Long[]::new))
                    .param("lats", homes.stream().map(h -> point(located.get(h)) ? located.get(h).latitude() : null)
                            .toArray(Double[]::new))
                    .param("lons", homes.stream().map(h -> point(located.get(h)) ? located.get(h).longitude() : null)
                            .toArray(Double[]::new))
                    .param("codes", of.stream().map(w -> String.join("|", w.professionCodes())).toArray(String[]::new))
                    .param("texts", of.stream().map(Matching::text).toArray(String[]::new))
                    .param("completes", of.stream().map(Matching::profileComplete).toArray(Boolean[]::new))
                    .update();
        }
        return unknown;
    }

    private List<Long> missing(Long[] workerIds) {
        return jdbc.sql("""
                select distinct w from unnest(cast(:ids as bigint[])) w
                where not exists (select 1 from vacancies_worker_terms t where t.worker_id = w) order by w""")
                .param("ids", workerIds).query(Long.class).list();
    }

    private static boolean point(Municipality m) {
        return m != null && m.hasCoordinates();
    }
}
