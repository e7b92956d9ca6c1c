package it.ricolloca.requests;

import static it.ricolloca.support.DemoUsers.as;
import static it.ricolloca.support.FormPosts.csrfOnce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.internal.UserAccountRepository;
import it.ricolloca.documents.Dossier;
import it.ricolloca.network.CentreSummary;
import it.ricolloca.network.JobCentres;
import it.ricolloca.network.OfficeSummary;
import it.ricolloca.requests.RequestRefusedException.DateOrderException;
import it.ricolloca.requests.RequestRefusedException.NoticeDateMissingException;
import it.ricolloca.requests.RequestRefusedException.NoticeReceiptMissingException;
import it.ricolloca.requests.RequestRefusedException.ObservationWindowOpenException;
import it.ricolloca.requests.internal.RequestListImporter;
import it.ricolloca.requests.internal.RequestQueries;
import it.ricolloca.requests.internal.RequestWorkflow;
import it.ricolloca.requests.internal.RequestWorkflow.ProviderChoice;
import it.ricolloca.requests.internal.SilenceApprovals;
import it.ricolloca.shared.DomainException;
import it.ricolloca.shared.tabular.ImportReport;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.Messages;
import it.ricolloca.support.IntegrationTest;
import it.ricolloca.support.TestCodes;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The request side of issue 18, one worked example per rule, with real dates: every status the
 * ministerial list brings takes every act without a 500; a request first seen in a list mails its CPI
 * once; the notice of rejection counted from its receipt, the decision term interrupted (notice of
 * 22/12/2017) or suspended (notice of 22/12/2020); dates in order; the NASpI months and silence-approval
 * parameters read where their rule applies; the provider change published with its office.
 */
@IntegrationTest
@RecordApplicationEvents
class RequestProcedureTest {

    @Autowired RequestListImporter importer;
    @Autowired RequestWorkflow workflow;
    @Autowired RequestQueries queries;
    @Autowired SilenceApprovals silence;
    @Autowired UserAccountRepository users;
    @Autowired JobCentres centres;
    @Autowired Dossier documents;
    @Autowired Messages messages;
    @Autowired JdbcClient jdbc;
    @Autowired GreenMail greenMail;
    @Autowired MockMvc mvc;
    @Autowired UserDetailsService userDetails;
    @Autowired ApplicationEvents events;

    static final Random RANDOM = new Random(18_2017_2020L);

    CurrentUser master;
    CurrentUser operator;
    CurrentUser adr;
    CentreSummary torino;
    CentreSummary novara;
    OfficeSummary torinoOffice;

    @BeforeEach
    void users() {
        master = user("master.torino");
        operator = user("operatore.torino");
        adr = user("adr.regione");
        torino = centres.find(master.centreId()).orElseThrow();
        novara = centres.find(user("master.novara").centreId()).orElseThrow();
        torinoOffice = centres.offices().stream().filter(o -> o.centreId() == torino.id()).findFirst().orElseThrow();
    }

    // ---- 1. every status the list brings, every act ----

    /** The acts on a request, through the service, each with arguments a form could send. */
    enum Act {
        CHECK, NOTICE, NOTICE_DATE, RECEIPT, OBSERVATION, RELEASE, REJECT, BLOCK, REENABLE, WITHDRAW, PROVIDER
    }

