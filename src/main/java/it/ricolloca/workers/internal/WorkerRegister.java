package it.ricolloca.workers.internal;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.Role;
import it.ricolloca.audit.AuditTrail;
import it.ricolloca.network.JobCentres;
import it.ricolloca.shared.CodiceFiscale;
import it.ricolloca.shared.Detail;
import it.ricolloca.shared.acts.ActGuard;
import it.ricolloca.shared.DomainException;
import it.ricolloca.shared.NotFoundException;
import it.ricolloca.shared.search.PeopleSearch;
import it.ricolloca.workers.NaspiStatus;
import it.ricolloca.workers.ProviderAccess;
import it.ricolloca.workers.WorkerProfileChanged;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register as its users work on it: every read and change is scoped (regional users see
 * every worker, CPI users those of their CPI) and audited; a worker outside the scope is 404.
 */
@Service
@Transactional
public class WorkerRegister {

    /** Roles that may change a worker's record (CPI roles only within their CPI). */
    public static final Set<Role> EDITORS = EnumSet.of(Role.REGIONAL_ADMIN, Role.REGIONAL_ADR_SERVICE, Role.CPI_MASTER,
            Role.CPI_OPERATOR, Role.CPI_TUTOR);
    /** Roles that may add a worker to the register. */
    public static final Set<Role> CREATORS = EnumSet.of(Role.REGIONAL_ADMIN, Role.REGIONAL_ADR_SERVICE, Role.CPI_MASTER,
            Role.CPI_OPERATOR);

    /** A refused change, with the form field it concerns. */
    public static class WorkerRejectedException extends DomainException {
        private final String field;

