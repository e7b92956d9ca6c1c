package it.ricolloca.workers.internal;

import it.ricolloca.audit.AuditTrail;
import it.ricolloca.network.CentreSummary;
import it.ricolloca.network.JobCentres;
import it.ricolloca.shared.CodiceFiscale;
import it.ricolloca.shared.DemoMode;
import it.ricolloca.shared.Detail;
import it.ricolloca.shared.web.Dates;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo mode only: six workers of the invited sample, three at CPI Torino – via Bologna and three
 * at CPI Novara, on NASpI and without requests, so that an intermediated request can be tried at
 * once (the README lists them).
 */
@Component
@Order(30)
class WorkersDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(WorkersDemoData.class);

    record DemoWorker(String first15, String firstName, String lastName, String centreCode) {
    }

    static final List<DemoWorker> WORKERS = List.of(
            new DemoWorker("BNCLRA85M41L219", "Laura", "Bianchi", "TORINO-BOLOGNA"),
            new DemoWorker("VRDGPP80A01L219", "Giuseppe", "Verdi", "TORINO-BOLOGNA"),
            new DemoWorker("CLMCHR90C45L219", "Chiara", "Colombo", "TORINO-BOLOGNA"),
            new DemoWorker("FRRLCU82D10F952", "Luca", "Ferrari", "NOVARA"),
            new DemoWorker("RSSNNA88E50F952", "Anna", "Rossi", "NOVARA"),
            new DemoWorker("GLLPTR79H12F952", "Pietro", "Gallo", "NOVARA"));

    private final DemoMode demo;
    private final JdbcClient jdbc;
    private final JobCentres centres;
    private final AuditTrail audit;

    WorkersDemoData(DemoMode demo, JdbcClient jdbc, JobCentres centres, AuditTrail audit) {
        this.demo = demo;
        this.jdbc = jdbc;
        this.centres = centres;
        this.audit = audit;
    }

    static String taxCode(DemoWorker w) {
        return w.first15() + CodiceFiscale.checkCharacter(w.first15());
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!demo.isEnabled()) {
            return;
        }
        boolean loaded = jdbc.sql("select exists (select 1 from workers_worker where tax_code = ?)")
                .param(taxCode(WORKERS.get(0))).query(Boolean.class).single();
        if (loaded) {
            return;
        }
        LocalDate today = LocalDate.now(Dates.ZONE);
        for (DemoWorker w : WORKERS) {
            CodiceFiscale cf = CodiceFiscale.of(taxCode(w));
            CentreSummary centre = centres.all().stream().filter(c -> c.code().equals(w.centreCode())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("CPI dimostrativo mancante: " + w.centreCode()));
            long id = jdbc.sql("""
                    insert into workers_worker (tax_code, first_name, last_name, birth_date, sex, competent_centre_id,
                        naspi_start, naspi_status, email) values (?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?) returning id""")
                    .params(cf.value(), w.firstName(), w.lastName(), cf.birthDate(), cf.sex().name(), centre.id(),
                            today.minusMonths(5), w.firstName().toLowerCase() + "." + w.lastName().toLowerCase()
                                    + "@example.org")
                    .query(Long.class).single();
            jdbc.sql("insert into workers_invitation (worker_id, invitation_date) values (?, ?)")
                    .params(id, today.minusDays(20)).update();
        }
        audit.record("DEMO_WORKERS_LOADED", "Worker", "", Detail.of("audit.detail.demoWorkers", WORKERS.size()).encoded());
        log.info("Lavoratori dimostrativi caricati: {}", WORKERS.size());
    }
}
