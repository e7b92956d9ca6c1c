package it.ricolloca.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.Role;
import it.ricolloca.accounts.internal.UserAccount;
import it.ricolloca.accounts.internal.UserAccountRepository;
import it.ricolloca.accounts.internal.UserAdministration;
import it.ricolloca.documents.DocumentContent;
import it.ricolloca.documents.Dossier;
import it.ricolloca.documents.RejectedUploadException;
import it.ricolloca.documents.Upload;
import it.ricolloca.network.CentreSummary;
import it.ricolloca.network.JobCentres;
import it.ricolloca.network.OfficeSummary;
import it.ricolloca.requests.RequestRefusedException.FilingRefusedException;
import it.ricolloca.requests.RequestRefusedException.StaleException;
import it.ricolloca.requests.internal.RequestQueries;
import it.ricolloca.requests.internal.RequestWorkflow;
import it.ricolloca.requests.internal.RequestWorkflow.ProviderChoice;
import it.ricolloca.shared.NotFoundException;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.support.IntegrationTest;
import it.ricolloca.support.TestCodes;
import it.ricolloca.workers.internal.WorkerRegister;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.security.access.AccessDeniedException;

/**
 * The competent CPI's work on real records: who may file, check, notify and decide; the
 * new-request e-mail through a real SMTP server, also after an outage; the notice letter as a
 * real PDF; two operators deciding at once; repeat requests after a rejection.
 */
@IntegrationTest
class RequestWorkflowTest {

    @Autowired it.ricolloca.shared.web.Messages messages;

    @Autowired RequestWorkflow workflow;
    @Autowired RequestQueries queries;
    @Autowired UserAccountRepository users;
    @Autowired UserAdministration userAdministration;
    @Autowired WorkerRegister register;
    @Autowired JobCentres centres;
    @Autowired Dossier documents;
    @Autowired JdbcClient jdbc;
    @Autowired GreenMail greenMail;
    @Autowired IncompleteEventPublications incomplete;

    static final Random RANDOM = new Random(20261127);

    CurrentUser master;
    CurrentUser operator;
    CurrentUser tutor;
    CurrentUser novara;
    CurrentUser regione;
    CentreSummary torino;
    ProviderChoice office;

    @BeforeEach
    void users() {
        master = user("master.torino");
        operator = user("operatore.torino");
        tutor = user("tutor.torino");
        novara = user("operatore.novara");
        regione = user("regione");
        torino = centres.find(master.centreId()).orElseThrow();
        OfficeSummary o = centres.offices().stream().filter(x -> x.centreId() == torino.id()).findFirst().orElseThrow();
        office = new ProviderChoice("CPI", o.id(), null);
    }

    @Test
    void anOperatorFilesAnIntermediatedRequestAndTheCentreIsMailedAfterCommit() throws Exception {
        String cf = invitedWorker("Bianchi", "Laura", torino.id());
        long id = workflow.fileIntermediated(operator, cf, office);

        await().atMost(Duration.ofSeconds(20)).until(() -> mailsFor(id).size() == 1);
        MimeMessage mail = mailsFor(id).get(0);
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(torino.email());
        assertThat(mail.getSubject()).contains("n. " + id, torino.name()).doesNotContain(cf, "Bianchi", "Laura");
        String body = GreenMailUtil.getBody(mail);
        assertThat(body).contains("/requests/" + id).doesNotContain(cf, "Bianchi", "Laura");
        // A delivered event leaves nothing behind: no completed publication, with its payload, stays in the registry.
        await().atMost(Duration.ofSeconds(10)).until(() -> count(
                "select count(*) from event_publication where completion_date is not null", null) == 0);

        VoucherRequest request = queries.load(operator, id);
        assertThat(request.getStatus()).isEqualTo(RequestStatus.REQUESTED);
        assertThat(request.getChannel()).isEqualTo(RequestChannel.INTERMEDIATED);
        assertThat(request.getProvider().officeId()).isEqualTo(office.officeId());
        assertThat(request.getFiledBy()).isEqualTo("operatore.torino");
        // Seven days, the last one carried past a Sunday or a national holiday.
        assertThat(queries.get(operator, id).deadline())
                .isEqualTo(it.ricolloca.shared.LegalCalendar.nextWorkingDayFrom(Dates.today().plusDays(7)));
        assertThat(queries.events(id)).singleElement().satisfies(e -> assertThat(e.action()).isEqualTo(RequestAction.FILE));
        assertThat(queries.search(operator, RequestStatus.REQUESTED, null, cf, 0, 10).getContent())
                .extracting(RequestQueries.RequestView::id).containsExactly(id);
    }