        WorkerRejectedException(String field, String key, Object... args) {
            super(key, args);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    private final WorkerRepository workers;
    private final JobCentres centres;
    private final AuditTrail audit;
    private final List<ProviderAccess> providers;
    private final EntityManager entityManager;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    WorkerRegister(WorkerRepository workers, JobCentres centres, AuditTrail audit, List<ProviderAccess> providers,
            EntityManager entityManager, JdbcClient jdbc, ApplicationEventPublisher events) {
        this.entityManager = entityManager;
        this.jdbc = jdbc;
        this.events = events;
        this.workers = workers;
        this.centres = centres;
        this.audit = audit;
        this.providers = providers;
    }

    public static boolean canEdit(CurrentUser user) {
        return user.roles().stream().anyMatch(EDITORS::contains);
    }

    public static boolean canCreate(CurrentUser user) {
        return user.roles().stream().anyMatch(CREATORS::contains);
    }

    /**
     * Most matches a search counts (ADR 0039): past it the list says more than this many and offers the
     * pages up to it; counting every one of tens of thousands of matches would cost more than the page.
     */
    public static final int COUNT_CAP = 1000;

    /** Rows of the list, in its order, read for a page of a frequent search before its matches are sorted. */
    static final int WINDOW_PER_ROW = 100;
    static final int MAX_WINDOW = 20_000;

    private static final String ORDER = " order by w.last_name nulls last, w.first_name, w.tax_code";

    /**
     * A page of the workers in the user's scope that the search names ({@link PeopleSearch}; blank: all of
     * them), by surname, name and codice fiscale. Blank: one query for the page and one count, stopped past
     * {@link #COUNT_CAP} as a search's is (an exact count of a national register reads a million rows). A search
     * (ADR 0039): one statement reads the ids and sort keys of the matches through the trigram index, lazily:
     * the count pulls at most {@link #COUNT_CAP} + 1 of them (more means the total is capped); up to the cap
     * the page is sorted from them; past it the page is looked for among the list's first rows in order by
     * an index-only scan (enough when the matches are spread over the register, as a frequent name is), and
     * only when that window holds too few (a frequent surname, all in one stretch of the order) is the rest
     * of the matches read and sorted. The rows of the page are then fetched by id.
     */
    @Transactional(readOnly = true)
    public Page<Worker> search(CurrentUser user, String query, int page, int size) {
        PeopleSearch search = PeopleSearch.of("w", query);
        Long centre = user.caseScopeCentreId();
        String scope = centre == null ? "" : " and w.competent_centre_id = :centre";
        PageRequest pageable = PageRequest.of(page, size);
        if (search.blank()) {
            Query rows = entityManager.createNativeQuery("select w.* from workers_worker w where true" + scope + ORDER
                    + " limit :size offset :offset", Worker.class);
            bind(rows.setParameter("size", size).setParameter("offset", pageable.getOffset()), search, centre);
            // Counted up to the cap as a search is: an exact count of the whole register reads a million rows.
            Query count = entityManager.createNativeQuery("select count(*) from (select 1 from workers_worker w where true"
                    + scope + " limit " + (COUNT_CAP + 1) + ") x", Long.class);
            bind(count, search, centre);
            return new PageImpl<>(workers(rows), pageable, ((Number) count.getSingleResult()).longValue());
        }
        long end = pageable.getOffset() + size;
        boolean window = end * WINDOW_PER_ROW <= MAX_WINDOW;
        String pageOf = ORDER.replace("w.", "m.") + " limit :size offset :offset";
        // The window: the list's first rows in order (index-only: the index carries the id and the folded
        // text), filtered; it holds every match before its last row, so a whole page found in it is the page.
        String windowPage = !window ? "null::bigint[]" : "array(select w.id from (select w.id, w.last_name,"
                + " w.first_name, w.tax_code, w.search_text from workers_worker w where true" + scope + ORDER
                + " limit :window) w where " + search.sql() + ORDER + " limit :size offset :offset)";
        // One statement. The matches are read lazily: the count pulls at most COUNT_CAP + 1 of them; the
        // window is tried only past the cap; the rest of the matches is read and sorted only when the window
        // is short (or when there were no more than COUNT_CAP of them, all read already). Each array is
        // computed only when its branch is taken.
        Probe probe = search.bind(jdbc.sql("with m as materialized (select w.id, w.last_name, w.first_name,"
                + " w.tax_code from workers_worker w where " + search.sql() + scope + "),"
                + " p as materialized (select c.n, case when c.n > " + COUNT_CAP + " then " + windowPage
                + " end as win from (select count(*) as n from (select 1 from m limit " + (COUNT_CAP + 1) + ") x) c)"
                + " select p.n, case when p.n > " + COUNT_CAP + " and cardinality(p.win) = :size then p.win"
                + " else array(select m.id from m" + pageOf + ") end from p"))
                .params(scopeParams(centre, size, pageable.getOffset(), window ? end * WINDOW_PER_ROW : 0))
                .query((rs, n) -> new Probe(rs.getLong(1), ids(rs.getArray(2)))).single();
        return new PageImpl<>(byId(probe.ids()), pageable, probe.total());
    }

    /** What the search found: the matches counted up to the cap + 1, and the page's ids in the list's order. */
    private record Probe(long total, List<Long> ids) {
    }

    private static Map<String, Object> scopeParams(Long centre, int size, long offset, long window) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("size", size);
        params.put("offset", offset);
        if (window > 0) {
            params.put("window", window);
        }
        if (centre != null) {
            params.put("centre", centre);
        }
        return params;
    }

    private static List<Long> ids(java.sql.Array array) throws java.sql.SQLException {
        if (array == null) {
            return null;
        }
        List<Long> ids = new ArrayList<>();
        for (Object id : (Object[]) array.getArray()) {
            ids.add(((Number) id).longValue());
        }
        return ids;
    }