    @Test
    void everyStatusTheListBringsTakesEveryActAndNoneEndsInA500() throws Exception {
        Map<String, String> statuses = new LinkedHashMap<>();
        statuses.put("Richiesto", "");
        statuses.put("Preavviso di rigetto", "22/12/2017");
        statuses.put("preavviso", "");
        statuses.put("Rilasciato", "20/12/2017");
        statuses.put("Rigettato", "28/12/2017");
        statuses.put("Bloccato", "21/12/2017");
        statuses.put("Riabilitato", "27/12/2017");
        statuses.put("Ritirato", "23/12/2017");
        StringBuilder csv = new StringBuilder(HEADER);
        Map<String, String> codes = new LinkedHashMap<>();
        for (var status : statuses.entrySet()) {
            for (Act act : Act.values()) {
                String cf = TestCodes.random(RANDOM);
                codes.put(status.getKey() + "/" + act, cf);
                csv.append(row(cf, "17/12/2017", status.getKey(), torino.name(), status.getValue()));
            }
        }
        ImportReport report = importer.importFile(adr, "tutti-gli-stati.csv", csv.toString().getBytes(StandardCharsets.UTF_8),
                LocalDate.of(2018, 1, 31));
        assertThat(report.rejections()).isEmpty();
        assertThat(report.created()).isEqualTo(statuses.size() * Act.values().length);

        List<String> outcomes = new ArrayList<>();
        for (String status : statuses.keySet()) {
            for (Act act : Act.values()) {
                long id = requestOf(codes.get(status + "/" + act));
                try {
                    apply(id, act);
                    outcomes.add(status + "/" + act + ": ok");
                } catch (DomainException e) {
                    String text = messages.t(e.messageKey(), e.args());
                    assertThat(text).as(status + "/" + act).isNotEqualTo(e.messageKey()).doesNotContain("{0}");
                    outcomes.add(status + "/" + act + ": " + e.messageKey());
                } catch (RuntimeException e) {
                    fail(status + "/" + act + " ended in " + e, e);
                }
                MockHttpServletResponse page = mvc.perform(get("/requests/" + id).with(as(userDetails, "master.torino")))
                        .andReturn().getResponse();
                assertThat(page.getStatus()).as(status + "/" + act + " page").isEqualTo(200);
            }
        }
        assertThat(outcomes).noneMatch(o -> o.endsWith("request.refused.stale"));
        // The notice brought without its date refuses every decision until its date is given.
        assertThat(outcomes).contains("preavviso/REJECT: request.refused.noticeDateMissing",
                "preavviso/RELEASE: request.refused.noticeDateMissing",
                "preavviso/OBSERVATION: request.refused.noticeDateMissing",
                "preavviso/RECEIPT: request.refused.noticeDateMissing",
                "preavviso/NOTICE_DATE: ok",
                // Dated 22/12/2017 by the list: its window (to 2/1/2018) closed long ago.
                "Preavviso di rigetto/REJECT: ok",
                "Preavviso di rigetto/NOTICE_DATE: ok",
                "Richiesto/CHECK: ok", "Rilasciato/BLOCK: ok", "Bloccato/REENABLE: ok",
                "Rigettato/CHECK: request.refused.final", "Ritirato/PROVIDER: request.refused.final");
    }

