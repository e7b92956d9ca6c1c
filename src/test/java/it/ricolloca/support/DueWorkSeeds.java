package it.ricolloca.support;

import static org.awaitility.Awaitility.await;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.DelegatedFunction;
import it.ricolloca.accounts.Role;
import it.ricolloca.accounts.internal.DelegationAdministration;
import it.ricolloca.accounts.internal.UserAdministration;
import it.ricolloca.agenda.Agenda;
import it.ricolloca.agenda.Appointment;
import it.ricolloca.agenda.AppointmentStatus;
import it.ricolloca.conditionality.BreachKind;
import it.ricolloca.conditionality.Conditionality;
import it.ricolloca.network.CentreSummary;
import it.ricolloca.network.JobCentres;
import it.ricolloca.network.internal.NetworkAdministration;
import it.ricolloca.notifications.internal.Notices;
import it.ricolloca.pathway.ContractType;
import it.ricolloca.pathway.DiaryAction;
import it.ricolloca.pathway.Pathway;
import it.ricolloca.pathway.DiaryEntry;
import it.ricolloca.pathway.PathwayOutcome;
import it.ricolloca.pathway.internal.Meetings;
import it.ricolloca.pathway.internal.PathwayLifecycle;
import it.ricolloca.pathway.internal.PathwayStart;
import it.ricolloca.pathway.internal.PathwayWork;
import it.ricolloca.requests.CheckKind;
import it.ricolloca.requests.CheckOutcome;
import it.ricolloca.requests.internal.RequestQueries;
import it.ricolloca.requests.internal.RequestWorkflow;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.vacancies.VacancyDetails;
import it.ricolloca.vacancies.VacancySource;
import it.ricolloca.vacancies.internal.Referents;
import it.ricolloca.vacancies.internal.Referrals;
import it.ricolloca.vacancies.internal.VacancyBoard;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Due work of every kind the home page counts, seeded through the application's services at one CPI of
 * the demo network that no other test uses, for new users of that CPI (a master, an operator, a tutor,
 * a vacancy referent) and a new office: requests to decide, a notice whose window closed, observations
 * to answer, a breach, a worker to schedule, a pathway with its pact and meeting due and a diary entry
 * to review, a claim, an expiring delegation, an unread notice, an expired offer and a proposal.
 * Only dates the services cannot set (a request filed weeks ago, a closing date passed) are moved back
 * with SQL, as {@link ReleasedWorkers#releasedOn} does.
 */
@Component
public class DueWorkSeeds {

    /** What was seeded: the users, the CPI and office, and the ids of the items of each kind. */
    public record Seeded(long centreId, long officeId, String master, String operator, String tutor, String referent,
            List<Long> toDecide, long noticeClosed, long observations, long breach, long toSchedule, long pathway,
            long closedPathway, long delegation, long notice, long expiredVacancy, long proposedVacancy,
            long firstToday) {
    }

    private final ReleasedWorkers released;
    private final UserAdministration accounts;
    private final NetworkAdministration network;
    private final JobCentres centres;
    private final RequestWorkflow requests;
    private final RequestQueries requestQueries;
    private final Conditionality conditionality;
    private final PathwayStart pathwayStart;
    private final PathwayWork pathways;
    private final PathwayLifecycle lifecycle;
    private final Meetings meetings;
    private final Agenda agenda;
    private final DelegationAdministration delegations;
    private final Notices notices;
    private final VacancyBoard board;
    private final Referents referents;
    private final Referrals referrals;
    private final JdbcClient jdbc;

    DueWorkSeeds(ReleasedWorkers released, UserAdministration accounts, NetworkAdministration network, JobCentres centres,
            RequestWorkflow requests, RequestQueries requestQueries, Conditionality conditionality,
            PathwayStart pathwayStart, PathwayWork pathways, PathwayLifecycle lifecycle, Meetings meetings, Agenda agenda,
            DelegationAdministration delegations, Notices notices, VacancyBoard board, Referents referents,
            Referrals referrals, JdbcClient jdbc) {
        this.released = released;
        this.accounts = accounts;
        this.network = network;
        this.centres = centres;
        this.requests = requests;
        this.requestQueries = requestQueries;
        this.conditionality = conditionality;
        this.pathwayStart = pathwayStart;
        this.pathways = pathways;
        this.lifecycle = lifecycle;
        this.meetings = meetings;
        this.agenda = agenda;
        this.delegations = delegations;
        this.notices = notices;
        this.board = board;
        this.referents = referents;
        this.referrals = referrals;
        this.jdbc = jdbc;
    }

    /** The id of the demo CPI of that name. */
    public long centre(String name) {
        return centres.all().stream().filter(c -> c.name().equals(name) || c.name().equals("CPI " + name)).map(CentreSummary::id).findFirst().orElseThrow();
    }

    /** Seeds one item (two requests to decide) of every kind at the named CPI, for new users; {@code tag} makes names unique. */
    public Seeded seed(String centreName, String tag) {
        long centre = centre(centreName);
        CurrentUser regione = released.user("regione");
        String suffix = tag.toLowerCase() + "." + (System.nanoTime() % 1_000_000);
        String password = "Una-password-lunga-2026!";
        String master = "master." + suffix;
        String operator = "operatore." + suffix;
        String tutor = "tutor." + suffix;
        String referent = "referente." + suffix;
        accounts.create(regione, master, "Master " + tag, master + "@example.org", centre, Set.of(Role.CPI_MASTER), password);
        long operatorId = accounts.create(regione, operator, "Operatore " + tag, operator + "@example.org", centre,
                Set.of(Role.CPI_OPERATOR), password).getId();
        accounts.create(regione, tutor, "Tutor " + tag, tutor + "@example.org", centre, Set.of(Role.CPI_TUTOR), password);
        long referentId = accounts.create(regione, referent, "Referente " + tag, referent + "@example.org", centre,
                Set.of(Role.CPI_VACANCY_REFERENT), password).getId();
        referents.name(regione, centre, referentId);
        long office = network.addOffice(centre, "Sportello scadenze " + suffix, "via Roma 1", centreName, "10100", null, null)
                .getId();
        CurrentUser m = released.user(master);
        LocalDate today = Dates.today();

        // the competent CPI: two requests to decide, one filed six weeks ago (past its deadline)
        long late = released.filed(master, "Decidere", "Anna" + tag);
        long recent = released.checked(master, "Decidere", "Bruno" + tag);
        jdbc.sql("update requests_voucher_request set request_date = ?, status_date = ? where id = ?")
                .params(today.minusWeeks(6), today.minusWeeks(6), late).update();
        long closed = noticed(m, master, "Preavviso", "Carla" + tag, 30);
        long observed = noticed(m, master, "Osservazioni", "Dario" + tag, 5);
        requests.recordObservation(m, observed, version(m, observed), today.minusDays(3), "Ho ripreso a cercare lavoro.",
                List.of());
        String absent = released.invited(master, "Assente", "Elena" + tag);
        long breach = conditionality.reportForPrivateProvider(m, absent, "Agenzia privata di prova",
                BreachKind.MISSED_APPOINTMENT, today.minusDays(3), "Non si è presentata all'appuntamento.").getId();

        // the provider: a worker to schedule, a pathway started 20 days ago (pact and meeting due, a diary entry
        // to review), a pathway closed with a hire (its claim to review)
        long queued = released.release(master, "Convocare", "Fabio" + tag, office);
        released.releasedOn(queued, today.minusDays(9));
        long pathway = started(master, tutor, office, "Percorso", "Gina" + tag, 20);
        // a first appointment booked for late today, agreed by phone, not yet recorded
        long todayRequest = released.release(master, "Oggi", "Olga" + tag, office);
        released.releasedOn(todayRequest, today.minusDays(2));
        pathwayStart.bookFirstAppointment(released.user(tutor), todayRequest, today.atTime(LocalTime.of(23, 30))
                .atZone(Dates.ZONE), 20, "accordato per telefono", "fissato oggi per oggi");
        long firstToday = jdbc.sql("select id from agenda_appointment where request_id = ?").param(todayRequest)
                .query(Long.class).single();
        meetings.addDiaryEntry(released.user(tutor), pathway, pathways.get(m, pathway).getVersion(), DiaryAction.CV,
                today.minusDays(5), "di persona", null, "Magazziniere", "inviato", DiaryEntry.Source.PAPER_DIARY);
        long ended = started(master, tutor, office, "Rimborso", "Ivo" + tag, 10);
        lifecycle.close(released.user(tutor), ended, pathways.get(m, ended).getVersion(), PathwayOutcome.HIRED, today, null,
                new Pathway.Hire("Scadenze Srl", ClosedPathways.VAT, ContractType.APPRENTICESHIP, new BigDecimal("40"),
                        today, 36));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select exists (select 1 from claims_claim where pathway_id = ?)").param(ended).query(Boolean.class).single());

        // the master: a delegation ending in ten days; everybody of the CPI: a notice to read
        long delegation = delegations.grant(m, operatorId, DelegatedFunction.RELEASE, today, today.plusDays(10)).getId();
        long notice = notices.send(regione, "Avviso " + tag, "Testo dell'avviso.", List.of(centre), List.of(), centreName);

        // the referent: an open offer past its closing date, an offer with a candidate proposed by the tutor
        CurrentUser r = released.user(referent);
        // arrived a month ago, so that its closing date (moved into the past) still follows its arrival
        long expired = board.create(r, vacancy("Magazziniere " + tag, centre, today.minusDays(30))).getId();
        jdbc.sql("update vacancies_vacancy set closing_on = ? where id = ?").params(today.minusDays(4), expired).update();
        long proposed = board.create(r, vacancy("Carrellista " + tag, centre, today)).getId();
        referrals.propose(released.user(tutor), proposed, pathway, "Candidato motivato");
        return new Seeded(centre, office, master, operator, tutor, referent, List.of(late, recent), closed, observed,
                breach, queued, pathway, ended, delegation, notice, expired, proposed, firstToday);
    }

    /**
     * A pathway of the office whose first appointment, agreed by phone, was held {@code daysAgo} days ago (earlier
     * past a national holiday, {@link ClosedPathways#dayWithSlots}).
     */
    public long started(String master, String tutor, long office, String lastName, String firstName, int daysAgo) {
        CurrentUser t = released.user(tutor);
        long request = released.release(master, lastName, firstName, office);
        java.time.LocalDate held = ClosedPathways.dayWithSlots(Dates.today().minusDays(daysAgo));
        released.releasedOn(request, held);
        long id = pathwayStart.bookFirstAppointment(t, request, held.atTime(LocalTime.of(10, 0))
                .atZone(Dates.ZONE), 60, "accordato per telefono", "registrato a posteriori");
        Appointment first = pathways.appointments(pathways.get(released.user(master), id)).get(0);
        agenda.recordOutcome(t, first.getId(), first.getVersion(), AppointmentStatus.HELD, null);
        return id;
    }

    /**
     * A request filed forty days ago whose employment check failed, with a notice of rejection sent
     * {@code daysAgo} days ago and received the day after: its window closes ten days after the receipt.
     */
    private long noticed(CurrentUser m, String master, String lastName, String firstName, int daysAgo) {
        LocalDate today = Dates.today();
        long id = released.filed(master, lastName, firstName);
        jdbc.sql("update requests_voucher_request set request_date = ?, status_date = ? where id = ?")
                .params(today.minusDays(40), today.minusDays(40), id).update();
        requests.recordCheck(m, id, version(m, id), CheckKind.EMPLOYMENT, CheckOutcome.FAILED,
                today.minusDays(daysAgo + 2), null);
        requests.sendRejectionNotice(m, id, version(m, id), today.minusDays(daysAgo), "Risulta occupato");
        requests.recordNoticeReceipt(m, id, version(m, id), today.minusDays(daysAgo - 1));
        return id;
    }

    private long version(CurrentUser user, long request) {
        return requestQueries.load(user, request).getVersion();
    }

    private static VacancyDetails vacancy(String profile, long centre, LocalDate arrived) {
        return new VacancyDetails(arrived, profile, null, null, 1, "Ditta " + profile, null, null, null, null, null,
                null, null, null, centre, VacancySource.CPI, null, null, null, null, null, null, null, null, null, null);
    }
}