    @Autowired it.ricolloca.notifications.internal.PendingDeliveries pendingDeliveries;
    @Autowired org.springframework.security.core.userdetails.UserDetailsService pendingUsers;

    @Test
    void theMailIsSentWhenTheServerComesBack() throws Exception {
        String cf = invitedWorker("Verdi", "Anna", torino.id());
        long[] filedId = {0};
        greenMail.stop();
        try {
            filedId[0] = workflow.fileIntermediated(master, cf, new ProviderChoice("PRIVATE", null, "Agenzia Lavoro Subito"));
            await().atMost(Duration.ofSeconds(30)).until(() -> count(
                    "select count(*) from event_publication where completion_date is null and status = 'FAILED'", null) > 0);
            assertThat(pendingDeliveries.pending().count()).isPositive();
            assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/notices")
                    .with(it.ricolloca.support.DemoUsers.as(pendingUsers, "regione"))).andReturn().getResponse()
                    .getContentAsString()).contains("Consegne in attesa");
            assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/notices")
                    .with(it.ricolloca.support.DemoUsers.as(pendingUsers, "master.torino"))).andReturn()
                    .getResponse().getContentAsString()).doesNotContain("Consegne in attesa");
        } finally {
            greenMail.start();
        }
        assertThat(mailsFor(filedId[0])).isEmpty();
        incomplete.resubmitIncompletePublicationsOlderThan(Duration.ZERO);
        await().atMost(Duration.ofSeconds(20)).until(() -> mailsFor(filedId[0]).size() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> pending() == 0);
        incomplete.resubmitIncompletePublicationsOlderThan(Duration.ZERO);
        Thread.sleep(500);
        assertThat(mailsFor(filedId[0])).as("sent once").hasSize(1);
    }

    @Test
    void onlyTheMasterOrADelegatedOperatorFilesAndOnlyForAnInvitedWorkerWithoutOpenRequests() {
        String cf = invitedWorker("Neri", "Paolo", torino.id());
        assertThatThrownBy(() -> workflow.fileIntermediated(tutor, cf, office)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> workflow.fileIntermediated(regione, cf, office)).isInstanceOf(AccessDeniedException.class);
        CurrentUser undelegated = operatorWithout("senzadelega.filing");
        assertThatThrownBy(() -> workflow.fileIntermediated(undelegated, cf, office))
                .isInstanceOf(AccessDeniedException.class);
        // Another CPI learns only that the worker is not its own: the same answer as for a code not in the register.
        assertThatThrownBy(() -> workflow.fileIntermediated(novara, cf, office))
                .isInstanceOf(FilingRefusedException.class).hasMessage("request.file.notYours")
                .satisfies(e -> assertThat(messages.t(((FilingRefusedException) e).messageKey(),
                        ((FilingRefusedException) e).args())).doesNotContain("Torino"));
        assertThatThrownBy(() -> workflow.fileIntermediated(novara, TestCodes.random(RANDOM), office))
                .isInstanceOf(FilingRefusedException.class).hasMessage("request.file.notYours");

        String notInvited = TestCodes.random(RANDOM);
        register.create(regione, notInvited, "Gialli", "Marco", torino.id());
        assertThatThrownBy(() -> workflow.fileIntermediated(master, notInvited, office))
                .hasMessage("request.file.notInSample");
        assertThatThrownBy(() -> workflow.fileIntermediated(master, "NONVALIDO", office))
                .isInstanceOf(it.ricolloca.shared.CodiceFiscale.InvalidException.class);
        assertThatThrownBy(() -> workflow.fileIntermediated(master, cf, new ProviderChoice("PRIVATE", null, " ")))
                .hasMessage("request.provider.agencyRequired");

        workflow.fileIntermediated(master, cf, office);
        assertThatThrownBy(() -> workflow.fileIntermediated(operator, cf, office)).hasMessage("request.file.openExists");
        assertThat(count("select count(*) from requests_voucher_request r join workers_worker w on w.id = r.worker_id"
                + " where w.tax_code = ?", cf)).isEqualTo(1);
    }

    @Test
    void anOperatorWithoutTheReleaseDelegationCannotReleaseAndNovaraCannotSeeTorino() {
        String cf = invitedWorker("Russo", "Elena", torino.id());
        long id = workflow.fileIntermediated(master, cf, office);
        passAllChecks(id);
        CurrentUser undelegated = operatorWithout("senzadelega.release");
        long version = version(id);
        assertThatThrownBy(() -> workflow.release(undelegated, id, version, null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> workflow.release(tutor, id, version, null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> workflow.release(novara, id, version, null)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> queries.load(novara, id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> queries.get(novara, id)).isInstanceOf(NotFoundException.class);
        assertThat(queries.search(novara, null, null, cf, 0, 10).getContent()).isEmpty();
        // The undelegated operator still instructs: checks and notices are not reserved.
        workflow.recordCheck(undelegated, id, version, CheckKind.NASPI, CheckOutcome.PASSED, Dates.today(), "di nuovo");
        assertThat(queries.load(master, id).getStatus()).isEqualTo(RequestStatus.UNDER_REVIEW);

        workflow.release(operator, id, version(id), "verifiche superate");
        assertThat(queries.load(regione, id).getStatus()).isEqualTo(RequestStatus.RELEASED);
    }

    @Test
    void theNoticeLetterIsARealPdfWithTheWorkerAndTheReasons() throws Exception {
        String cf = invitedWorker("Esposito", "Giulia", torino.id());
        long id = workflow.fileIntermediated(master, cf, office);
        workflow.recordCheck(operator, id, version(id), CheckKind.EMPLOYMENT, CheckOutcome.FAILED, Dates.today(),
                "comunicazione obbligatoria del 2 marzo");
        workflow.sendRejectionNotice(operator, id, version(id), "Dalle comunicazioni obbligatorie risulta un rapporto di lavoro in corso.");

        VoucherRequest request = queries.load(master, id);
        assertThat(request.getStatus()).isEqualTo(RequestStatus.NOTICE_OF_REJECTION);
        // The window counts from the receipt, not from the sending: unknown until the receipt is recorded.
        assertThat(request.getObservationDeadline()).isNull();
        DocumentContent letter = documents.content(request.getRejectionNoticeLetterId()).orElseThrow();
        assertThat(letter.document().contentType()).isEqualTo("application/pdf");
        try (PDDocument pdf = Loader.loadPDF(letter.bytes())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ").replace(" /", "/");
            assertThat(text).contains("Giulia Esposito", cf, "rapporto di lavoro in corso", "10-bis",
                    "Entro 10 giorni dal ricevimento", "è sospeso", torino.officialName());
            assertThat(pdf.getDocumentCatalog().getMetadata()).as("PDF/A metadata").isNotNull();
        }
    }

    @Test
    void observationsWithDocumentsThenARejectionThatAnswersThemThenARepeatRequestLinkedToTheOldOne()
            throws Exception {
        String cf = invitedWorker("Ferrari", "Luca", torino.id());
        long id = workflow.fileIntermediated(master, cf, office);
        workflow.recordCheck(operator, id, version(id), CheckKind.OTHER_ACTIVE_POLICY, CheckOutcome.FAILED, Dates.today(),
                "tirocinio in corso");
        assertThatThrownBy(() -> workflow.sendRejectionNotice(operator, id, version(id), "Altra politica"))
                .hasMessage("request.refused.policyContactMissing");
        workflow.recordActivePolicyContact(operator, id, version(id), Dates.today(), ActivePolicyChoice.KEEP_OTHER_POLICY,
                "telefonata: prosegue il tirocinio");
        workflow.sendRejectionNotice(operator, id, version(id), "Altra politica attiva in corso");

        byte[] pdf = letterBytes(id);
        byte[] png = java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        long before = count("select count(*) from documents_document", null);
        assertThatThrownBy(() -> workflow.recordObservation(operator, id, version(id), Dates.today(), "testo",
                List.of(new Upload("ok.pdf", pdf), new Upload("finto.pdf", "<script>alert(1)</script>".getBytes()))))
                .isInstanceOf(RejectedUploadException.class).hasMessage("document.upload.type");
        assertThat(count("select count(*) from documents_document", null)).as("nothing stored").isEqualTo(before);

        workflow.recordObservation(operator, id, version(id), Dates.today(), "Il tirocinio termina tra una settimana",
                List.of(new Upload("../../lettera del tirocinio.pdf", pdf), new Upload("foto.png", png)));
        VoucherRequest noticed = queries.load(master, id);
        assertThat(noticed.getObservations()).singleElement().satisfies(o -> assertThat(o.getDocumentIds()).hasSize(2));
        List<String> names = documents.find(noticed.getObservations().get(0).getDocumentIds()).stream()
                .map(d -> d.fileName()).toList();
        assertThat(names).containsExactly("lettera del tirocinio.pdf", "foto.png");

        assertThatThrownBy(() -> workflow.reject(master, id, version(id), "Altra politica in corso", null))
                .hasMessage("request.refused.observationsUnanswered");
        workflow.reject(master, id, version(id), "Altra politica in corso",
                "Il tirocinio è ancora in corso alla data della decisione");
        assertThat(queries.load(master, id).getStatus()).isEqualTo(RequestStatus.REJECTED);
        assertThatThrownBy(() -> workflow.release(master, id, version(id), null))
                .isInstanceOf(RequestRefusedException.FinalException.class);
        assertThatThrownBy(() -> workflow.withdraw(master, id, version(id), "ripensamento"))
                .isInstanceOf(RequestRefusedException.FinalException.class);

        // Same day: refused; the repeat comes the next day in real life, here we move the old request back one day.
        assertThatThrownBy(() -> workflow.fileIntermediated(master, cf, office)).hasMessage("request.file.sameDay");
        jdbc.sql("update requests_voucher_request set request_date = request_date - 1 where id = ?").param(id).update();
        long repeat = workflow.fileIntermediated(master, cf, office);
        assertThat(queries.load(master, repeat).getPreviousRequestId()).isEqualTo(id);
        assertThat(queries.ofWorker(master, queries.load(master, id).getWorkerId())).hasSize(2);
    }

    @Test
    void aStaleFormChangesNothing() {
        String cf = invitedWorker("Romano", "Sara", torino.id());
        long id = workflow.fileIntermediated(master, cf, office);
        long read = version(id);
        workflow.recordCheck(operator, id, read, CheckKind.NASPI, CheckOutcome.PASSED, Dates.today(), null);
        long events = count("select count(*) from requests_event where request_id = ?", id);
        assertThatThrownBy(() -> workflow.recordCheck(master, id, read, CheckKind.NASPI, CheckOutcome.FAILED,
                Dates.today(), null)).isInstanceOf(StaleException.class);
        assertThat(count("select count(*) from requests_event where request_id = ?", id)).isEqualTo(events);
        assertThat(queries.load(master, id).getChecks()).hasSize(1);
    }

    @Test
    void twoOperatorsDecidingAtOnceOneWinsAndNothingOfTheOtherIsSaved() throws Exception {
        for (int round = 0; round < 5; round++) {
            String cf = invitedWorker("Gallo", "Pietro" + round, torino.id());
            long id = workflow.fileIntermediated(master, cf, office);
            passAllChecks(id);
            long version = version(id);
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<String> release = pool.submit(() -> attempt(start,
                        () -> workflow.release(master, id, version, "rilascio")));
                Future<String> block = pool.submit(() -> attempt(start,
                        () -> workflow.block(operator, id, version, "verifica INPS in corso")));
                start.countDown();
                List<String> outcomes = new ArrayList<>(List.of(release.get(), block.get()));
                assertThat(outcomes).as("round " + round).containsExactlyInAnyOrder("ok", "stale");
            } finally {
                pool.shutdownNow();
            }
            VoucherRequest after = queries.load(master, id);
            assertThat(after.getStatus()).isIn(RequestStatus.RELEASED, RequestStatus.BLOCKED);
            List<RequestAction> decisions = queries.events(id).stream().map(e -> e.action())
                    .filter(a -> a == RequestAction.RELEASE || a == RequestAction.BLOCK).toList();
            assertThat(decisions).hasSize(1);
            assertThat(after.getDecisionDate() != null).isEqualTo(after.getStatus() == RequestStatus.RELEASED);
        }
    }

    @Autowired org.springframework.test.web.servlet.MockMvc mvc;
    @Autowired it.ricolloca.accounts.internal.ApiTokens tokens;

    @Test
    void theApiReleasesAndRejectsWithABearerTokenAndAnswers409WithTheItalianMessage() throws Exception {
        String cf = invitedWorker("Conti", "Marta", torino.id());
        long id = workflow.fileIntermediated(master, cf, office);
        String token = "Bearer " + tokens.create(users.findByUsername("operatore.torino").orElseThrow().getId(), "api", "test");
        var refused = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/api/v1/requests/" + id + "/release").header("Authorization", token)
                        .contentType("application/json").content("{\"note\": \"subito\"}"))
                .andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(409);
        refused.setCharacterEncoding("UTF-8");
        assertThat(refused.getContentAsString()).contains("request.refused.transition", "Rilascio", "Richiesto");

        passAllChecks(id);
        var released = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/api/v1/requests/" + id + "/release").header("Authorization", token)
                        .contentType("application/json").content("{\"note\": \"verifiche superate\"}"))
                .andReturn().getResponse();
        assertThat(released.getStatus()).isEqualTo(200);
        assertThat(released.getContentAsString()).contains("RELEASED", "RELEASE");

        var noReasons = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/api/v1/requests/" + id + "/reject").header("Authorization", token)
                        .contentType("application/json").content("{}"))
                .andReturn().getResponse();
        assertThat(noReasons.getStatus()).isEqualTo(400);
        var finalRefusal = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/api/v1/requests/" + id + "/reject").header("Authorization", token)
                        .contentType("application/json").content("{\"reasons\": \"ripensamento\"}"))
                .andReturn().getResponse();
        assertThat(finalRefusal.getStatus()).isEqualTo(409);
        assertThat(queries.load(master, id).getStatus()).isEqualTo(RequestStatus.RELEASED);

        String tutorToken = "Bearer " + tokens.create(users.findByUsername("tutor.torino").orElseThrow().getId(), "api", "test");
        assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/api/v1/requests/" + id + "/release").header("Authorization", tutorToken)
                        .contentType("application/json").content("{}"))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    private static String attempt(CountDownLatch start, Runnable decision) throws InterruptedException {
        start.await();
        try {
            decision.run();
            return "ok";
        } catch (StaleException | OptimisticLockingFailureException e) {
            return "stale";
        }
    }

    private void passAllChecks(long id) {
        for (CheckKind k : CheckKind.values()) {
            workflow.recordCheck(operator, id, version(id), k, CheckOutcome.PASSED, Dates.today(), null);
        }
    }

    private byte[] letterBytes(long id) {
        return documents.content(queries.load(master, id).getRejectionNoticeLetterId()).orElseThrow().bytes();
    }

    private long version(long id) {
        return queries.load(master, id).getVersion();
    }

    private long count(String sql, Object param) {
        var spec = jdbc.sql(sql);
        return (param == null ? spec : spec.param(param)).query(Long.class).single();
    }

    private long pending() {
        return count("select count(*) from event_publication where completion_date is null", null);
    }

    private List<MimeMessage> mailsFor(long requestId) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            if (m.getSubject().contains("n. " + requestId + " (")) {
                found.add(m);
            }
        }
        return found;
    }

    private String invitedWorker(String lastName, String firstName, long centre) {
        String cf = TestCodes.random(RANDOM);
        long worker = register.create(regione, cf, firstName, lastName, centre).getId();
        jdbc.sql("insert into workers_invitation (worker_id, invitation_date) values (?, ?)")
                .params(worker, LocalDate.of(2026, 1, 15)).update();
        return cf;
    }

    private CurrentUser operatorWithout(String username) {
        UserAccount account = users.findByUsername(username).orElseGet(() -> userAdministration.create(regione, username,
                "Operatore senza deleghe", username + "@example.org", torino.id(), Set.of(Role.CPI_OPERATOR),
                "Senza-deleghe-1"));
        return account.toCurrentUser();
    }

    private CurrentUser user(String username) {
        return users.findByUsername(username).orElseThrow().toCurrentUser();
    }
}
