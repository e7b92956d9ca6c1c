package it.ricolloca.privacy;

import static it.ricolloca.support.DemoUsers.as;
import static it.ricolloca.support.FormPosts.csrfOnce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.audit.AuditedRead;
import it.ricolloca.audit.internal.AuditVerifier;
import it.ricolloca.conditionality.BreachKind;
import it.ricolloca.conditionality.Conditionality;
import it.ricolloca.documents.DocumentKind;
import it.ricolloca.documents.Upload;
import it.ricolloca.pathway.PathwayOutcome;
import it.ricolloca.pathway.internal.Meetings;
import it.ricolloca.pathway.internal.PathwayLifecycle;
import it.ricolloca.pathway.internal.PathwayWork;
import it.ricolloca.reporting.internal.RetentionSweep;
import it.ricolloca.requests.internal.RequestQueries;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.support.ClosedPathways;
import it.ricolloca.support.IntegrationTest;
import it.ricolloca.support.ReleasedWorkers;
import it.ricolloca.workers.internal.WorkerRegister;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Personal data goes no further, and stays no longer, than it must: the audit trail keeps codes, not what
 * people wrote or who the worker is; every page and download that shows a worker's case records its reading;
 * past its retention period a worker is pseudonymised in every module and the audit chain still verifies; the
 * regional administrator exports everything held about one person; the register of e-mails is forgotten.
 */
@IntegrationTest
class PrivacyTest {

    private static final String SECRET = "SEGRETO-SANITARIO";

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired ReleasedWorkers released;
    @Autowired ClosedPathways closed;
    @Autowired PathwayWork pathways;
    @Autowired Meetings pathwayMeetings;
    @Autowired PathwayLifecycle pathwayLifecycle;
    @Autowired WorkerRegister register;
    @Autowired RequestQueries requests;
    @Autowired Conditionality conditionality;
    @Autowired RetentionSweep sweep;
    @Autowired AuditVerifier verifier;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    @Test
    void theAuditTrailKeepsCodesNotWhatPeopleWroteNorWhoTheWorkerIs() throws Exception {
        long since = lastAudit();
        long office = closed.newTorinoOffice();
        long pathway = closed.started(office, "Zanzottera", "Quintilia", 2);
        long request = closed.requestOf(pathway);
        String cf = released.taxCodeOf(request);
        CurrentUser tutor = released.user("tutor.torino");
        CurrentUser master = released.user("master.torino");
        long worker = pathways.get(master, pathway).getWorkerId();
        var w = register.get(master, worker);
        register.update(master, worker, w.getVersion(), "Quintilia", "Zanzottera", "Borgo " + SECRET, "q.zanzottera@example.org",
                "3331234567", w.getCompetentCentreId(), null, null, null, null, null, null, SECRET, null, SECRET);
        pathwayLifecycle.extend(tutor, pathway, closed.version(pathway), SECRET);
        pathways.upload(tutor, pathway, DocumentKind.OTHER, "Certificato di Zanzottera",
                new Upload("certificato Zanzottera Quintilia.pdf", ClosedPathways.pdf()));
        var breach = conditionality.reportFromProvider("tutor.torino", worker, request, "CPI Torino",
                BreachKind.MISSED_APPOINTMENT, Dates.today(), SECRET);
        conditionality.recordJustification(master, breach.getId(), conditionality.get(master, breach.getId()).getVersion(),
                SECRET, Dates.today());
        conditionality.applySanction(master, breach.getId(), conditionality.get(master, breach.getId()).getVersion(),
                conditionality.proposal(conditionality.get(master, breach.getId())), SECRET);
        closed.close(pathway, PathwayOutcome.NOT_HIRED_AT_TERM, null);

        List<String> leaked = jdbc.sql("""
                select action || ': ' || details from audit_entry where id > ? and (details ilike '%zanzottera%'
                    or details ilike '%quintilia%' or details ilike ? or details ilike ? or details ilike '%3331234567%')""")
                .params(since, "%" + cf + "%", "%" + SECRET + "%").query(String.class).list();
        assertThat(leaked).isEmpty();
        assertThat(jdbc.sql("select count(*) from audit_entry where id > ?").param(since).query(Long.class).single())
                .as("the acts were audited").isGreaterThan(10);
    }