    @Test
    void anImportedNoticeTakesItsDateFromTheListOrAsksForIt() throws Exception {
        String dated = TestCodes.random(RANDOM);
        String undated = TestCodes.random(RANDOM);
        importer.importFile(adr, "preavvisi.csv", (HEADER
                + row(dated, "17/12/2017", "Preavviso di rigetto", torino.name(), "22/12/2017")
                + row(undated, "18/12/2020", "Preavviso di rigetto", torino.name(), "")).getBytes(StandardCharsets.UTF_8),
                LocalDate.of(2021, 1, 15));

        // With its status date, 22/12/2017: the window counts from that day to 1/1/2018, a holiday, so to
        // 2/1/2018; the term (interrupted, text until 16/7/2020) runs anew for 7 days: 9/1/2018.
        long a = requestOf(dated);
        VoucherRequest noticed = queries.load(master, a);
        assertThat(noticed.getRejectionNoticeDate()).isEqualTo(LocalDate.of(2017, 12, 22));
        assertThat(noticed.isRejectionNoticeFromList()).isTrue();
        assertThat(noticed.regime()).isEqualTo(NoticeRegime.INTERRUPTED);
        assertThat(noticed.getObservationDeadline()).isEqualTo(LocalDate.of(2018, 1, 2));
        assertThat(queries.get(master, a).deadline()).isEqualTo(LocalDate.of(2018, 1, 9));
        // The receipt, once known (27/12/2017), moves the window: 6/1/2018 is a holiday, 7/1 a Sunday, so
        // 8/1/2018; the term runs anew from there: 15/1/2018.
        workflow.recordNoticeReceipt(operator, a, version(a), LocalDate.of(2017, 12, 27));
        assertThat(queries.load(master, a).getObservationDeadline()).isEqualTo(LocalDate.of(2018, 1, 8));
        assertThat(queries.get(master, a).deadline()).isEqualTo(LocalDate.of(2018, 1, 15));

        // Without a status date: no deadline, the page asks for the date, every decision is refused.
        long b = requestOf(undated);
        assertThat(queries.load(master, b).needsNoticeDate()).isTrue();
        assertThat(queries.get(master, b).deadline()).isNull();
        String html = page("/requests/" + b);
        assertThat(html).contains(messages.t("request.noticeDate.needed"), "/requests/" + b + "/notice-date")
                .doesNotContain("/requests/" + b + "/reject\"");
        assertThatThrownBy(() -> workflow.reject(master, b, version(b), "Occupato", null))
                .isInstanceOf(NoticeDateMissingException.class);
        MockHttpServletResponse refused = mvc.perform(post("/requests/" + b + "/reject").with(as(userDetails, "master.torino"))
                .with(csrfOnce()).param("version", String.valueOf(version(b))).param("reasons", "Occupato")
                .param("confirmed", "true")).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(200);
        assertThat(refused.getContentAsString()).contains(messages.t("request.refused.noticeDateMissing"));

        // The small form, audited: a date before the request is refused on its field.
        MockHttpServletResponse early = mvc.perform(post("/requests/" + b + "/notice-date").with(as(userDetails,
                "operatore.torino")).with(csrfOnce()).param("version", String.valueOf(version(b)))
                .param("noticeOn", "2020-12-17")).andReturn().getResponse();
        assertThat(early.getStatus()).isEqualTo(200);
        assertThat(early.getContentAsString()).contains("id=\"noticeOn-error\"",
                messages.t("request.refused.beforeRequest", "18/12/2020"));
        MockHttpServletResponse given = mvc.perform(post("/requests/" + b + "/notice-date").with(as(userDetails,
                "operatore.torino")).with(csrfOnce()).param("version", String.valueOf(version(b)))
                .param("noticeOn", "2020-12-22")).andReturn().getResponse();
        assertThat(given.getStatus()).isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'REQUEST_NOTICE_DATE' and record_id = ?")
                .param(String.valueOf(b)).query(Long.class).single()).isEqualTo(1);
        // Notice of 22/12/2020 (suspended, DL 76/2020): window from the notice to 1/1/2021, a holiday, so
        // Saturday 2/1/2021; 3 days were left (deadline 25/12/2020): 5/1/2021.
        VoucherRequest dateGiven = queries.load(master, b);
        assertThat(dateGiven.regime()).isEqualTo(NoticeRegime.SUSPENDED);
        assertThat(dateGiven.getObservationDeadline()).isEqualTo(LocalDate.of(2021, 1, 2));
        assertThat(queries.get(master, b).deadline()).isEqualTo(LocalDate.of(2021, 1, 5));
        workflow.reject(master, b, version(b), "Occupato dal 1 dicembre 2020", null);
        assertThat(queries.load(master, b).getStatus()).isEqualTo(RequestStatus.REJECTED);
    }

    // ---- 2. the first list that brings a request mails its CPI, once ----

    @Test
    void aRequestFirstSeenInAListMailsItsCentreOnceAndReImportsSendNothing() throws Exception {
        java.time.Instant started = java.time.Instant.now();
        String a = TestCodes.random(RANDOM);
        String b = TestCodes.random(RANDOM);
        String c = TestCodes.random(RANDOM);
        LocalDate first = LocalDate.of(2019, 3, 11);
        String list = HEADER + row(a, "04/03/2019", "Richiesto", torino.name(), "")
                + row(b, "05/03/2019", "Preavviso di rigetto", torino.name(), "08/03/2019")
                + row(c, "06/03/2019", "Richiesto", novara.name(), "");
        importer.importFile(adr, "nuove.csv", list.getBytes(StandardCharsets.UTF_8), first);
        long ida = requestOf(a);
        long idb = requestOf(b);
        long idc = requestOf(c);

        await().atMost(Duration.ofSeconds(20)).until(() -> mailsOf(first).size() == 2);
        MimeMessage toTorino = mailsOf(first).stream().filter(m -> subject(m).contains(torino.name())).findFirst()
                .orElseThrow();
        assertThat(toTorino.getAllRecipients()[0].toString()).isEqualTo(torino.email());
        assertThat(toTorino.getSubject()).contains("11/03/2019", ": 2 (");
        String body = GreenMailUtil.getBody(toTorino);
        assertThat(body).contains("/requests/" + ida, "/requests/" + idb).doesNotContain("/requests/" + idc + "\r",
                a, b);
        MimeMessage toNovara = mailsOf(first).stream().filter(m -> subject(m).contains(novara.name())).findFirst()
                .orElseThrow();
        assertThat(toNovara.getAllRecipients()[0].toString()).isEqualTo(novara.email());
        assertThat(GreenMailUtil.getBody(toNovara)).contains("/requests/" + idc).doesNotContain("/requests/" + ida);

        // The same requests in the next week's list (one changed status): no mail.
        LocalDate second = LocalDate.of(2019, 3, 18);
        String again = HEADER + row(a, "04/03/2019", "Rilasciato", torino.name(), "15/03/2019")
                + row(b, "05/03/2019", "Preavviso di rigetto", torino.name(), "08/03/2019")
                + row(c, "06/03/2019", "Richiesto", novara.name(), "");
        ImportReport reimport = importer.importFile(adr, "nuove-2.csv", again.getBytes(StandardCharsets.UTF_8), second);
        assertThat(reimport.created()).isZero();
        assertThat(reimport.updated()).isEqualTo(1);
        // this test's own events handled (the shared database may hold other tests' publications)
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from event_publication where completion_date is null and publication_date >= ?")
                .param(java.sql.Timestamp.from(started)).query(Long.class).single() == 0);
        assertThat(mailsOf(second)).isEmpty();
        assertThat(mailsOf(first)).hasSize(2);
    }

    @Test
    void aListThatStillSaysRichiestoNeverMovesBackARequestTheCentreIsWorkingOn() {
        String cf = TestCodes.random(RANDOM);
        importer.importFile(adr, "uno.csv", (HEADER + row(cf, "04/03/2019", "Richiesto", torino.name(), ""))
                .getBytes(StandardCharsets.UTF_8), LocalDate.of(2019, 3, 5));
        long id = requestOf(cf);
        workflow.recordCheck(operator, id, version(id), CheckKind.EMPLOYMENT, CheckOutcome.FAILED, LocalDate.of(2019, 3, 6), null);
        workflow.sendRejectionNotice(operator, id, version(id), LocalDate.of(2019, 3, 7), "Occupato");
        ImportReport later = importer.importFile(adr, "due.csv", (HEADER + row(cf, "04/03/2019", "Richiesto", torino.name(),
                "")).getBytes(StandardCharsets.UTF_8), LocalDate.of(2019, 3, 12));
        assertThat(later.unchanged()).isEqualTo(1);
        VoucherRequest r = queries.load(master, id);
        assertThat(r.getStatus()).isEqualTo(RequestStatus.NOTICE_OF_REJECTION);
        assertThat(r.getRejectionNoticeDate()).isEqualTo(LocalDate.of(2019, 3, 7));
        assertThat(r.isRejectionNoticeFromList()).isFalse();
        assertThat(queries.history(id).get(0).status()).as("the snapshot keeps what the list said")
                .isEqualTo(RequestStatus.REQUESTED);
    }

    @Test
    void aLargeListSendsOneMailPerCentreNamingTheFirstRequests() throws Exception {
        LocalDate snapshot = LocalDate.of(2019, 4, 1);
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 1_200; i++) {
            csv.append(row(TestCodes.random(RANDOM), "25/03/2019", "Richiesto", torino.name(), ""));
        }
        assertThat(importer.importFile(adr, "grande.csv", csv.toString().getBytes(StandardCharsets.UTF_8), snapshot)
                .created()).isEqualTo(1_200);
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsOf(snapshot).size() == 1);
        String body = GreenMailUtil.getBody(mailsOf(snapshot).get(0));
        assertThat(body.split("- n\\. ", -1)).hasSize(201);
        assertThat(body).contains("1.200 in tutto", "altre 1.000");
    }

    // ---- 3. art. 10-bis: the window from the receipt, the term interrupted or suspended ----

    @Test
    void aNoticeSentOn22December2017InterruptsTheTermWhichRunsAnewFromTheWindowOrTheObservations() throws Exception {
        // Requested on Sunday 17/12/2017: 7 days to Sunday 24/12, then Christmas and Saint Stephen: 27/12/2017.
        long id = imported("17/12/2017", LocalDate.of(2017, 12, 18));
        assertThat(queries.get(master, id).deadline()).isEqualTo(LocalDate.of(2017, 12, 27));
        workflow.recordCheck(operator, id, version(id), CheckKind.EMPLOYMENT, CheckOutcome.FAILED, LocalDate.of(2017, 12, 20),
                "rapporto di lavoro dal 15/12/2017");
        workflow.sendRejectionNotice(operator, id, version(id), LocalDate.of(2017, 12, 22), "Risulta occupato dal 15/12/2017");
        VoucherRequest sent = queries.load(master, id);
        assertThat(sent.regime()).isEqualTo(NoticeRegime.INTERRUPTED);
        // Until the receipt is recorded: no window, no deadline, no rejection without observations.
        assertThat(sent.getObservationDeadline()).isNull();
        assertThat(queries.get(master, id).deadline()).isNull();
        assertThat(page("/requests/" + id)).contains(messages.t("request.noticeReceipt.needed"),
                messages.t("request.deadline.pending"));
        assertThatThrownBy(() -> workflow.reject(master, id, version(id), "Occupato", null))
                .isInstanceOf(NoticeReceiptMissingException.class);
        assertThat(letterText(id)).contains("dal ricevimento di questa comunicazione", "è interrotto",
                "per intero (7 giorni)").doesNotContain("sospeso");

        // Received on 27/12/2017: ten days to Saturday 6/1/2018 (Epiphany), then Sunday 7/1: Monday 8/1/2018;
        // without observations the full 7 days run anew from the window's end: Monday 15/1/2018.
        workflow.recordNoticeReceipt(operator, id, version(id), LocalDate.of(2017, 12, 27));
        assertThat(queries.load(master, id).getObservationDeadline()).isEqualTo(LocalDate.of(2018, 1, 8));
        assertThat(queries.get(master, id).deadline()).isEqualTo(LocalDate.of(2018, 1, 15));
        assertThat(page("/requests/" + id)).contains("dal 27/12/2017 al 08/01/2018", "15/01/2018",
                messages.t("request.notice.regime.INTERRUPTED"));

        // The same notice with observations received on Saturday 30/12/2017: 7 days from them, to Saturday
        // 6/1/2018 (Epiphany), then Sunday 7/1: Monday 8/1/2018.
        long withObservations = imported("17/12/2017", LocalDate.of(2017, 12, 18));
        workflow.recordCheck(operator, withObservations, version(withObservations), CheckKind.EMPLOYMENT, CheckOutcome.FAILED,
                LocalDate.of(2017, 12, 20), null);
        workflow.sendRejectionNotice(operator, withObservations, version(withObservations), LocalDate.of(2017, 12, 22),
                "Risulta occupato");
        workflow.recordNoticeReceipt(operator, withObservations, version(withObservations), LocalDate.of(2017, 12, 27));
        workflow.recordObservation(operator, withObservations, version(withObservations), LocalDate.of(2017, 12, 30),
                "Il contratto è cessato il 29/12/2017", List.of());
        assertThat(queries.get(master, withObservations).deadline()).isEqualTo(LocalDate.of(2018, 1, 8));
    }

    @Test
    void aNoticeSentOn22December2020SuspendsTheTermWhichResumesTenDaysAfterTheObservations() throws Exception {
        // Requested on Friday 18/12/2020: 7 days to Friday 25/12, then 26/12 and Sunday 27/12: 28/12/2020.
        long id = imported("18/12/2020", LocalDate.of(2020, 12, 19));
        assertThat(queries.get(master, id).deadline()).isEqualTo(LocalDate.of(2020, 12, 28));
        workflow.recordCheck(operator, id, version(id), CheckKind.NASPI, CheckOutcome.FAILED, LocalDate.of(2020, 12, 21), null);
        workflow.sendRejectionNotice(operator, id, version(id), LocalDate.of(2020, 12, 22), "NASpI non in corso");
        assertThat(queries.load(master, id).regime()).isEqualTo(NoticeRegime.SUSPENDED);
        assertThat(letterText(id)).contains("è sospeso", "per i 3 giorni che restavano", "dieci giorni dopo")
                .doesNotContain("interrotto");

        // Received on 24/12/2020: ten days to Sunday 3/1/2021, so Monday 4/1/2021; the 3 days left at the notice
        // (deadline 25/12) resume there: Thursday 7/1/2021.
        workflow.recordNoticeReceipt(operator, id, version(id), LocalDate.of(2020, 12, 24));
        VoucherRequest received = queries.load(master, id);
        assertThat(received.getObservationDeadline()).isEqualTo(LocalDate.of(2021, 1, 4));
        assertThat(received.getDaysLeftAtRejectionNotice()).isEqualTo(3);
        assertThat(queries.get(master, id).deadline()).isEqualTo(LocalDate.of(2021, 1, 7));

        // With observations on 28/12/2020: the 3 days resume ten days later, on 7/1/2021, to Sunday 10/1: 11/1/2021.
        long withObservations = imported("18/12/2020", LocalDate.of(2020, 12, 19));
        workflow.recordCheck(operator, withObservations, version(withObservations), CheckKind.NASPI, CheckOutcome.FAILED,
                LocalDate.of(2020, 12, 21), null);
        workflow.sendRejectionNotice(operator, withObservations, version(withObservations), LocalDate.of(2020, 12, 22),
                "NASpI non in corso");
        workflow.recordNoticeReceipt(operator, withObservations, version(withObservations), LocalDate.of(2020, 12, 24));
        workflow.recordObservation(operator, withObservations, version(withObservations), LocalDate.of(2020, 12, 28),
                "La NASpI è stata riattivata", List.of());
        assertThat(queries.get(master, withObservations).deadline()).isEqualTo(LocalDate.of(2021, 1, 11));
        // Observations arrived: the rejection need not wait for the window, but must answer them.
        workflow.reject(master, withObservations, version(withObservations), "NASpI non in corso alla richiesta",
                "La riattivazione è successiva alla richiesta");
        assertThat(queries.load(master, withObservations).getStatus()).isEqualTo(RequestStatus.REJECTED);
    }

    @Test
    void aRejectionWaitsForTheWindowCountedFromTheReceipt() {
        LocalDate today = Dates.today();
        long id = imported(Dates.format(today.minusDays(20)), today.minusDays(1));
        workflow.recordCheck(operator, id, version(id), CheckKind.EMPLOYMENT, CheckOutcome.FAILED, today.minusDays(15), null);
        workflow.sendRejectionNotice(operator, id, version(id), today.minusDays(12), "Occupato");
        // Sent twelve days ago but received two days ago: the window is still open.
        workflow.recordNoticeReceipt(operator, id, version(id), today.minusDays(2));
        assertThatThrownBy(() -> workflow.reject(master, id, version(id), "Occupato", null))
                .isInstanceOf(ObservationWindowOpenException.class);
    }

    // ---- 4. dates in order ----

    @Test
    void everyDateOfTheProcedureIsRefusedOutOfOrderWithItsMessageOnTheField() throws Exception {
        long id = imported("04/12/2017", LocalDate.of(2017, 12, 5));
        assertThatThrownBy(() -> workflow.recordCheck(operator, id, version(id), CheckKind.EMPLOYMENT, CheckOutcome.FAILED,
                LocalDate.of(2017, 12, 3), null)).isInstanceOf(DateOrderException.class)
                .hasMessage("request.refused.beforeRequest");
        assertThatThrownBy(() -> workflow.recordCheck(operator, id, version(id), CheckKind.EMPLOYMENT, CheckOutcome.FAILED,
                Dates.today().plusDays(1), null)).isInstanceOf(DateOrderException.class).hasMessage("request.refused.futureDate");
        MockHttpServletResponse check = mvc.perform(post("/requests/" + id + "/checks").with(as(userDetails, "operatore.torino"))
                .with(csrfOnce()).param("version", String.valueOf(version(id))).param("employment", "FAILED")
                .param("checkedOn", "2017-12-01")).andReturn().getResponse();
        assertThat(check.getContentAsString()).contains("id=\"checkedOn-error\"",
                messages.t("request.refused.beforeRequest", "04/12/2017"));

        workflow.recordCheck(operator, id, version(id), CheckKind.EMPLOYMENT, CheckOutcome.FAILED, LocalDate.of(2017, 12, 6), null);
        assertThatThrownBy(() -> workflow.sendRejectionNotice(operator, id, version(id), LocalDate.of(2017, 12, 5), "x"))
                .isInstanceOf(DateOrderException.class).hasMessage("request.refused.noticeBeforeCheck");
        workflow.sendRejectionNotice(operator, id, version(id), LocalDate.of(2017, 12, 7), "Occupato");
        assertThatThrownBy(() -> workflow.recordNoticeReceipt(operator, id, version(id), LocalDate.of(2017, 12, 6)))
                .isInstanceOf(DateOrderException.class).hasMessage("request.refused.receiptBeforeNotice");
        MockHttpServletResponse receipt = mvc.perform(post("/requests/" + id + "/notice-receipt").with(as(userDetails,
                "operatore.torino")).with(csrfOnce()).param("version", String.valueOf(version(id)))
                .param("receivedOn", Dates.today().plusDays(3).toString())).andReturn().getResponse();
        assertThat(receipt.getStatus()).isEqualTo(200);
        assertThat(receipt.getContentAsString()).contains("id=\"receivedOn-error\"", messages.t("request.refused.futureDate"));
        workflow.recordNoticeReceipt(operator, id, version(id), LocalDate.of(2017, 12, 11));
        assertThatThrownBy(() -> workflow.recordObservation(operator, id, version(id), LocalDate.of(2017, 12, 9), "x",
                List.of())).isInstanceOf(DateOrderException.class).hasMessage("request.refused.observationBeforeReceipt");
        workflow.recordObservation(operator, id, version(id), LocalDate.of(2017, 12, 14), "Non sono occupato", List.of());
        // A receipt recorded again may not follow the observations it led to.
        assertThatThrownBy(() -> workflow.recordNoticeReceipt(operator, id, version(id), LocalDate.of(2017, 12, 15)))
                .isInstanceOf(DateOrderException.class).hasMessage("request.refused.receiptAfterObservations");
        // Every date recorded is in order: request ≤ check ≤ notice ≤ receipt ≤ observations ≤ decision (today).
        workflow.reject(master, id, version(id), "Occupato", "Il contratto risulta in corso");
        VoucherRequest r = queries.load(master, id);
        assertThat(List.of(r.getRequestDate(), r.getChecks().get(0).getCheckedOn(), r.getRejectionNoticeDate(),
                r.getRejectionNoticeReceivedOn(), r.getObservations().get(0).getReceivedOn(), r.getDecisionDate()))
                .isSorted();
    }

    // ---- 5. NASPI_MIN_MONTHS and SILENCE_MEANS_APPROVAL ----

    @Test
    void theNaspiCheckShowsAndRecordsWhetherUnemploymentExceededFourMonths() throws Exception {
        // Requested on 18/12/2017. NASpI from 10/8/2017: four months reached on 10/12, exceeded on the request date.
        long longer = imported("18/12/2017", LocalDate.of(2017, 12, 19));
        setNaspiStart(longer, LocalDate.of(2017, 8, 10));
        String form = page("/requests/" + longer + "/checks");
        assertThat(form).contains(messages.t("request.check.naspiMonths", 4),
                messages.t("request.check.naspiMonths.met", "10/08/2017", "10/12/2017", "18/12/2017"));
        // The operator decides (here: passed); the computation is recorded beside the outcome.
        workflow.recordCheck(operator, longer, version(longer), CheckKind.NASPI, CheckOutcome.PASSED, LocalDate.of(2017, 12, 19),
                "NASpI in corso");
        RequestCheck recorded = queries.load(master, longer).latest().get(CheckKind.NASPI);
        assertThat(recorded.getUnemployedSince()).isEqualTo(LocalDate.of(2017, 8, 10));
        assertThat(recorded.getNaspiMonthsMet()).isTrue();
        assertThat(page("/requests/" + longer)).contains(messages.t("request.check.naspiMonths.recordedMet", "10/08/2017"));

        // NASpI from 20/8/2017: four months only on 20/12, after the request of 18/12: not met.
        long shorter = imported("18/12/2017", LocalDate.of(2017, 12, 19));
        setNaspiStart(shorter, LocalDate.of(2017, 8, 20));
        assertThat(page("/requests/" + shorter + "/checks")).contains(
                messages.t("request.check.naspiMonths.notMet", "20/08/2017", "20/12/2017", "18/12/2017"));
        workflow.recordCheck(operator, shorter, version(shorter), CheckKind.NASPI, CheckOutcome.FAILED, LocalDate.of(2017, 12, 19),
                "meno di quattro mesi");
        assertThat(queries.load(master, shorter).latest().get(CheckKind.NASPI).getNaspiMonthsMet()).isFalse();

        // A register without the NASpI start: the form says so and takes the date, stored with the check.
        long unknown = imported("18/12/2017", LocalDate.of(2017, 12, 19));
        assertThat(page("/requests/" + unknown + "/checks")).contains(messages.t("request.check.naspiMonths.unknown"));
        MockHttpServletResponse posted = mvc.perform(post("/requests/" + unknown + "/checks").with(as(userDetails,
                "operatore.torino")).with(csrfOnce()).param("version", String.valueOf(version(unknown))).param("naspi", "PASSED")
                .param("checkedOn", "2017-12-19").param("unemployedSince", "2017-07-01"))
                .andReturn().getResponse();
        assertThat(posted.getStatus()).isEqualTo(302);
        RequestCheck given = queries.load(master, unknown).latest().get(CheckKind.NASPI);
        assertThat(given.getUnemployedSince()).isEqualTo(LocalDate.of(2017, 7, 1));
        assertThat(given.getNaspiMonthsMet()).isTrue();
    }

    @Test
    void silenceReleasesARequestWhoseDeadlinePassedOnlyWhenTheParameterIsOnForThatDay() throws Exception {
        // Requested on Monday 4/12/2017: deadline Monday 11/12/2017. Requested on 5/12: deadline 12/12/2017.
        long silent = imported("04/12/2017", LocalDate.of(2017, 12, 5));
        long otherDay = imported("05/12/2017", LocalDate.of(2017, 12, 6));
        long noticed = imported("04/12/2017", LocalDate.of(2017, 12, 5));
        workflow.recordCheck(operator, noticed, version(noticed), CheckKind.EMPLOYMENT, CheckOutcome.FAILED,
                LocalDate.of(2017, 12, 5), null);
        workflow.sendRejectionNotice(operator, noticed, version(noticed), LocalDate.of(2017, 12, 6), "Occupato");

        // Off (the default): opening the page and the nightly job change nothing.
        assertThat(page("/requests/" + silent)).doesNotContain(messages.t("request.action.SILENCE_RELEASE"));
        silence.applyToAll();
        assertThat(queries.load(master, silent).getStatus()).isEqualTo(RequestStatus.REQUESTED);

        // On for 11/12/2017 only (the value on the deadline's date counts).
        jdbc.sql("""
                insert into parameters_value (parameter, value, valid_from, valid_to, legal_source)
                values ('SILENCE_MEANS_APPROVAL', 'true', date '2017-12-11', date '2017-12-11', 'prova')""").update();
        try {
            events.clear();
            assertThat(page("/requests/" + silent)).contains(messages.t("request.action.SILENCE_RELEASE"));
            VoucherRequest released = queries.load(master, silent);
            assertThat(released.getStatus()).isEqualTo(RequestStatus.RELEASED);
            assertThat(released.getDecisionDate()).isEqualTo(LocalDate.of(2017, 12, 12));
            assertThat(released.getDecidedBy()).isEqualTo("sistema");
            assertThat(released.getDecisionReasons()).contains("11/12/2017");
            assertThat(events.stream(VoucherRequestReleased.class).filter(e -> e.requestId() == silent)).hasSize(1);
            assertThat(jdbc.sql("select actor from audit_entry where action = 'REQUEST_SILENCE_RELEASE' and record_id = ?")
                    .param(String.valueOf(silent)).query(String.class).list()).containsExactly("sistema");

            silence.applyToAll();
            assertThat(queries.load(master, otherDay).getStatus()).as("off on its deadline, 12/12").isEqualTo(
                    RequestStatus.REQUESTED);
            assertThat(queries.load(master, noticed).getStatus()).as("a notice is pending").isEqualTo(
                    RequestStatus.NOTICE_OF_REJECTION);
            assertThat(silence.applyTo(queries.load(master, silent))).as("released once").isFalse();
        } finally {
            jdbc.sql("delete from parameters_value where parameter = 'SILENCE_MEANS_APPROVAL' and legal_source = 'prova'")
                    .update();
        }
    }

    // ---- 6. the provider change carries the new office ----

    @Test
    void aProviderChangePublishesTheRequestAndTheNewProviderOffice() {
        long id = imported("04/12/2017", LocalDate.of(2017, 12, 5));
        OfficeSummary novaraOffice = centres.offices().stream().filter(o -> o.centreId() == novara.id()).findFirst()
                .orElseThrow();
        events.clear();
        workflow.changeProvider(operator, id, version(id), new ProviderChoice("CPI", novaraOffice.id(), null));
        assertThat(events.stream(VoucherRequestProviderChanged.class)).singleElement().satisfies(e -> {
            assertThat(e.requestId()).isEqualTo(id);
            assertThat(e.providerOfficeId()).isEqualTo(novaraOffice.id());
            assertThat(e.previousProviderOfficeId()).isEqualTo(torinoOffice.id());
            assertThat(e.changedOn()).isEqualTo(Dates.today());
        });
        assertThat(events.stream(VoucherRequestChanged.class).filter(e -> e.requestId() == id)
                .map(VoucherRequestChanged::action)).containsExactly(RequestAction.CHANGE_PROVIDER);
    }

    // ---- helpers ----

    static final String HEADER = "Codice fiscale;Data richiesta;Stato richiesta;CPI competente;Data stato;Tipo erogatore;"
            + "Soggetto erogatore;Sede erogatore\n";

    private String row(String cf, String requestDate, String status, String centre, String statusDate) {
        return cf + ";" + requestDate + ";" + status + ";" + centre + ";" + statusDate + ";CPI;" + torino.name() + ";"
                + torinoOffice.name() + "\n";
    }

    /** A request the list brings as Richiesto at CPI Torino, with CPI Torino's office as provider. */
    private long imported(String requestDate, LocalDate snapshot) {
        String cf = TestCodes.random(RANDOM);
        importer.importFile(adr, "una.csv", (HEADER + row(cf, requestDate, "Richiesto", torino.name(), ""))
                .getBytes(StandardCharsets.UTF_8), snapshot);
        return requestOf(cf);
    }

    private void apply(long id, Act act) {
        LocalDate today = Dates.today();
        switch (act) {
            case CHECK -> workflow.recordCheck(operator, id, version(id), CheckKind.EMPLOYMENT, CheckOutcome.FAILED, today, null);
            case NOTICE -> {
                workflow.recordCheck(operator, id, version(id), CheckKind.EMPLOYMENT, CheckOutcome.FAILED, today, null);
                workflow.sendRejectionNotice(operator, id, version(id), today, "Occupato");
            }
            case NOTICE_DATE -> workflow.recordNoticeDate(operator, id, version(id), LocalDate.of(2017, 12, 22));
            case RECEIPT -> workflow.recordNoticeReceipt(operator, id, version(id), LocalDate.of(2017, 12, 28));
            case OBSERVATION -> workflow.recordObservation(operator, id, version(id), today, "Osservazioni", List.of());
            case RELEASE -> {
                for (CheckKind k : CheckKind.values()) {
                    Consumer<CheckKind> pass = x -> workflow.recordCheck(operator, id, version(id), x, CheckOutcome.PASSED,
                            today, null);
                    try {
                        pass.accept(k);
                    } catch (DomainException e) {
                        // a status without checks: the release says why
                    }
                }
                workflow.release(master, id, version(id), "verifiche superate");
            }
            case REJECT -> workflow.reject(master, id, version(id), "Occupato", "Risposta");
            case BLOCK -> workflow.block(master, id, version(id), "verifica INPS");
            case REENABLE -> workflow.reenable(master, id, version(id), "verifica conclusa");
            case WITHDRAW -> workflow.withdraw(operator, id, version(id), "rinuncia per iscritto");
            case PROVIDER -> workflow.changeProvider(operator, id, version(id), new ProviderChoice("PRIVATE", null,
                    "Agenzia Lavoro Subito"));
        }
    }

    private void setNaspiStart(long requestId, LocalDate start) {
        jdbc.sql("update workers_worker set naspi_start = ? where id = ?")
                .params(start, queries.load(master, requestId).getWorkerId()).update();
    }

    private String page(String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path).with(as(userDetails, "master.torino"))).andReturn()
                .getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        response.setCharacterEncoding("UTF-8");
        return response.getContentAsString();
    }

    private String letterText(long id) throws Exception {
        byte[] pdf = documents.content(queries.load(master, id).getRejectionNoticeLetterId()).orElseThrow().bytes();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    private List<MimeMessage> mailsOf(LocalDate snapshot) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            if (m.getSubject().contains("elenco ministeriale del " + Dates.format(snapshot))) {
                found.add(m);
            }
        }
        return found;
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private long requestOf(String taxCode) {
        return jdbc.sql("select r.id from requests_voucher_request r join workers_worker w on w.id = r.worker_id"
                + " where w.tax_code = ?").param(taxCode).query(Long.class).single();
    }

    private long version(long id) {
        return queries.load(master, id).getVersion();
    }

    private CurrentUser user(String username) {
        return users.findByUsername(username).orElseThrow().toCurrentUser();
    }
}
