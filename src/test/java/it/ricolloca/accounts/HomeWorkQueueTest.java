package it.ricolloca.accounts;

import static it.ricolloca.support.DemoUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import it.ricolloca.accounts.web.HomeView;
import it.ricolloca.conditionality.Conditionality;
import it.ricolloca.parameters.Parameter;
import it.ricolloca.parameters.Parameters;
import it.ricolloca.pathway.internal.PathwayStart.QueueItem;
import it.ricolloca.requests.internal.RequestQueries;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.DueScope;
import it.ricolloca.shared.web.DueWork;
import it.ricolloca.shared.web.DueWorkSource;
import it.ricolloca.shared.web.PageView;
import it.ricolloca.support.DueWorkSeeds;
import it.ricolloca.support.DueWorkSeeds.Seeded;
import it.ricolloca.support.IntegrationTest;
import it.ricolloca.support.ReleasedWorkers;
import it.ricolloca.support.SqlStatements;
import java.lang.reflect.Method;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The home page of every role is a work queue: each kind of due item with its count and its oldest
 * date, opening the list filtered to exactly those items. The items are seeded through the services
 * at a CPI no other test uses, for new users; the CPI-wide counts are compared with what the sources
 * counted before the seeding (the demo data may hold items of that CPI too), so each count must grow by
 * exactly the items seeded and each oldest date be the older of the two.
 */