    @Test
    void everyPageAndDownloadOfACaseRecordsItsReading() throws Exception {
        long office = closed.newTorinoOffice();
        long pathway = closed.started(office, "Lettura", "Registrata", 1);
        long request = closed.requestOf(pathway);
        long since = lastAudit();
        for (String path : List.of("/pathways/" + pathway, "/pathways/" + pathway + "/dossier/zip",
                "/pathways/" + pathway + "/diary/pdf", "/requests/" + request, "/requests")) {
            assertThat(mvc.perform(get(path).with(as(users, "master.torino"))).andReturn().getResponse().getStatus())
                    .as(path).isEqualTo(200);
        }
        assertThat(mvc.perform(get("/pathways/999999999").with(as(users, "master.torino"))).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
        assertThat(jdbc.sql("select action || ' ' || record_type || ' ' || record_id from audit_entry where id > ?"
                + " and actor = 'master.torino' order by id").param(since).query(String.class).list())
                .containsExactly("PATHWAY_VIEWED Pathway " + pathway, "PATHWAY_DOSSIER_DOWNLOADED Pathway " + pathway,
                        "PATHWAY_DIARY_DOWNLOADED Pathway " + pathway, "REQUEST_VIEWED VoucherRequest " + request,
                        "REQUESTS_LISTED VoucherRequest ");
    }

    /** A page of a case added without recording its reading fails here. */
    @Test
    void everyPageOfACaseIsMarkedAsARecordedRead() {
        Set<String> unmarked = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            boolean read = e.getKey().getMethodsCondition().getMethods().isEmpty()
                    || e.getKey().getMethodsCondition().getMethods().contains(org.springframework.web.bind.annotation
                    .RequestMethod.GET);
            for (String pattern : e.getKey().getPatternValues()) {
                boolean caseFile = CASE_PAGES.stream().anyMatch(pattern::startsWith)
                        && !NOT_CASE_PAGES.contains(pattern) && !pattern.startsWith("/pathways/tutors")
                        && !pattern.startsWith("/monitoring/requests-by-centre");
                if (read && caseFile && !e.getValue().hasMethodAnnotation(AuditedRead.class)) {
                    unmarked.add(pattern);
                }
                AuditedRead marked = e.getValue().getMethodAnnotation(AuditedRead.class);
                if (marked != null && !marked.idVariable().isEmpty() && !pattern.contains("{" + marked.idVariable() + "}")) {
                    unmarked.add(pattern + " names no {" + marked.idVariable() + "}");
                }
            }
        }
        assertThat(unmarked).isEmpty();
    }

    /** Under those prefixes: forms that show no case, the worker page and the register's export (they record their reading themselves). */
    static final Set<String> NOT_CASE_PAGES = Set.of("/workers/{id}", "/workers/new", "/requests/new", "/pathways/feeds",
            "/workers/register.xlsx", "/workers/register.ods", "/workers/register/import");

    /** The pages and downloads that show workers' cases (the worker page records its reading itself). */
    static final List<String> CASE_PAGES = List.of("/workers", "/requests", "/api/v1/requests", "/pathways",
            "/conditionality/{id}", "/conditionality/decisions", "/agenda/appointments", "/claims",
            "/vacancies/referrals", "/vacancies/matches", "/imports/{id}", "/invitations/{id}", "/monitoring/requests",
            "/monitoring/contacts");

