package it.ricolloca.workers;

import it.ricolloca.audit.AuditTrail;
import it.ricolloca.shared.CodiceFiscale;
import it.ricolloca.shared.Detail;
import it.ricolloca.workers.internal.Worker;
import it.ricolloca.workers.internal.WorkerRepository;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The register as other modules use it. */
@Service
@Transactional
public class Workers {

    private final WorkerRepository workers;
    private final AuditTrail audit;
    private final JdbcClient jdbc;

    private final ApplicationEventPublisher events;

    Workers(WorkerRepository workers, AuditTrail audit, JdbcClient jdbc,
            ApplicationEventPublisher events) {
        this.workers = workers;
        this.audit = audit;
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * Bulk path for imports: adds to the register, as stubs flagged for completion, every codice
     * fiscale of a staging table that the register lacks (those it has are skipped by one anti-join, not
     * tried one by one against the unique index). The table, in the caller's transaction,
     * has the columns {@code tax_code, birth_date, sex, centre_id}. One audit entry records the
     * count. Returns how many workers were created.
     */
    public int createMissingFrom(String stagingTable, String reason) {
        if (!stagingTable.matches("[a-z_]{1,40}")) {
            throw new IllegalArgumentException("staging table name");
        }
        int created = jdbc.sql("""
                insert into workers_worker (tax_code, birth_date, sex, competent_centre_id, needs_completion)
                select distinct on (tax_code) tax_code, birth_date, sex, centre_id, true from %s s
                where not exists (select 1 from workers_worker w where w.tax_code = s.tax_code)
                order by tax_code
                on conflict (tax_code) do nothing""".formatted(stagingTable)).update();
        if (created > 0) {
            audit.record("WORKER_STUBS_CREATED", "Worker", "", Detail.of("audit.detail.stubs", created, reason).encoded());
        }
        // Many new workers in this transaction: a join on the register must know the table's size, or the planner
        // may scan it once per staged row (seen: seven minutes for 100,000 rows instead of seconds).
        if (created > 1000) {
            jdbc.sql("analyze workers_worker").update();
        }
        return created;
    }

    /**
     * Bulk path for imports: fills the {@code worker_id} and {@code search_text} columns of a staging table, in
     * the caller's transaction, with the id of the worker whose {@code tax_code} each row holds and the text a
     * people search reads of them ({@link #searchTexts}; both null when the register lacks the worker), in one
     * pass. Returns how many rows found their worker.
     */
    public int identifyIn(String stagingTable) {
        if (!stagingTable.matches("[a-z_]{1,40}")) {
            throw new IllegalArgumentException("staging table name");
        }
        return jdbc.sql("""
                update %s s set worker_id = w.id, search_text = w.search_text from workers_worker w
                where w.tax_code = s.tax_code""".formatted(stagingTable)).update();
    }

    /**
     * What a people search reads of each of these workers (surname, name and codice fiscale, folded by the
     * database's {@code workers_fold}), by id, for a module that keeps its own copy of it (ADR 0047). The
     * register's changes of this transaction are written first, so a copy taken before the commit of a change is
     * the changed text. Ids not in the register are absent.
     */
    public Map<Long, String> searchTexts(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        workers.flush();
        Map<Long, String> found = new HashMap<>();
        jdbc.sql("select id, search_text from workers_worker where id = any(?)")
                .param(ids.stream().distinct().toArray(Long[]::new))
                .query((rs, n) -> found.put(rs.getLong(1), rs.getString(2))).list();
        return found;
    }

    /** The workers with these ids, by id, in one query per thousand ids; ids not in the register are absent. */
    @Transactional(readOnly = true)
    public Map<Long, WorkerContact> contacts(Collection<Long> ids) {
        Map<Long, WorkerContact> found = new HashMap<>();
        List<Long> all = List.copyOf(new LinkedHashSet<>(ids));
        for (int from = 0; from < all.size(); from += 1000) {
            for (Worker w : workers.findAllById(all.subList(from, Math.min(all.size(), from + 1000)))) {
                found.put(w.getId(), new WorkerContact(w.summary(), w.getEmail()));
            }
        }
        return found;
    }

    /** Whether the worker is in the invited sample (invited on any date). */
    @Transactional(readOnly = true)
    public boolean isInvited(long workerId) {
        return jdbc.sql("select exists (select 1 from workers_invitation where worker_id = ?)").param(workerId)
                .query(Boolean.class).single();
    }

    /** The day the worker's NASpI benefit started, when the register has it (the start of unemployment it pays for). */
    @Transactional(readOnly = true)
    public Optional<java.time.LocalDate> naspiStart(long id) {
        return workers.findById(id).map(Worker::getNaspiStart);
    }

    /**
     * Where a letter reaches the worker, as the register holds it: the municipality of residence and
     * the e-mail address, each empty when unknown.
     */
    @Transactional(readOnly = true)
    public Optional<PostalAddress> postalAddress(long id) {
        return workers.findById(id).map(w -> new PostalAddress(w.getResidenceMunicipality() == null ? ""
                : w.getResidenceMunicipality(), w.getEmail() == null ? "" : w.getEmail()));
    }

    /** Where a letter reaches the worker: the municipality of residence and the e-mail address. */
    public record PostalAddress(String municipality, String email) {
    }

    /** The worker's e-mail address, when known (reminders go there only if the worker allows e-mail). */
    @Transactional(readOnly = true)
    public Optional<String> email(long id) {
        return workers.findById(id).map(Worker::getEmail).filter(e -> !e.isBlank());
    }

    /** What the worker chose on their own pages (ADR 0040): e-mail yes or no, and the phone to call. */
    public record ContactPreferences(String email, boolean emailAllowed, String phone) {
    }

    @Transactional(readOnly = true)
    public Optional<ContactPreferences> contactPreferences(long workerId) {
        return jdbc.sql("select email, email_allowed, phone from workers_worker where id = ?").param(workerId)
                .query((rs, n) -> new ContactPreferences(rs.getString(1) == null ? "" : rs.getString(1),
                        rs.getBoolean(2), rs.getString(3) == null ? "" : rs.getString(3))).optional();
    }

    /** Whether reminders and notices may reach the worker by e-mail: an address is known and the worker allows it. */
    @Transactional(readOnly = true)
    public boolean mayEmail(long workerId) {
        return contactPreferences(workerId).map(p -> p.emailAllowed() && !p.email().isBlank()).orElse(false);
    }

    /** The worker's own choice of contacts, audited with the worker as actor. */
    public void setContactPreferences(long workerId, boolean emailAllowed, String phone, String actor) {
        int changed = jdbc.sql("update workers_worker set email_allowed = ?, phone = ?, version = version + 1 where id = ?")
                .params(emailAllowed, phone == null || phone.isBlank() ? null : phone.strip(), workerId).update();
        if (changed == 0) {
            throw new it.ricolloca.shared.NotFoundException();
        }
        audit.recordAs(actor, "WORKER_CONTACTS_CHANGED", "Worker", workerId,
                Detail.of(emailAllowed ? "audit.detail.workerEmailYes" : "audit.detail.workerEmailNo").encoded());
    }

    /**
     * Records in the register that the worker lost the NASpI and the unemployment status by a
     * decadenza decided on {@code on} on breach {@code breachId} (audited).
     */
    public void recordDecadenza(long workerId, LocalDate on, long breachId, String actor) {
        Worker w = workers.findById(workerId).orElseThrow(it.ricolloca.shared.NotFoundException::new);
        w.recordDecadenza(on, breachId);
        audit.recordAs(actor, "WORKER_NASPI_LAPSED", "Worker", workerId,
                Detail.of("audit.detail.naspiLapsed", on, breachId).encoded());
    }

    /** The worker's profiling index on record (0 to 1), when the register has it. */
    @Transactional(readOnly = true)
    public Optional<BigDecimal> profilingIndex(long id) {
        return workers.findById(id).map(Worker::getProfilingIndex);
    }

    /** The profiles of these workers for matching, in two queries whatever their number; missing ids are left out. */
    @Transactional(readOnly = true)
    public Map<Long, WorkerProfile> profiles(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Long[] wanted = ids.toArray(Long[]::new);
        Map<Long, List<String>> codes = new HashMap<>();
        Map<Long, List<String>> labels = new HashMap<>();
        jdbc.sql("""
                select worker_id, profession_code, profession_label from workers_work_history
                where worker_id = any(cast(:ids as bigint[])) order by worker_id, position""").param("ids", wanted)
                .query(rs -> {
                    long worker = rs.getLong(1);
                    if (rs.getString(2) != null) {
                        codes.computeIfAbsent(worker, k -> new ArrayList<>()).add(rs.getString(2));
                    }
                    if (rs.getString(3) != null) {
                        labels.computeIfAbsent(worker, k -> new ArrayList<>()).add(rs.getString(3));
                    }
                });
        Map<Long, WorkerProfile> found = new HashMap<>();
        jdbc.sql("""
                select id, tax_code, trim(coalesce(last_name, '') || ' ' || coalesce(first_name, '')),
                    residence_municipality, competent_centre_id, skills
                from workers_worker where id = any(cast(:ids as bigint[]))""").param("ids", wanted)
                .query(rs -> {
                    long id = rs.getLong(1);
                    found.put(id, new WorkerProfile(id, rs.getString(2), rs.getString(3), rs.getString(4),
                            (Long) rs.getObject(5), rs.getString(6), codes.getOrDefault(id, List.of()),
                            labels.getOrDefault(id, List.of())));
                });
        return found;
    }

    @Transactional(readOnly = true)
    public Optional<WorkerSummary> find(long id) {
        return workers.findById(id).map(Worker::summary);
    }

    /** The workers with these ids, by id, in one query: for lists that show many workers at once. */
    @Transactional(readOnly = true)
    public Map<Long, WorkerSummary> summaries(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, WorkerSummary> found = new HashMap<>();
        jdbc.sql("""
                select id, tax_code, first_name, last_name, competent_centre_id, needs_completion from workers_worker
                where id = any(cast(:ids as bigint[]))""")
                .param("ids", ids.stream().distinct().toArray(Long[]::new))
                .query((rs, n) -> new WorkerSummary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        (Long) rs.getObject(5), rs.getBoolean(6)))
                .list().forEach(w -> found.put(w.id(), w));
        return found;
    }