@IntegrationTest
class HomeWorkQueueTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired DueWorkSeeds seeds;
    @Autowired ReleasedWorkers released;
    @Autowired RequestQueries requestQueries;
    @Autowired Conditionality conditionality;
    @Autowired Parameters parameters;
    @Autowired List<DueWorkSource> sources;
    @Autowired JdbcClient jdbc;
    @Autowired it.ricolloca.network.JobCentres centres;

    @Test
    void everyRoleSeesItsDueWorkCountedWithTheOldestDateAndOpensExactlyThoseItems() throws Exception {
        long centre = seeds.centre("Fossano");
        Map<String, DueWork> masterBefore = counted(new DueScope(0, centre, Set.of("CPI_MASTER")));
        Map<String, DueWork> referentBefore = counted(new DueScope(0, centre, Set.of("CPI_VACANCY_REFERENT")));
        Seeded s = seeds.seed("Fossano", "Coda");
        LocalDate today = Dates.today();
        int pactDays = parameters.integer(Parameter.PACT_WITHIN_DAYS, today);
        int every = parameters.integer(Parameter.MEETING_EVERY_DAYS, today);
        CurrentUser master = released.user(s.master());

        // the competent CPI, master and operator alike
        Map<String, LocalDate> oldest = new LinkedHashMap<>();
        oldest.put("home.due.requests.TO_DECIDE", requestQueries.get(master, s.toDecide().get(0)).deadline());
        oldest.put("home.due.requests.NOTICE_CLOSED", requestQueries.get(master, s.noticeClosed()).deadline());
        oldest.put("home.due.requests.OBSERVATIONS", requestQueries.get(master, s.observations()).deadline());
        oldest.put("home.due.breaches", conditionality.get(master, s.breach()).getJustificationDeadline());
        oldest.put("home.due.pathway.QUEUE", today.minusDays(9));
        oldest.put("home.due.agenda.FIRST_TODAY", today);
        oldest.put("home.due.pathway.PACT", today.minusDays(20).plusDays(pactDays));
        oldest.put("home.due.pathway.MEETING", today.minusDays(20).plusDays(every));
        oldest.put("home.due.pathway.DIARY", today.minusDays(5));
        oldest.put("home.due.claims", today);
        oldest.put("home.due.delegations", today.plusDays(10));
        Map<String, Integer> seeded = new HashMap<>(Map.of("home.due.requests.TO_DECIDE", 2));
        Map<String, DueWork> masterHome = home(s.master());
        for (Map.Entry<String, LocalDate> kind : oldest.entrySet()) {
            grewBy(masterHome, masterBefore, kind.getKey(), seeded.getOrDefault(kind.getKey(), 1), kind.getValue());
        }
        assertThat(masterHome.get("home.due.notices").count()).as("the notice to read").isEqualTo(1);
        assertThat(masterHome.get("home.due.notices").oldest()).isEqualTo(today);
        assertThat(masterHome.keySet()).as("a master sees no work of the vacancy referent or the region")
                .doesNotContain("home.due.vacancies.EXPIRED", "home.due.imports", "home.due.requests.centresBehind");

        opens(s.master(), masterHome.get("home.due.requests.TO_DECIDE"), "requests", id(), s.toDecide());
        opens(s.master(), masterHome.get("home.due.requests.NOTICE_CLOSED"), "requests", id(), List.of(s.noticeClosed()));
        opens(s.master(), masterHome.get("home.due.requests.OBSERVATIONS"), "requests", id(), List.of(s.observations()));
        opens(s.master(), masterHome.get("home.due.breaches"), "breaches", id(), List.of(s.breach()));
        opens(s.master(), masterHome.get("home.due.pathway.QUEUE"), "items",
                i -> ((QueueItem) i).request().requestId(), List.of(s.toSchedule()));
        opens(s.master(), masterHome.get("home.due.agenda.FIRST_TODAY"), "first", id(), List.of(s.firstToday()));
        opens(s.master(), masterHome.get("home.due.pathway.PACT"), "pathways", id(), List.of(s.pathway()));
        opens(s.master(), masterHome.get("home.due.pathway.MEETING"), "pathways", id(), List.of(s.pathway()));
        opens(s.master(), masterHome.get("home.due.pathway.DIARY"), "pathways", id(), List.of(s.pathway()));
        opens(s.master(), masterHome.get("home.due.claims"), "claims", call("pathwayId"), List.of(s.closedPathway()));
        opens(s.master(), masterHome.get("home.due.delegations"), "delegations", id(), List.of(s.delegation()));
        opens(s.master(), masterHome.get("home.due.notices"), "notices", id(), List.of(s.notice()));

        Map<String, DueWork> operatorHome = home(s.operator());
        assertThat(operatorHome.get("home.due.requests.TO_DECIDE")).isEqualTo(masterHome.get("home.due.requests.TO_DECIDE"));
        assertThat(operatorHome.get("home.due.pathway.PACT")).isEqualTo(masterHome.get("home.due.pathway.PACT"));
        assertThat(operatorHome.keySet()).as("claims and delegations are the master's")
                .doesNotContain("home.due.claims", "home.due.delegations");

        // the tutor: the CPI's queue, and only the pathways they follow
        Map<String, DueWork> tutorHome = home(s.tutor());
        assertThat(tutorHome.get("home.due.pathway.QUEUE")).isEqualTo(masterHome.get("home.due.pathway.QUEUE"));
        assertThat(tutorHome.get("home.due.agenda.FIRST_TODAY")).as("first appointments: every tutor of the CPI")
                .isEqualTo(masterHome.get("home.due.agenda.FIRST_TODAY"));
        opens(s.tutor(), tutorHome.get("home.due.agenda.FIRST_TODAY"), "first", id(), List.of(s.firstToday()));
        for (String kind : List.of("PACT", "MEETING", "DIARY")) {
            DueWork w = tutorHome.get("home.due.pathway." + kind);
            assertThat(w.count()).as(kind).isEqualTo(1);
            assertThat(w.oldest()).as(kind).isEqualTo(oldest.get("home.due.pathway." + kind));
            assertThat(w.href()).contains("mine=true");
            opens(s.tutor(), w, "pathways", id(), List.of(s.pathway()));
        }
        assertThat(tutorHome.keySet()).doesNotContain("home.due.requests.TO_DECIDE", "home.due.breaches");

        // the vacancy referent
        Map<String, DueWork> referentHome = home(s.referent());
        grewBy(referentHome, referentBefore, "home.due.vacancies.EXPIRED", 1, today.minusDays(4));
        grewBy(referentHome, referentBefore, "home.due.vacancies.PROPOSALS", 1, today);
        opens(s.referent(), referentHome.get("home.due.vacancies.EXPIRED"), "rows", id(), List.of(s.expiredVacancy()));
        opens(s.referent(), referentHome.get("home.due.vacancies.PROPOSALS"), "rows", id(), List.of(s.proposedVacancy()));
        assertThat(referentHome.keySet()).doesNotContain("home.due.requests.TO_DECIDE", "home.due.pathway.PACT");

        // the region: the CPI whose request waits past its deadline is behind; the weeks without a list
        Map<String, DueWork> regionHome = home("regione");
        DueWork behind = regionHome.get("home.due.requests.centresBehind");
        assertThat(behind.count()).isPositive();
        assertThat(behind.oldest()).isBeforeOrEqualTo(requestQueries.get(master, s.toDecide().get(0)).deadline());
        MvcResult list = mvc.perform(get(behind.href() + "&centre=" + centre).with(as(users, "regione")))
                .andExpect(status().isOk()).andReturn();
        List<Long> overdue = new ArrayList<>();
        for (long r : List.of(s.toDecide().get(0), s.toDecide().get(1), s.noticeClosed(), s.observations())) {
            if (requestQueries.get(master, r).overdue()) {
                overdue.add(r);
            }
        }
        assertThat(overdue).as("the request filed six weeks ago and the notice sent a month ago").hasSize(2);
        assertThat(ids(list, "requests", id())).containsExactlyInAnyOrderElementsOf(overdue);
        LocalDate latest = jdbc.sql("select max(snapshot_date) from requests_import")
                .query((rs, n) -> rs.getObject(1, LocalDate.class)).list().get(0);
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate firstMissing = latest == null ? monday
                : latest.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusWeeks(1);
        long weeks = firstMissing.isAfter(monday) ? 0 : ChronoUnit.WEEKS.between(firstMissing, monday) + 1;
        if (weeks == 0) {
            assertThat(regionHome).doesNotContainKey("home.due.imports");
        } else {
            assertThat(regionHome.get("home.due.imports").count()).isEqualTo(weeks);
            assertThat(regionHome.get("home.due.imports").oldest()).isEqualTo(firstMissing);
        }
        assertThat(regionHome.keySet()).doesNotContain("home.due.requests.TO_DECIDE", "home.due.pathway.QUEUE");
    }

    @Test
    void theHomePageShowsTheQueueAsCardsOldestFirstAndSaysWhenNothingIsDue() throws Exception {
        Seeded s = seeds.seed("Orbassano", "Pagina");
        String page = mvc.perform(get("/").with(as(users, s.master()))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        // the CPI's queue also holds workers released by other tests' imported lists (one shared database):
        // the card says exactly what the source counts, and at least the one seeded here
        long queued = home(s.master()).get("home.due.pathway.QUEUE").count();
        assertThat(queued).isPositive();
        assertThat(page).contains("id=\"centre-heading\"", "2 richieste da decidere", "1 inadempienza da decidere",
                queued == 1 ? "1 lavoratore da convocare al primo appuntamento"
                        : queued + " lavoratori da convocare al primo appuntamento",
                "1 delega in scadenza entro 30 giorni",
                "href=\"/requests?due=TO_DECIDE\"", "Scadenza più vecchia: ")
                .doesNotContain("Nulla in scadenza");
        List<LocalDate> dates = new ArrayList<>();
        home(s.master()).values().stream().map(DueWork::oldest).forEach(dates::add);
        assertThat(dates).as("the kinds by their oldest date").isSortedAccordingTo(Comparator.nullsLast(Comparator.naturalOrder()));

        CurrentUser regione = released.user("regione");
        String idle = "idle." + System.nanoTime() % 1_000_000;
        // a CPI where nothing is queued for any tutor (tests share one database: found, not assumed)
        long quiet = centres.all().stream().map(it.ricolloca.network.CentreSummary::id)
                .filter(c -> counted(new DueScope(0, c, Set.of("CPI_TUTOR"))).values().stream().noneMatch(DueWork::due))
                .findFirst().orElseThrow();
        accountsCreate(regione, idle, quiet);
        assertThat(home(idle)).as("a new tutor of a CPI with nobody queued").isEmpty();
        String empty = mvc.perform(get("/").with(as(users, idle))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(empty).contains("Nulla in scadenza", "I tuoi percorsi non hanno appuntamenti");
    }

    @Test
    void eachSourceCountsWithOneStatementWhateverItsItems() throws Exception {
        long centre = seeds.centre("Rivoli");
        List<DueScope> scopes = List.of(new DueScope(0, centre, Set.of("CPI_MASTER")),
                new DueScope(0, centre, Set.of("CPI_TUTOR")), new DueScope(0, centre, Set.of("CPI_VACANCY_REFERENT")),
                new DueScope(0, null, Set.of("REGIONAL_ADMIN")), new DueScope(0, null, Set.of("REGIONAL_VACANCY_MANAGER")));
        Map<String, Integer> before = statements(scopes);
        seeds.seed("Rivoli", "Conta");
        seeds.seed("Rivoli", "Conta");
        Map<String, Integer> after = statements(scopes);
        assertThat(after).as("no statement per item").isEqualTo(before);
        // one counting statement each; the requests also read the decision days and the working-day carry in force,
        // the pathways the CPI's offices and the pact's and meetings' terms in force, the first appointments the offices
        Map<String, Integer> reads = Map.of("RequestDueWork", 2, "PathwayDueWork", 3, "FirstAppointmentDueWork", 1);
        after.forEach((source, n) -> assertThat(n).as(source).isEqualTo(1 + reads.getOrDefault(source.split("@")[0], 0)));
        assertThat(after.keySet().stream().map(k -> k.split("@")[0]).distinct()).containsExactlyInAnyOrder(
                "RequestDueWork", "ImportDueWork", "BreachDueWork", "PathwayDueWork", "VacancyDueWork", "ClaimDueWork",
                "DelegationDueWork", "NoticeDueWork", "FirstAppointmentDueWork");
    }

    /** For each source and scope that answers something, the statements sent to answer it. */
    private Map<String, Integer> statements(List<DueScope> scopes) throws Exception {
        Map<String, Integer> counted = new LinkedHashMap<>();
        for (DueWorkSource source : sources) {
            for (DueScope scope : scopes) {
                List<List<DueWork>> answer = new ArrayList<>();
                int n = SqlStatements.count(() -> answer.add(source.dueFor(scope)));
                if (!answer.get(0).isEmpty()) {
                    counted.put(source.getClass().getSimpleName().split("\\$")[0] + "@" + scope.roles(), n);
                }
            }
        }
        return counted;
    }

    private void accountsCreate(CurrentUser regione, String username, long centre) {
        administration.create(regione, username, "Senza lavoro", username + "@example.org", centre,
                Set.of(Role.CPI_TUTOR), "Una-password-lunga-2026!");
    }

    @Autowired it.ricolloca.accounts.internal.UserAdministration administration;

    /** What the sources count for a scope, by kind, before the page filters out the empty ones. */
    private Map<String, DueWork> counted(DueScope scope) {
        Map<String, DueWork> found = new LinkedHashMap<>();
        sources.forEach(s -> s.dueFor(scope).forEach(w -> found.put(w.labelKey(), w)));
        return found;
    }

    private Map<String, DueWork> home(String username) throws Exception {
        MvcResult result = mvc.perform(get("/").with(as(users, username))).andExpect(status().isOk()).andReturn();
        HomeView view = (HomeView) result.getModelAndView().getModel().get("home");
        Map<String, DueWork> found = new LinkedHashMap<>();
        view.due().forEach(w -> found.put(w.labelKey(), w));
        return found;
    }

    private static void grewBy(Map<String, DueWork> home, Map<String, DueWork> before, String kind, int seeded,
            LocalDate seededOldest) {
        DueWork was = before.get(kind);
        DueWork now = home.get(kind);
        assertThat(now).as(kind + " on the home page").isNotNull();
        assertThat(now.count()).as(kind).isEqualTo((was == null ? 0 : was.count()) + seeded);
        LocalDate expected = was == null || was.oldest() == null || seededOldest.isBefore(was.oldest()) ? seededOldest
                : was.oldest();
        assertThat(now.oldest()).as(kind + " oldest").isEqualTo(expected);
    }

    /** The link opens a list of exactly as many items as counted, among them the ones seeded. */
    private void opens(String username, DueWork work, String attribute, Function<Object, Long> id, List<Long> seeded)
            throws Exception {
        MvcResult list = mvc.perform(get(work.href()).with(as(users, username))).andExpect(status().isOk()).andReturn();
        Object model = list.getModelAndView().getModel().get(attribute);
        long total = model instanceof PageView<?> p ? p.totalElements() : ((List<?>) model).size();
        assertThat(total).as(work.labelKey() + " listed at " + work.href()).isEqualTo(work.count());
        assertThat(ids(list, attribute, id)).as(work.labelKey()).containsAll(seeded);
    }

    private static List<Long> ids(MvcResult list, String attribute, Function<Object, Long> id) {
        Object model = list.getModelAndView().getModel().get(attribute);
        List<?> items = model instanceof PageView<?> p ? p.items() : (List<?>) model;
        return items.stream().map(id).toList();
    }

    private static Function<Object, Long> id() {
        return call("id");
    }

    private static Function<Object, Long> call(String accessor) {
        return item -> {
            try {
                Method m = item.getClass().getMethod(accessor);
                m.setAccessible(true);
                return ((Number) m.invoke(item)).longValue();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        };
    }
}