    /** The workers of the ids, in the ids' order: one query by primary key. */
    private List<Worker> byId(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Worker> found = new HashMap<>();
        workers.findAllById(ids).forEach(w -> found.put(w.getId(), w));
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Worker> workers(Query query) {
        return query.getResultList();
    }

    private static void bind(Query query, PeopleSearch search, Long centre) {
        search.params().forEach(query::setParameter);
        if (centre != null) {
            query.setParameter("centre", centre);
        }
    }

    /** Opens a worker's record: the read of personal data is audited. */
    public Worker open(CurrentUser user, long id) {
        Worker worker = visible(user, id);
        worker.getWorkHistory().size();
        worker.getEducation().size();
        audit.record("WORKER_VIEWED", "Worker", id, "");
        return worker;
    }

    @Transactional(readOnly = true)
    public Worker get(CurrentUser user, long id) {
        Worker worker = visible(user, id);
        worker.getWorkHistory().size();
        worker.getEducation().size();
        return worker;
    }

    public Worker openByTaxCode(CurrentUser user, String taxCode) {
        Worker worker = workers.findByTaxCode(CodiceFiscale.normalise(taxCode)).filter(w -> canRead(user, w))
                .orElseThrow(NotFoundException::new);
        return open(user, worker.getId());
    }

    public Worker create(CurrentUser user, String taxCode, String firstName, String lastName, Long centreId) {
        if (!canCreate(user)) {
            throw new NotFoundException();
        }
        CodiceFiscale cf;
        try {
            cf = CodiceFiscale.of(taxCode);
        } catch (CodiceFiscale.InvalidException e) {
            throw new WorkerRejectedException("taxCode", e.messageKey(), e.args());
        }
        Optional<Worker> existing = workers.findByTaxCode(cf.value());
        if (existing.isPresent()) {
            // Never which CPI holds the worker: only whether it is the user's own.
            throw new WorkerRejectedException("taxCode", canSee(user, existing.get()) ? "worker.taxCode.taken"
                    : "worker.taxCode.notYours");
        }
        Long centre = user.isRegional() ? centreId : user.centreId();
        checkCentre(centre);
        Worker worker = new Worker(cf);
        worker.updateIdentity(firstName, lastName, null, null, null, centre);
        workers.saveAndFlush(worker);
        audit.record("WORKER_CREATED", "Worker", worker.getId(), Detail.of("audit.detail.workerCentre", centre).encoded());
        events.publishEvent(new WorkerProfileChanged(worker.getId()));
        return worker;
    }

    public Worker update(CurrentUser user, long id, long version, String firstName, String lastName,
            String residence, String email, String phone, Long centreId, LocalDate naspiStart, LocalDate naspiEnd,
            BigDecimal naspiAmount, NaspiStatus naspiStatus, BigDecimal profilingIndex, LocalDate profilingDate,
            String skills, String languages, String notes) {
        Worker worker = editable(user, id, version);
        Long centre = user.isRegional() ? centreId : worker.getCompetentCentreId();
        checkCentre(centre);
        if (naspiStart != null && naspiEnd != null && naspiEnd.isBefore(naspiStart)) {
            throw new WorkerRejectedException("naspiExpectedEnd", "worker.naspi.endBeforeStart");
        }
        if (profilingIndex != null && profilingDate == null) {
            throw new WorkerRejectedException("profilingDate", "worker.profiling.dateRequired");
        }
        Map<String, String> before = describe(worker);
        worker.updateIdentity(firstName, lastName, residence, email, phone, centre);
        worker.updateBenefit(naspiStart, naspiEnd, naspiAmount, naspiStatus);
        worker.updateProfile(profilingIndex, profilingDate, skills, languages, notes);
        workers.flush();
        audit.record("WORKER_UPDATED", "Worker", id, changedFields(before, describe(worker)));
        events.publishEvent(new WorkerProfileChanged(id));
        return worker;
    }

    public void addWork(CurrentUser user, long id, long version, WorkHistoryEntry entry) {
        Worker worker = editable(user, id, version);
        if (entry.endDate() != null && entry.endDate().isBefore(entry.startDate())) {
            throw new WorkerRejectedException("endDate", "worker.work.endBeforeStart");
        }
        worker.addWork(entry);
        workers.flush();
        audit.record("WORKER_WORK_ADDED", "Worker", id, Detail.of("audit.detail.workFrom", entry.startDate()).encoded());
        events.publishEvent(new WorkerProfileChanged(id));
    }

    public void removeWork(CurrentUser user, long id, long version, int index) {
        Worker worker = editable(user, id, version);
        if (!worker.removeWork(index)) {
            throw new NotFoundException();
        }
        workers.flush();
        audit.record("WORKER_WORK_REMOVED", "Worker", id, Detail.of("audit.detail.row", index + 1).encoded());
        events.publishEvent(new WorkerProfileChanged(id));
    }

    public void addEducation(CurrentUser user, long id, long version, EducationEntry entry) {
        Worker worker = editable(user, id, version);
        worker.addEducation(entry);
        workers.flush();
        audit.record("WORKER_EDUCATION_ADDED", "Worker", id, "");
    }

    public void removeEducation(CurrentUser user, long id, long version, int index) {
        Worker worker = editable(user, id, version);
        if (!worker.removeEducation(index)) {
            throw new NotFoundException();
        }
        workers.flush();
        audit.record("WORKER_EDUCATION_REMOVED", "Worker", id, Detail.of("audit.detail.row", index + 1).encoded());
    }

    private Worker editable(CurrentUser user, long id, long version) {
        Worker worker = visible(user, id);
        if (!mayEdit(user, worker)) {
            throw new WorkerRejectedException(null, "worker.notEditable");
        }
        if (worker.getVersion() != version) {
            throw new WorkerRejectedException(null, "form.stale");
        }
        return worker;
    }

    private Worker visible(CurrentUser user, long id) {
        return workers.findById(id).filter(w -> canRead(user, w)).orElseThrow(NotFoundException::new);
    }

    /** Refuses (403) a user who may read the record but not change it. */
    public void requireEditor(CurrentUser user, Worker worker) {
        ActGuard.require(mayEdit(user, worker), "register");
    }

    /** Changes belong to the competent CPI (and the region): a provider CPI reads the record only. */
    public boolean mayEdit(CurrentUser user, Worker worker) {
        return canEdit(user) && canSee(user, worker);
    }

    /** The competent CPI and the region read the record; so does the CPI that holds the worker's pathway. */
    private boolean canRead(CurrentUser user, Worker worker) {
        return canSee(user, worker) || providers.stream().anyMatch(p -> p.holds(user, worker.getId()));
    }

    static boolean canSee(CurrentUser user, Worker worker) {
        return user.readsCaseFiles() && (user.isRegional() || (worker.getCompetentCentreId() != null
                && user.centreId() != null && user.centreId().equals(worker.getCompetentCentreId())));
    }

    private void checkCentre(Long centre) {
        if (centre != null && centres.find(centre).isEmpty()) {
            throw new WorkerRejectedException("competentCentreId", "worker.centre.unknown");
        }
    }

    /** The record's fields by name, to tell which changed; their values never reach the audit trail. */
    private static Map<String, String> describe(Worker w) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("nome", String.valueOf(w.getFirstName()));
        fields.put("cognome", String.valueOf(w.getLastName()));
        fields.put("residenza", String.valueOf(w.getResidenceMunicipality()));
        fields.put("email", String.valueOf(w.getEmail()));
        fields.put("telefono", String.valueOf(w.getPhone()));
        fields.put("CPI", String.valueOf(w.getCompetentCentreId()));
        fields.put("NASpI", w.getNaspiStart() + "/" + w.getNaspiExpectedEnd() + "/" + w.getNaspiMonthlyAmount() + "/"
                + w.getNaspiStatus());
        fields.put("profilazione", w.getProfilingIndex() + "@" + w.getProfilingDate());
        fields.put("profilo", String.valueOf(w.getSkills()) + w.getLanguages() + w.getNotes());
        return fields;
    }

    /** Which fields changed, by name (the new CPI by its id, a code); or that none did. */
    private static String changedFields(Map<String, String> before, Map<String, String> after) {
        List<String> changed = before.keySet().stream().filter(k -> !before.get(k).equals(after.get(k)))
                .map(k -> k.equals("CPI") ? "CPI=" + after.get(k) : k).toList();
        return changed.isEmpty() ? "nessun campo modificato" : "campi modificati: " + String.join(", ", changed);
    }
}