    @Test
    void pastItsRetentionPeriodAWorkerIsPseudonymisedEverywhereAndTheChainStillVerifies() throws Exception {
        long office = closed.newTorinoOffice();
        long old = closed.started(office, "Vecchiotti", "Anselmo", 3);
        long recent = closed.started(office, "Recenti", "Bruna", 3);
        CurrentUser tutor = released.user("tutor.torino");
        CurrentUser master = released.user("master.torino");
        long oldWorker = pathways.get(master, old).getWorkerId();
        long recentWorker = pathways.get(master, recent).getWorkerId();
        String oldCf = released.taxCodeOf(closed.requestOf(old));
        pathwayMeetings.recordMeeting(tutor, old, closed.version(old), Dates.today().minusDays(1), java.time.LocalTime.of(9, 0),
                java.time.LocalTime.of(10, 0), it.ricolloca.pathway.MeetingStatus.HELD, SECRET, SECRET, null);
        pathways.upload(tutor, old, DocumentKind.OTHER, "Referto", new Upload("referto.pdf", ClosedPathways.pdf()));
        conditionality.reportFromProvider("tutor.torino", oldWorker, closed.requestOf(old), "CPI Torino",
                BreachKind.MISSED_APPOINTMENT, Dates.today(), SECRET);
        closed.close(old, PathwayOutcome.NOT_HIRED_AT_TERM, null);
        closed.close(recent, PathwayOutcome.NOT_HIRED_AT_TERM, null);
        // Eleven years pass for the first case: its pathway closed long ago (without hours, it has no claim).
        jdbc.sql("update pathway_pathway set closed_on = ? where id = ?").params(Dates.today().minusYears(11), old).update();

        assertThat(sweep.expiredOn(Dates.today())).contains(oldWorker).doesNotContain(recentWorker);
        assertThat(sweep.sweep(Dates.today())).isGreaterThanOrEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from audit_entry where action ="
                + " 'PERSONAL_DATA_PSEUDONYMISED' and record_id = ?").param(String.valueOf(oldWorker)).query(Long.class)
                .single() >= 7);

        Map<String, Object> w = jdbc.sql("select * from workers_worker where id = ?").param(oldWorker).query().singleRow();
        assertThat((String) w.get("tax_code")).startsWith("PS").isNotEqualTo(oldCf);
        assertThat(w.get("first_name")).isNull();
        assertThat(w.get("last_name")).isNull();
        assertThat(w.get("pseudonymised_at")).isNotNull();
        assertThat(jdbc.sql("select topics || actions_agreed from pathway_meeting where pathway_id = ?").param(old)
                .query(String.class).list()).containsOnly("[rimosso][rimosso]");
        assertThat(jdbc.sql("select evidence from conditionality_breach where worker_id = ?").param(oldWorker)
                .query(String.class).list()).containsOnly("[rimosso]");
        assertThat(jdbc.sql("select count(*) from documents_document d join documents_content c on c.storage_key ="
                + " d.storage_key where d.worker_id = ?").param(oldWorker).query(Long.class).single())
                .as("no document content left").isZero();
        assertThat(jdbc.sql("select count(*) from pathway_pathway where id = ? and outcome = 'NOT_HIRED_AT_TERM'").param(old)
                .query(Long.class).single()).as("outcomes stay for the statistics").isEqualTo(1);
        Map<String, Object> r = jdbc.sql("select * from workers_worker where id = ?").param(recentWorker).query().singleRow();
        assertThat(r.get("last_name")).isEqualTo("Recenti");
        assertThat(verifier.verify().intact()).as("the audit chain verifies").isTrue();
        assertThat(sweep.sweep(Dates.today())).as("nothing happens twice").isZero();

        MvcResult export = mvc.perform(post("/privacy/export").with(csrfOnce()).with(as(users, "regione"))
                .param("taxCode", oldCf)).andReturn();
        assertThat(export.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("Nel registro non c");
    }

    @Test
    void theRegionalAdministratorExportsEverythingHeldAboutAPerson() throws Exception {
        long office = closed.newTorinoOffice();
        long pathway = closed.started(office, "Esportati", "Rosalba", 2);
        long request = closed.requestOf(pathway);
        String cf = released.taxCodeOf(request);
        CurrentUser tutor = released.user("tutor.torino");
        byte[] scan = ClosedPathways.pdf();
        pathways.upload(tutor, pathway, DocumentKind.OTHER, "Scansione", new Upload("scansione.pdf", scan));

        MvcResult r = mvc.perform(post("/privacy/export").with(csrfOnce()).with(as(users, "regione")).param("taxCode",
                cf.toLowerCase())).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        assertThat(r.getResponse().getContentType()).isEqualTo("application/zip");
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(r.getResponse().getContentAsByteArray()))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        }
        assertThat(entries).containsKeys("LEGGIMI.txt", "lavoratore.json", "richieste.json", "percorsi.json",
                "appuntamenti.json", "documenti.json", "registro-delle-operazioni.json");
        assertThat(new String(entries.get("lavoratore.json"), StandardCharsets.UTF_8)).contains(cf, "Esportati", "Rosalba");
        assertThat(new String(entries.get("richieste.json"), StandardCharsets.UTF_8)).contains("\"id\" : " + request);
        assertThat(new String(entries.get("registro-delle-operazioni.json"), StandardCharsets.UTF_8))
                .contains("PATHWAY_FIRST_APPOINTMENT");
        assertThat(entries.entrySet().stream().filter(e -> e.getKey().startsWith("documenti/")).map(Map.Entry::getValue))
                .anySatisfy(bytes -> assertThat(bytes).isEqualTo(scan));
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'PERSONAL_DATA_EXPORTED' and actor ="
                + " 'regione' and record_id = ?").param(String.valueOf(pathways.get(released.user("master.torino"),
                pathway).getWorkerId())).query(Long.class).single()).isEqualTo(1);

        assertThat(mvc.perform(post("/privacy/export").with(csrfOnce()).with(as(users, "master.torino"))
                .param("taxCode", cf)).andReturn().getResponse().getStatus()).isEqualTo(403);
        String wrong = mvc.perform(post("/privacy/export").with(csrfOnce()).with(as(users, "regione"))
                .param("taxCode", "NONVALIDO")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(wrong).contains("is-invalid");
    }

    @Autowired it.ricolloca.notifications.internal.MailLogRetention mailLog;

    @Test
    void theRegisterOfSentMailsIsForgottenAfterItsPeriod() {
        jdbc.sql("insert into notifications_mail (recipient, subject, reference, transport, sent_at) values (?, ?, ?, ?, ?)")
                .params("vecchio@example.org", "Vecchio messaggio", "prova-vecchia-" + System.nanoTime(), "SMTP",
                        java.sql.Timestamp.from(LocalDate.now().minusMonths(13).atStartOfDay(Dates.ZONE).toInstant()))
                .update();
        assertThat(mailLog.forgetBefore(Dates.today())).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("select count(*) from notifications_mail where recipient = 'vecchio@example.org'")
                .query(Long.class).single()).isZero();
    }

    private long lastAudit() {
        return jdbc.sql("select coalesce(max(id), 0) from audit_entry").query(Long.class).single();
    }
}
