package it.ricolloca.support;

import static org.awaitility.Awaitility.await;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.internal.UserAccountRepository;
import it.ricolloca.agenda.Agenda;
import it.ricolloca.agenda.TemplateKind;
import it.ricolloca.agenda.TemplateRule;
import it.ricolloca.network.JobCentres;
import it.ricolloca.network.OfficeSummary;
import it.ricolloca.requests.CheckKind;
import it.ricolloca.requests.CheckOutcome;
import it.ricolloca.requests.internal.RequestQueries;
import it.ricolloca.requests.internal.RequestWorkflow;
import it.ricolloca.requests.internal.RequestWorkflow.ProviderChoice;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.workers.internal.WorkerRegister;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Test data through the real workflows: an invited worker of a CPI whose request is filed,
 * checked and released with one of the CPI's offices as provider; an office agenda open every day.
 */
@Component
public class ReleasedWorkers {

    private final RequestWorkflow requests;
    private final RequestQueries queries;
    private final WorkerRegister register;
    private final UserAccountRepository users;
    private final JobCentres centres;
    private final Agenda agenda;
    private final JdbcClient jdbc;
    private final Random random = new Random(5150);

    ReleasedWorkers(RequestWorkflow requests, RequestQueries queries, WorkerRegister register,
            UserAccountRepository users, JobCentres centres, Agenda agenda, JdbcClient jdbc) {
        this.requests = requests;
        this.queries = queries;
        this.register = register;
        this.users = users;
        this.centres = centres;
        this.agenda = agenda;
        this.jdbc = jdbc;
    }

    public CurrentUser user(String username) {
        return users.findByUsername(username).orElseThrow().toCurrentUser();
    }

    /** The first office of the master user's CPI. */
    public OfficeSummary office(String masterUsername) {
        long centre = user(masterUsername).centreId();
        return centres.offices().stream().filter(o -> o.centreId() == centre).findFirst().orElseThrow();
    }

    /** A released request of a new invited worker, provider: the first office of that master's CPI. Returns its id. */
    public long release(String masterUsername, String lastName, String firstName) {
        return release(masterUsername, lastName, firstName, office(masterUsername).id());
    }

    /** As above, with another office of the same CPI as provider. */
    public long release(String masterUsername, String lastName, String firstName, long officeId) {
        CurrentUser master = user(masterUsername);
        long id = filed(master, lastName, firstName, officeId);
        for (CheckKind k : CheckKind.values()) {
            requests.recordCheck(master, id, queries.load(master, id).getVersion(), k, CheckOutcome.PASSED, Dates.today(),
                    null);
        }
        requests.release(master, id, queries.load(master, id).getVersion(), "verifiche superate");
        awaitQueued(id);
        return id;
    }

    /** A request of a new invited worker, filed and with every check passed, not yet decided. Returns its id. */
    public long checked(String masterUsername, String lastName, String firstName) {
        CurrentUser master = user(masterUsername);
        long id = filed(master, lastName, firstName, office(masterUsername).id());
        for (CheckKind k : CheckKind.values()) {
            requests.recordCheck(master, id, queries.load(master, id).getVersion(), k, CheckOutcome.PASSED, Dates.today(),
                    null);
        }
        return id;
    }

    /** A new worker of the master's CPI, in the invited sample (no request yet). Returns the codice fiscale. */
    public String invited(String masterUsername, String lastName, String firstName) {
        CurrentUser master = user(masterUsername);
        String cf = TestCodes.random(random);
        long worker = register.create(user("regione"), cf, firstName, lastName, master.centreId()).getId();
        jdbc.sql("update workers_worker set email = ? where id = ?").params(firstName.toLowerCase() + "@example.org", worker)
                .update();
        jdbc.sql("insert into workers_invitation (worker_id, invitation_date) values (?, ?)")
                .params(worker, LocalDate.of(2026, 1, 15)).update();
        return cf;
    }

    /** A request of a new invited worker, filed only (no check yet). Returns its id. */
    public long filed(String masterUsername, String lastName, String firstName) {
        return filed(user(masterUsername), lastName, firstName, office(masterUsername).id());
    }

