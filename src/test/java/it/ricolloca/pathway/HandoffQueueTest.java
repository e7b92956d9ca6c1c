package it.ricolloca.pathway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.agenda.Agenda;
import it.ricolloca.agenda.Appointment;
import it.ricolloca.agenda.AppointmentStatus;
import it.ricolloca.network.OfficeSummary;
import it.ricolloca.pathway.internal.PathwayStart;
import it.ricolloca.pathway.internal.PathwayStart.QueueItem;
import it.ricolloca.pathway.internal.PathwayWork;
import it.ricolloca.requests.internal.RequestListImporter;
import it.ricolloca.requests.internal.RequestQueries;
import it.ricolloca.requests.internal.RequestWorkflow;
import it.ricolloca.requests.internal.RequestWorkflow.ProviderChoice;
import it.ricolloca.shared.tabular.ImportReport;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.support.IntegrationTest;
import it.ricolloca.support.ReleasedWorkers;
import it.ricolloca.support.TestCodes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The hand-off of a released request to its provider through events: the request reaches the provider
 * office's queue (pathway's own table) after its release or an import, moves with a change of provider,
 * leaves it when withdrawn or blocked, and when the pathway starts.
 */
@IntegrationTest
class HandoffQueueTest {

    @Autowired ReleasedWorkers released;
    @Autowired PathwayWork work;
    @Autowired PathwayStart start;
    @Autowired RequestWorkflow requests;
    @Autowired RequestQueries requestQueries;
    @Autowired RequestListImporter importer;
    @Autowired Agenda agenda;
    @Autowired JdbcClient jdbc;

    CurrentUser master;
    CurrentUser tutor;
    CurrentUser novara;
    OfficeSummary torino;

    @BeforeEach
    void open() {
        master = released.user("master.torino");
        tutor = released.user("tutor.torino");
        novara = released.user("master.novara");
        torino = released.office("master.torino");
        released.openEveryDay("master.torino");
    }

    @Test
    void aReleasedRequestReachesTheProviderOfficeQueueWithTheWorkerFromTheRegister() {
        long request = released.release("master.torino", "Serra", "Ottavio");

        assertThat(jdbc.sql("select office_id from pathway_queue where request_id = ?").param(request)
                .query(Long.class).single()).isEqualTo(torino.id());
        QueueItem item = queued(tutor, request).orElseThrow();
        assertThat(item.request().workerName()).isEqualTo("Serra Ottavio");
        assertThat(item.request().taxCode()).isEqualTo(released.taxCodeOf(request));
        assertThat(item.request().email()).isEqualTo("ottavio@example.org");
        assertThat(item.request().releasedOn()).isEqualTo(Dates.today());
        assertThat(item.office().id()).isEqualTo(torino.id());
        assertThat(start.queued(tutor, request).request().requestId()).isEqualTo(request);
        assertThat(queued(novara, request)).isEmpty();
    }

    @Test
    void aChangeOfProviderMovesTheRequestToTheNewOfficeQueue() {
        long request = released.release("master.torino", "Serra", "Paola");
        OfficeSummary novaraOffice = released.office("master.novara");

        requests.changeProvider(master, request, version(request), new ProviderChoice("CPI", novaraOffice.id(), null));

        await().atMost(Duration.ofSeconds(20)).until(() -> queued(novara, request).isPresent());
        assertThat(queued(novara, request).orElseThrow().office().id()).isEqualTo(novaraOffice.id());
        assertThat(queued(tutor, request)).isEmpty();
    }

    @Test
    void aWithdrawnOrBlockedRequestLeavesTheQueue() {
        long withdrawn = released.release("master.torino", "Serra", "Quinto");
        long blocked = released.release("master.torino", "Serra", "Rita");

        requests.withdraw(master, withdrawn, version(withdrawn), "il lavoratore rinuncia");
        requests.block(master, blocked, version(blocked), "verifica INPS in corso");

        await().atMost(Duration.ofSeconds(20)).until(() -> queued(tutor, withdrawn).isEmpty()
                && queued(tutor, blocked).isEmpty());
        assertThat(jdbc.sql("select count(*) from pathway_queue where request_id in (?, ?)").params(withdrawn, blocked)
                .query(Long.class).single()).isZero();
    }

    @Test
    void theRequestLeavesTheQueueWhenItsPathwayStarts() {
        long request = released.release("master.torino", "Serra", "Sandro");
        released.releasedOn(request, Dates.today().minusDays(1));
        ZonedDateTime yesterday = Dates.today().minusDays(1).atTime(LocalTime.of(9, 0)).atZone(Dates.ZONE);
        long pathway = start.bookFirstAppointment(tutor, request, yesterday, null, null, "colloquio registrato il giorno dopo");
        assertThat(queuedRows(request)).as("booked, not yet held: still queued").isOne();

        Appointment first = work.appointments(work.get(master, pathway)).get(0);
        agenda.recordOutcome(tutor, first.getId(), first.getVersion(), AppointmentStatus.HELD, null);

        assertThat(queuedRows(request)).isZero();
        assertThat(queued(tutor, request)).isEmpty();
    }

    @Test
    void anImportedReleasedRequestAppearsInTheQueueAndAWithdrawalImportedLaterTakesItOut() {
        Random random = new Random(1717);
        String cf = TestCodes.random(random);
        String cpi = torino.centreName();
        String header = "Codice fiscale;Data richiesta;Stato richiesta;CPI competente;Tipo erogatore;Soggetto erogatore;"
                + "Sede erogatore;Data stato\n";
        ImportReport first = importer.importFile(released.user("adr.regione"), "elenco-consegna.csv",
                (header + cf + ";02/05/2017;Rilasciato;" + cpi + ";CPI;" + cpi + ";" + torino.name() + ";08/05/2017\n")
                        .getBytes(StandardCharsets.UTF_8), LocalDate.of(2017, 5, 15));
        assertThat(first.rejections()).isEmpty();
        long request = jdbc.sql("""
                select r.id from requests_snapshot_entry e join requests_voucher_request r on r.id = e.request_id
                where e.import_id = ?""").param(first.importId()).query(Long.class).single();

        await().atMost(Duration.ofSeconds(20)).until(() -> queued(tutor, request).isPresent());
        QueueItem item = queued(tutor, request).orElseThrow();
        assertThat(item.request().taxCode()).isEqualTo(cf);
        assertThat(item.request().releasedOn()).isEqualTo(LocalDate.of(2017, 5, 8));
        assertThat(item.office().id()).isEqualTo(torino.id());

        importer.importFile(released.user("adr.regione"), "elenco-ritiro.csv",
                (header + cf + ";02/05/2017;Ritirato;" + cpi + ";CPI;" + cpi + ";" + torino.name() + ";20/05/2017\n")
                        .getBytes(StandardCharsets.UTF_8), LocalDate.of(2017, 5, 22));
        await().atMost(Duration.ofSeconds(20)).until(() -> queuedRows(request) == 0);
        assertThat(queued(tutor, request)).isEmpty();
    }

    private Optional<QueueItem> queued(CurrentUser user, long request) {
        List<QueueItem> queue = start.queue(user);
        return queue.stream().filter(i -> i.request().requestId() == request).findFirst();
    }

    private long queuedRows(long request) {
        return jdbc.sql("select count(*) from pathway_queue where request_id = ?").param(request).query(Long.class).single();
    }

    private long version(long request) {
        return requestQueries.load(master, request).getVersion();
    }
}
