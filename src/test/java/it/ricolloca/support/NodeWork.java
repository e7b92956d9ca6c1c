package it.ricolloca.support;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.internal.UserAccountRepository;
import it.ricolloca.network.JobCentres;
import it.ricolloca.requests.CheckKind;
import it.ricolloca.requests.CheckOutcome;
import it.ricolloca.requests.internal.RequestQueries;
import it.ricolloca.requests.internal.RequestWorkflow;
import it.ricolloca.requests.internal.RequestWorkflow.ProviderChoice;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.workers.internal.WorkerRegister;
import java.time.LocalDate;
import java.util.Random;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Work done on an application node started by a test of its own (several nodes, faults, backups). */
public final class NodeWork {

    private NodeWork() {
    }

    public static CurrentUser user(ConfigurableApplicationContext node, String username) {
        return node.getBean(UserAccountRepository.class).findByUsername(username).orElseThrow().toCurrentUser();
    }

    /**
     * A request of the demo CPI of Torino for a new invited worker, filed by {@code master.torino} with its
     * three checks passed: ready to be decided. The seed picks the worker's codice fiscale.
     */
    public static long checkedRequest(ConfigurableApplicationContext node, long seed, String email) {
        CurrentUser master = user(node, "master.torino");
        String cf = TestCodes.random(new Random(seed));
        long worker = node.getBean(WorkerRegister.class).create(user(node, "regione"), cf, "Nodo", "Doppio",
                master.centreId()).getId();
        JdbcClient jdbc = node.getBean(JdbcClient.class);
        jdbc.sql("update workers_worker set email = ? where id = ?").params(email, worker).update();
        jdbc.sql("insert into workers_invitation (worker_id, invitation_date) values (?, ?)")
                .params(worker, LocalDate.of(2026, 1, 15)).update();
        long office = node.getBean(JobCentres.class).offices().stream()
                .filter(o -> o.centreId() == master.centreId()).findFirst().orElseThrow().id();
        RequestWorkflow workflow = node.getBean(RequestWorkflow.class);
        RequestQueries queries = node.getBean(RequestQueries.class);
        long id = workflow.fileIntermediated(master, cf, new ProviderChoice("CPI", office, null));
        for (CheckKind k : CheckKind.values()) {
            workflow.recordCheck(master, id, queries.load(master, id).getVersion(), k, CheckOutcome.PASSED,
                    Dates.today(), null);
        }
        return id;
    }
}