    @Transactional(readOnly = true)
    public Optional<WorkerSummary> findByTaxCode(String taxCode) {
        return workers.findByTaxCode(CodiceFiscale.normalise(taxCode)).map(Worker::summary);
    }

    /** The worker with this code, created as a stub flagged for completion when the register lacks it. */
    public WorkerSummary ensure(CodiceFiscale taxCode, Long competentCentreId) {
        return workers.findByTaxCode(taxCode.value()).orElseGet(() -> {
            Worker stub = workers.save(Worker.stub(taxCode, competentCentreId));
            audit.record("WORKER_STUB_CREATED", "Worker", stub.getId(), Detail.of("audit.detail.stub").encoded());
            events.publishEvent(new WorkerProfileChanged(stub.getId()));
            return stub;
        }).summary();
    }

    /**
     * Pseudonymises a worker whose data passed its retention period: the codice fiscale becomes a code that
     * names no one ({@code PS} and the record's number), name, contacts, residence, profile and history go,
     * the birth date keeps only its year and month (ages still count); the benefit's dates, the competent CPI
     * and the profiling index stay for the statistics. Then {@link WorkerDataExpired} tells the other modules.
     * Returns false when the worker was already pseudonymised (nothing happens twice).
     */
    public boolean expire(long workerId) {
        int changed = jdbc.sql("""
                update workers_worker set tax_code = 'PS' || lpad(id::text, 14, '0'), first_name = null, last_name = null,
                    birth_date = date_trunc('month', birth_date)::date, residence_municipality = null, email = null,
                    phone = null, skills = null, languages = null, notes = null, needs_completion = false,
                    pseudonymised_at = now(), version = version + 1
                where id = ? and pseudonymised_at is null""").param(workerId).update();
        if (changed == 0) {
            return false;
        }
        jdbc.sql("delete from workers_work_history where worker_id = ?").param(workerId).update();
        jdbc.sql("delete from workers_education where worker_id = ?").param(workerId).update();
        audit.record("PERSONAL_DATA_PSEUDONYMISED", "Worker", workerId,
                Detail.of("audit.detail.pseudonymisedRegister").encoded());
        events.publishEvent(new WorkerDataExpired(workerId));
        return true;
    }
}
