package it.ricolloca.me;

import static it.ricolloca.support.FormPosts.csrfOnce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.WorkerPrincipal;
import it.ricolloca.accounts.web.HomeView;
import it.ricolloca.documents.Dossier;
import it.ricolloca.documents.DossierDocument;
import it.ricolloca.requests.WorkerRequests;
import it.ricolloca.requests.internal.RequestQueries;
import it.ricolloca.requests.internal.RequestWorkflow;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.DueWork;
import it.ricolloca.shared.web.MeRoutes;
import it.ricolloca.shared.web.PageView;
import it.ricolloca.support.ClosedPathways;
import it.ricolloca.support.DemoUsers;
import it.ricolloca.support.IntegrationTest;
import it.ricolloca.support.ReleasedWorkers;
import it.ricolloca.support.WorkerSessions;
import java.lang.reflect.Method;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The worker's pages (ADR 0040) with a worker session: the scope (worker A reaches nothing of worker B, by any
 * {@code /me} route and any id, and no staff page), observations inside the window reaching the competent CPI's
 * request page and home queue as the CPI's own, the form closed after the window with its date, the pathway,
 * documents and contact preferences, each act audited with the worker as actor.
 */
@IntegrationTest
class WorkerPagesTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired ReleasedWorkers released;
    @Autowired ClosedPathways closed;
    @Autowired WorkerSessions sessions;
    @Autowired RequestWorkflow workflow;
    @Autowired RequestQueries queries;
    @Autowired WorkerRequests workerRequests;
    @Autowired Dossier dossier;
    @Autowired JdbcClient jdbc;
    @Autowired it.ricolloca.agenda.AppointmentMoves appointmentMoves;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    private WorkerPrincipal workerOfPathway(long pathway) {
        return sessions.principal(released.taxCodeOf(closed.requestOf(pathway)));
    }

    private WorkerPrincipal workerOfRequest(long request) {
        return sessions.principal(released.taxCodeOf(request));
    }

    private MockHttpServletResponse as(WorkerPrincipal w, String path) throws Exception {
        return mvc.perform(get(path).with(WorkerSessions.as(w))).andReturn().getResponse();
    }

    private long audited(String actor, String action) {
        return jdbc.sql("select count(*) from audit_entry where actor = ? and action = ?").params(actor, action)
                .query(Long.class).single();
    }

    private static byte[] pdf() {
        return ClosedPathways.pdf();
    }

    @Test
    void workerAReachesNothingOfWorkerBByAnyRouteOrIdAndNoStaffPage() throws Exception {
        long office = closed.newTorinoOffice();
        WorkerPrincipal a = workerOfPathway(closed.started(office, "Ambito", "Alba", 4));
        long pathwayB = closed.started(office, "Barriera", "Bettina", 4);
        WorkerPrincipal b = workerOfPathway(pathwayB);
        long requestB = closed.requestOf(pathwayB);
        // B's own document, uploaded from B's pages.
        mvc.perform(multipart(MeRoutes.DOCUMENTS).file(new MockMultipartFile("file", "cv-bettina.pdf",
                "application/pdf", pdf())).param("kind", "CV").with(csrfOnce()).with(WorkerSessions.as(b)));
        List<Long> idsOfB = new ArrayList<>(dossier.ofWorker(b.workerId()).stream().map(DossierDocument::id).toList());
        assertThat(idsOfB).isNotEmpty();
        idsOfB.addAll(List.of(pathwayB, requestB, b.workerId()));
        appointmentMoves.ofWorker(b.workerId()).forEach(w -> idsOfB.add(w.appointment().getId()));
        // Ids are per table: one of B's may equal the id of a record of A's of another kind (B's pathway 81 and
        // A's appointment 81), which A rightly opens. Such ids say nothing of B and are left out.
        Set<Long> idsOfA = new java.util.HashSet<>(dossier.ofWorker(a.workerId()).stream().map(DossierDocument::id).toList());
        appointmentMoves.ofWorker(a.workerId()).forEach(w -> idsOfA.add(w.appointment().getId()));
        long pathwayA = jdbc.sql("select id from pathway_pathway where worker_id = ?").param(a.workerId()).query(Long.class)
                .single();
        idsOfA.addAll(List.of(a.workerId(), pathwayA, closed.requestOf(pathwayA)));
        idsOfB.removeAll(idsOfA);
        assertThat(idsOfB).as("B's ids left to try").hasSizeGreaterThanOrEqualTo(3);

        Set<String> meGets = new TreeSet<>();
        Set<String> staffGets = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, ?> e : mappings.getHandlerMethods().entrySet()) {
            Set<RequestMethod> methods = e.getKey().getMethodsCondition().getMethods();
            if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
                continue;
            }
            for (String pattern : e.getKey().getPatternValues()) {
                (pattern.equals(MeRoutes.PREFIX) || pattern.startsWith(MeRoutes.PREFIX + "/") ? meGets : staffGets)
                        .add(pattern);
            }
        }
        List<String> wrong = new ArrayList<>();
        for (String pattern : meGets) {
            if (pattern.contains("{")) {
                // Every id of B's, in every placeholder: not found for A.
                for (long id : idsOfB) {
                    String path = pattern.replaceAll("\\{[^}]+}", String.valueOf(id));
                    MockHttpServletResponse r = as(a, path);
                    if (r.getStatus() != 404) {
                        wrong.add(path + " → " + r.getStatus());
                    }
                }
            } else {
                MockHttpServletResponse r = as(a, pattern);
                String body = r.getContentAsString();
                if (r.getStatus() >= 400 && !pattern.equals(MeRoutes.REFUSED)) {
                    wrong.add(pattern + " → " + r.getStatus());
                }
                if (body.contains("Bettina") || body.contains("Barriera") || body.contains(b.fiscalCode())
                        || body.contains("cv-bettina")) {
                    wrong.add(pattern + " shows worker B");
                }
            }
        }
        assertThat(meGets).contains(MeRoutes.HOME, MeRoutes.REQUEST, MeRoutes.PATHWAY, MeRoutes.PACT,
                MeRoutes.DOCUMENTS, MeRoutes.DOCUMENT, MeRoutes.MESSAGES, MeRoutes.CONTACTS);
        Set<String> publicPages = Set.of("/login", "/login/regione/rifiutato", "/dichiarazione-accessibilita",
                "/informativa-privacy", "/v3/api-docs", "/calendar/{token}.ics", "/error");
        for (String pattern : staffGets) {
            if (publicPages.contains(pattern) || pattern.startsWith("/v3/api-docs")) {
                continue;
            }
            String path = pattern.replaceAll("\\{[^}]+}", String.valueOf(requestB));
            int status = as(a, path).getStatus();
            int expected = pattern.equals("/") ? 302 : 403;
            if (status != expected) {
                wrong.add("staff page " + path + " → " + status);
            }
        }
        assertThat(wrong).isEmpty();
        // And the POSTs of A's pages act only on A's own records: B's request gets no observation from A.
        assertThat(workerRequests.latest(b.workerId()).orElseThrow().observations()).isEmpty();
    }

    @Test
    void anObservationInsideTheWindowReachesTheCompetentCpiAsTheCpisOwn() throws Exception {
        long request = released.noticed("master.torino", "Osserva", "Olga");
        CurrentUser master = released.user("master.torino");
        workflow.recordNoticeReceipt(master, request, queries.load(master, request).getVersion(), Dates.today());
        WorkerPrincipal worker = workerOfRequest(request);
        Map<String, DueWork> before = home("master.torino");

        MockHttpServletResponse page = as(worker, MeRoutes.REQUEST);
        assertThat(page.getStatus()).isEqualTo(200);
        String html = page.getContentAsString();
        assertThat(html).contains("Preavviso di rigetto", "Altra politica attiva in corso", "Invia le tue osservazioni",
                "Scarica: ");
        long version = workerRequests.latest(worker.workerId()).orElseThrow().version();
        long audits = audited(worker.getName(), "REQUEST_OBSERVATION");
        MockHttpServletResponse sent = mvc.perform(multipart(MeRoutes.REQUEST_OBSERVATION)
                .file(new MockMultipartFile("files", "contratto-tirocinio.pdf", "application/pdf", pdf()))
                .param("text", "Il tirocinio è terminato il mese scorso: allego la comunicazione.")
                .param("version", String.valueOf(version)).with(csrfOnce()).with(WorkerSessions.as(worker)))
                .andReturn().getResponse();
        assertThat(sent.getStatus()).isEqualTo(302);
        assertThat(sent.getRedirectedUrl()).isEqualTo(MeRoutes.REQUEST);
        assertThat(audited(worker.getName(), "REQUEST_OBSERVATION")).isEqualTo(audits + 1);

        // The CPI's request page shows it with its attachment, as an observation the CPI recorded.
        String cpiPage = mvc.perform(get("/requests/" + request).with(DemoUsers.as(users, "master.torino")))
                .andReturn().getResponse().getContentAsString();
        assertThat(cpiPage).contains("Il tirocinio è terminato il mese scorso");
        assertThat(queries.load(master, request).currentObservations()).singleElement()
                .satisfies(o -> assertThat(o.getDocumentIds()).hasSize(1));
        // And the home queue of the competent CPI: one more notice with observations, which lists this request.
        Map<String, DueWork> after = home("master.torino");
        DueWork was = before.get("home.due.requests.OBSERVATIONS");
        DueWork now = after.get("home.due.requests.OBSERVATIONS");
        assertThat(now.count()).isEqualTo((was == null ? 0 : was.count()) + 1);
        MvcResult list = mvc.perform(get(now.href()).with(DemoUsers.as(users, "master.torino"))).andReturn();
        Object model = list.getModelAndView().getModel().get("requests");
        List<?> items = model instanceof PageView<?> p ? p.items() : (List<?>) model;
        List<Long> ids = new ArrayList<>();
        for (Object item : items) {
            Method id = item.getClass().getMethod("id");
            ids.add(((Number) id.invoke(item)).longValue());
        }
        assertThat(ids).contains(request);
        // The worker reads what they sent.
        assertThat(as(worker, MeRoutes.REQUEST).getContentAsString()).contains("1 allegato",
                "Il tirocinio è terminato il mese scorso");
    }

    @Test
    void afterTheWindowTheFormIsClosedWithTheDateItClosed() throws Exception {
        long request = released.noticed("master.torino", "Tardivo", "Tito");
        LocalDate today = Dates.today();
        LocalDate lastDay = today.minusDays(20);
        jdbc.sql("""
                update requests_voucher_request set request_date = ?, rejection_notice_date = ?,
                    rejection_notice_received_on = ?, observation_deadline = ? where id = ?""")
                .params(today.minusDays(120), today.minusDays(40), today.minusDays(35), lastDay, request).update();
        WorkerPrincipal worker = workerOfRequest(request);
        String html = as(worker, MeRoutes.REQUEST).getContentAsString();
        assertThat(html).contains("Il termine per inviare osservazioni si è chiuso il " + Dates.format(lastDay))
                .doesNotContain("action=\"" + MeRoutes.REQUEST_OBSERVATION + "\"");
        long version = workerRequests.latest(worker.workerId()).orElseThrow().version();
        MockHttpServletResponse refused = mvc.perform(multipart(MeRoutes.REQUEST_OBSERVATION)
                .param("text", "troppo tardi").param("version", String.valueOf(version)).with(csrfOnce())
                .with(WorkerSessions.as(worker))).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(200);
        assertThat(refused.getContentAsString()).contains("Il termine per inviare osservazioni si è chiuso il "
                + Dates.format(lastDay));
        assertThat(workerRequests.latest(worker.workerId()).orElseThrow().observations()).isEmpty();
    }

    @Test
    void theWorkerReadsTheirPathwayUploadsADocumentAndChoosesTheirContacts() throws Exception {
        long pathway = closed.started(closed.newTorinoOffice(), "Percorsi", "Paola", 5);
        WorkerPrincipal worker = workerOfPathway(pathway);
        String html = as(worker, MeRoutes.PATHWAY).getContentAsString();
        assertThat(html).contains("Sportello rimborsi di prova", "CPI Torino", "via Roma 1", "Fine prevista del servizio",
                "Inizio del servizio", Dates.format(Dates.today().minusDays(5)));

        long uploads = audited(worker.getName(), "WORKER_DOCUMENT_UPLOADED");
        MockHttpServletResponse up = mvc.perform(multipart(MeRoutes.DOCUMENTS).file(new MockMultipartFile("file",
                "curriculum.pdf", "application/pdf", pdf())).param("kind", "CV").with(csrfOnce())
                .with(WorkerSessions.as(worker))).andReturn().getResponse();
        assertThat(up.getRedirectedUrl()).isEqualTo(MeRoutes.DOCUMENTS);
        assertThat(audited(worker.getName(), "WORKER_DOCUMENT_UPLOADED")).isEqualTo(uploads + 1);
        DossierDocument cv = dossier.ofWorker(worker.workerId()).get(0);
        assertThat(cv.author()).isEqualTo(worker.getName());
        assertThat(as(worker, MeRoutes.DOCUMENTS).getContentAsString()).contains("Curriculum vitae",
                MeRoutes.of(MeRoutes.DOCUMENT, cv.id()));
        MockHttpServletResponse download = as(worker, MeRoutes.of(MeRoutes.DOCUMENT, cv.id()));
        assertThat(download.getStatus()).isEqualTo(200);
        assertThat(download.getContentAsByteArray()).isEqualTo(dossier.content(cv.id()).orElseThrow().bytes());
        // An upload without a file is refused on the page, nothing stored.
        MockHttpServletResponse empty = mvc.perform(multipart(MeRoutes.DOCUMENTS).param("kind", "CV").with(csrfOnce())
                .with(WorkerSessions.as(worker))).andReturn().getResponse();
        assertThat(empty.getStatus()).isEqualTo(200);
        assertThat(empty.getContentAsString()).contains("Scegli il file da caricare.");

        MockHttpServletResponse saved = mvc.perform(post(MeRoutes.CONTACTS).param("_emailAllowed", "on")
                .param("phone", "+39 333 1234567").with(csrfOnce()).with(WorkerSessions.as(worker))).andReturn()
                .getResponse();
        assertThat(saved.getRedirectedUrl()).isEqualTo(MeRoutes.CONTACTS);
        assertThat(jdbc.sql("select email_allowed from workers_worker where id = ?").param(worker.workerId())
                .query(Boolean.class).single()).isFalse();
        assertThat(audited(worker.getName(), "WORKER_CONTACTS_CHANGED")).isEqualTo(1);
        MockHttpServletResponse bad = mvc.perform(post(MeRoutes.CONTACTS).param("emailAllowed", "true")
                .param("phone", "chiamami").with(csrfOnce()).with(WorkerSessions.as(worker))).andReturn().getResponse();
        assertThat(bad.getStatus()).isEqualTo(200);
        assertThat(bad.getContentAsString()).contains("Solo cifre, spazi e i simboli", "value=\"chiamami\"");
        assertThat(as(worker, MeRoutes.PACT).getStatus()).isEqualTo(200);
        assertThat(as(worker, MeRoutes.MESSAGES).getStatus()).isEqualTo(200);
    }

    private Map<String, DueWork> home(String username) throws Exception {
        MvcResult result = mvc.perform(get("/").with(DemoUsers.as(users, username))).andReturn();
        HomeView view = (HomeView) result.getModelAndView().getModel().get("home");
        Map<String, DueWork> found = new java.util.LinkedHashMap<>();
        view.due().forEach(w -> found.put(w.labelKey(), w));
        return found;
    }
}