    /**
     * Moves the request's release back to {@code day} (the request's status date and the provider's queue),
     * so that a first appointment that already took place can be recorded on its date: the service never
     * starts before the release.
     */
    public void releasedOn(long requestId, LocalDate day) {
        jdbc.sql("update requests_voucher_request set status_date = ? where id = ?").params(day, requestId).update();
        jdbc.sql("update pathway_queue set released_on = ? where request_id = ?").params(day, requestId).update();
        jdbc.sql("update pathway_pathway set released_on = ? where request_id = ?").params(day, requestId).update();
    }

    /** Waits until the provider's queue, kept by pathway from the release event after commit, holds the request. */
    public void awaitQueued(long requestId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select exists (select 1 from pathway_queue where request_id = ?)").param(requestId)
                .query(Boolean.class).single());
    }

    /**
     * A request of a new invited worker whose check of other active policies failed, the worker chose to keep
     * the other policy and the notice of rejection was sent: it is open to the worker's observations.
     */
    public long noticed(String masterUsername, String lastName, String firstName) {
        CurrentUser master = user(masterUsername);
        long id = filed(master, lastName, firstName, office(masterUsername).id());
        requests.recordCheck(master, id, queries.load(master, id).getVersion(), CheckKind.OTHER_ACTIVE_POLICY,
                CheckOutcome.FAILED, Dates.today(), "tirocinio in corso");
        requests.recordActivePolicyContact(master, id, queries.load(master, id).getVersion(), Dates.today(),
                it.ricolloca.requests.ActivePolicyChoice.KEEP_OTHER_POLICY, "telefonata: prosegue il tirocinio");
        requests.sendRejectionNotice(master, id, queries.load(master, id).getVersion(), "Altra politica attiva in corso");
        return id;
    }

    private long filed(CurrentUser master, String lastName, String firstName, long officeId) {
        String cf = TestCodes.random(random);
        long worker = register.create(user("regione"), cf, firstName, lastName, master.centreId()).getId();
        jdbc.sql("update workers_worker set email = ? where id = ?").params(firstName.toLowerCase() + "@example.org", worker)
                .update();
        jdbc.sql("insert into workers_invitation (worker_id, invitation_date) values (?, ?)")
                .params(worker, LocalDate.of(2026, 1, 15)).update();
        return requests.fileIntermediated(master, cf, new ProviderChoice("CPI", officeId, null));
    }

    public String taxCodeOf(long requestId) {
        return jdbc.sql("select w.tax_code from requests_voucher_request r join workers_worker w on w.id = r.worker_id"
                + " where r.id = ?").param(requestId).query(String.class).single();
    }

    /** Gives the office an agenda every day from 08:00 to 18:00, hourly slots for two, unless it has one. */
    public void openEveryDay(String masterUsername) {
        OfficeSummary office = office(masterUsername);
        if (!agenda.templates(office.id()).isEmpty()) {
            return;
        }
        List<TemplateRule> rules = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            rules.add(new TemplateRule(d, LocalTime.of(8, 0), LocalTime.of(18, 0), 60, 2, "Sportello AdR"));
        }
        agenda.addTemplate(user(masterUsername), office.id(), "Tutti i giorni", TemplateKind.WEEKLY,
                LocalDate.of(2026, 1, 1), null, rules);
    }

    /**
     * The office's first slot, from {@code daysAhead} days on, that is empty and followed by an empty slot an hour
     * later. Classes share the agenda and some book the first free slot after a moment of their own, so a fixed
     * hour can already be taken when a class runs.
     */
    public ZonedDateTime emptySlot(String masterUsername, int daysAhead) {
        openEveryDay(masterUsername);
        LocalDate from = Dates.today().plusDays(daysAhead);
        List<Agenda.SlotView> slots = agenda.slots(office(masterUsername).id(), from, from.plusDays(30));
        for (int i = 0; i + 1 < slots.size(); i++) {
            ZonedDateTime start = slots.get(i).slot().start();
            if (slots.get(i).appointments().isEmpty() && slots.get(i + 1).appointments().isEmpty()
                    && slots.get(i + 1).slot().start().equals(start.plusHours(1))) {
                return start;
            }
        }
        throw new IllegalStateException("no empty slot in the 30 days from " + from);
    }
}
