package it.ricolloca.pathway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.conditionality.Breach;
import it.ricolloca.conditionality.BreachKind;
import it.ricolloca.conditionality.Sanction;
import it.ricolloca.agenda.Agenda;
import it.ricolloca.agenda.Appointment;
import it.ricolloca.agenda.AppointmentStatus;
import it.ricolloca.agenda.TemplateKind;
import it.ricolloca.agenda.TemplateRule;
import it.ricolloca.pathway.internal.Meetings;
import it.ricolloca.pathway.internal.Pacts;
import it.ricolloca.pathway.internal.PathwayLifecycle;
import it.ricolloca.pathway.internal.PathwayStart;
import it.ricolloca.pathway.internal.PathwayWork;
import it.ricolloca.support.ClosedPathways;
import it.ricolloca.support.IntegrationTest;
import it.ricolloca.support.ReleasedWorkers;
import static org.awaitility.Awaitility.await;

import it.ricolloca.requests.internal.RequestQueries;
import it.ricolloca.requests.internal.RequestWorkflow;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 18, the service side, one worked example per rule with real dates: a first appointment
 * missed then held, the two months to ask for the service, dates in order, the pact's term and
 * tutor, a change of provider, the tutor's experience, and the holidays of the agenda.
 */
@IntegrationTest
class ServiceProcedureTest {

    private static final LocalTime TEN = LocalTime.of(10, 0);

    @Autowired ReleasedWorkers released;
    @Autowired ClosedPathways closed;
    @Autowired PathwayStart start;
    @Autowired PathwayWork work;
    @Autowired PathwayLifecycle lifecycle;
    @Autowired Pacts pacts;
    @Autowired Meetings meetings;
    @Autowired it.ricolloca.pathway.internal.Timesheets timesheets;
    @Autowired Agenda agenda;
    @Autowired JdbcClient jdbc;
    @Autowired org.springframework.test.web.servlet.MockMvc mvc;
    @Autowired org.springframework.security.core.userdetails.UserDetailsService users;
    @Autowired it.ricolloca.shared.web.Messages messages;
    @Autowired it.ricolloca.pathway.internal.LateServiceRequests lateRequests;
    @Autowired it.ricolloca.pathway.internal.ServiceRequestTerms terms;
    @Autowired RequestWorkflow requests;
    @Autowired it.ricolloca.network.internal.NetworkAdministration network;
    @Autowired it.ricolloca.conditionality.Conditionality conditionality;
    @Autowired RequestQueries requestQueries;
    @Autowired it.ricolloca.pathway.internal.PathwayQueries queries;

    CurrentUser master;
    CurrentUser operator;
    CurrentUser tutor;

    @BeforeEach
    void open() {
        master = released.user("master.torino");
        operator = released.user("operatore.torino");
        tutor = released.user("tutor.torino");
        released.openEveryDay("master.torino");
    }

    // ---- 1. first appointment missed, then held ----

    @Test
    void aJustifiedAbsenceAtTheFirstAppointmentLeadsToANewOneAndTheServiceStartsWhenOneIsHeld() {
        long request = released.release("master.torino", "Assente", "Giustino");
        released.releasedOn(request, LocalDate.of(2026, 10, 5));
        // Monday 12/10/2026: the worker phones in sick, the absence is justified.
        long id = start.recordPastFirstAppointment(operator, request, LocalDate.of(2026, 10, 12), TEN, 60,
                AppointmentStatus.ABSENT_JUSTIFIED, "certificato medico");
        assertThat(work.get(master, id).getStartedOn()).isNull();
        assertThat(start.queue(tutor)).extracting(i -> i.request().requestId()).as("back in the queue").contains(request);
        assertThat(breaches(request)).isEmpty();

        // A new first appointment in a slot of the agenda, Monday 19/10/2026 at 11:00, recorded the day after.
        start.bookFirstAppointment(tutor, request, LocalDate.of(2026, 10, 19).atTime(11, 0).atZone(it.ricolloca.shared.web.Dates.ZONE),
                null, null, "colloquio registrato a posteriori");
        assertThatThrownBy(() -> start.bookFirstAppointment(tutor, request, LocalDate.of(2026, 10, 20).atTime(11, 0)
                .atZone(it.ricolloca.shared.web.Dates.ZONE), null, null, "x")).hasMessage("pathway.first.alreadyBooked");
        Appointment second = work.appointments(work.get(master, id)).stream()
                .filter(a -> a.getStatus() == AppointmentStatus.BOOKED).findFirst().orElseThrow();
        agenda.recordOutcome(tutor, second.getId(), second.getVersion(), AppointmentStatus.HELD, "presa in carico");

        Pathway p = work.get(master, id);
        assertThat(p.getStartedOn()).isEqualTo(LocalDate.of(2026, 10, 19));
        assertThat(start.queue(tutor)).extracting(i -> i.request().requestId()).doesNotContain(request);
    }

    @Test
    void anUnjustifiedAbsenceIsProposedAsABreachToTheCompetentCentreAndANewAppointmentIsStillBooked() {
        long request = released.release("master.torino", "Assente", "Ingiusto");
        released.releasedOn(request, LocalDate.of(2026, 10, 5));
        long id = start.bookFirstAppointment(tutor, request, LocalDate.of(2026, 10, 12).atTime(14, 0)
                .atZone(it.ricolloca.shared.web.Dates.ZONE), null, null, "registrato a posteriori");
        Appointment first = work.appointments(work.get(master, id)).get(0);
        agenda.recordOutcome(tutor, first.getId(), first.getVersion(), AppointmentStatus.ABSENT_UNJUSTIFIED, null);

        assertThat(breaches(request)).singleElement().satisfies(b -> {
            assertThat(b.get("kind")).isEqualTo("MISSED_APPOINTMENT");
            assertThat(b.get("occurred_on")).isEqualTo(java.sql.Date.valueOf(LocalDate.of(2026, 10, 12)));
            assertThat(b.get("competent_centre_id")).isEqualTo(master.centreId());
            assertThat(b.get("status")).isEqualTo("REPORTED");
        });
        // held four days later, recorded on its date outside the agenda's slots
        start.recordPastFirstAppointment(tutor, request, LocalDate.of(2026, 10, 16), TEN, 60, AppointmentStatus.HELD, null);
        assertThat(work.get(master, pathwayOf(request)).getStartedOn()).isEqualTo(LocalDate.of(2026, 10, 16));
        assertThat(breaches(request)).hasSize(1);

        // a closed pathway (here the worker withdrew) takes no new first appointment
        long other = released.release("master.torino", "Decaduto", "Ivo");
        released.releasedOn(other, LocalDate.of(2026, 10, 5));
        start.recordPastFirstAppointment(tutor, other, LocalDate.of(2026, 10, 13), TEN, 60,
                AppointmentStatus.ABSENT_UNJUSTIFIED, null);
        long otherPathway = pathwayOf(other);
        lifecycle.close(master, otherPathway, closed.version(otherPathway), PathwayOutcome.WITHDRAWAL,
                LocalDate.of(2026, 11, 2), "rinuncia", null);
        assertThatThrownBy(() -> start.recordPastFirstAppointment(tutor, other, LocalDate.of(2026, 11, 3), TEN, 60,
                AppointmentStatus.HELD, null)).hasMessage("pathway.closed");
        // the outcomes decided elsewhere are never chosen on closing
        long third = released.release("master.torino", "Scelta", "Ada");
        released.releasedOn(third, LocalDate.of(2026, 10, 5));
        start.recordPastFirstAppointment(tutor, third, LocalDate.of(2026, 10, 13), TEN, 60, AppointmentStatus.HELD, null);
        long thirdPathway = pathwayOf(third);
        assertThatThrownBy(() -> lifecycle.close(master, thirdPathway, closed.version(thirdPathway),
                PathwayOutcome.LOSS_OF_BENEFIT, LocalDate.of(2026, 11, 2), null, null))
                .hasMessage("pathway.close.notByOperator");
    }

    /**
     * Ugo Tardivo, released on 3/8/2026, never asked for the service: the competent CPI decides the decadenza
     * (art. 23 c.4) on 6/10/2026. The request leaves the provider's queue and no first appointment can be
     * booked or recorded for him any more.
     */
    @Test
    void aDecadenzaBeforeTheFirstAppointmentEndsTheServiceBeforeItStarts() {
        CurrentUser master = released.user("master.torino");
        CurrentUser tutor = released.user("tutor.torino");
        long late = released.release("master.torino", "Tardivo", "Ugo");
        released.releasedOn(late, LocalDate.of(2026, 8, 3));
        long worker = jdbc.sql("select worker_id from requests_voucher_request where id = ?").param(late)
                .query(Long.class).single();
        Breach breach = conditionality.reportFromProvider("sistema", worker, late, "CPI Torino", BreachKind.LATE_SERVICE_REQUEST,
                LocalDate.of(2026, 10, 4), "nessun primo appuntamento entro il 03/10/2026");
        conditionality.recordJustification(master, breach.getId(), breach.getVersion(), "nessuna giustificazione", it.ricolloca.shared.web.Dates.today());
        conditionality.applySanction(master, breach.getId(), conditionality.get(master, breach.getId()).getVersion(),
                Sanction.LOSS_OF_BENEFIT, "non ha chiesto il servizio entro due mesi");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from pathway_queue where request_id = ?").param(late).query(Long.class).single() == 0);
        assertThatThrownBy(() -> start.recordPastFirstAppointment(tutor, late, LocalDate.of(2026, 10, 7), TEN, 60,
                AppointmentStatus.HELD, null)).isInstanceOf(it.ricolloca.shared.NotFoundException.class);
        assertThat(start.queue(tutor)).extracting(i -> i.request().requestId()).doesNotContain(late);
    }

    // ---- 2. the two months to ask for the service ----

    @Test
    void twoMonthsAfterTheReleaseWithoutAFirstAppointmentTheProviderIsWarnedThenOneBreachIsProposed() {
        long late = released.release("master.torino", "Ritardatario", "Tito");
        released.releasedOn(late, LocalDate.of(2026, 8, 3));
        long onTime = released.release("master.torino", "Puntuale", "Pia");
        released.releasedOn(onTime, LocalDate.of(2026, 8, 3));
        // Pia's first appointment, fixed within the two months, was missed (justified): she asked in time
        start.recordPastFirstAppointment(operator, onTime, LocalDate.of(2026, 9, 14), TEN, 60,
                AppointmentStatus.ABSENT_JUSTIFIED, "malattia");

        // 03/08/2026 + 2 months = 03/10/2026, a Saturday: a working day for administrative terms
        Map<Long, LocalDate> releases = Map.of(late, LocalDate.of(2026, 8, 3), onTime, LocalDate.of(2026, 8, 3));
        assertThat(terms.warnings(releases, LocalDate.of(2026, 9, 17))).isEmpty();
        assertThat(terms.warnings(releases, LocalDate.of(2026, 9, 18)))
                .containsOnly(Map.entry(late, new it.ricolloca.pathway.internal.ServiceRequestWarning(LocalDate.of(2026, 10, 3), false)));
        assertThat(terms.warnings(releases, LocalDate.of(2026, 10, 4)))
                .containsOnly(Map.entry(late, new it.ricolloca.pathway.internal.ServiceRequestWarning(LocalDate.of(2026, 10, 3), true)));
        assertThat(start.queue(tutor)).filteredOn(i -> i.request().requestId() == late).singleElement()
                .satisfies(i -> assertThat(i.warning().passed()).isTrue());

        assertThat(lateRequests.proposeDue(LocalDate.of(2026, 10, 3))).as("the last day itself").isZero();
        assertThat(breaches(late)).isEmpty();
        lateRequests.proposeDue(LocalDate.of(2026, 10, 5));
        assertThat(breaches(late)).singleElement().satisfies(b -> {
            assertThat(b.get("kind")).isEqualTo("LATE_SERVICE_REQUEST");
            assertThat(b.get("occurred_on")).isEqualTo(java.sql.Date.valueOf(LocalDate.of(2026, 10, 4)));
            assertThat(b.get("competent_centre_id")).isEqualTo(master.centreId());
        });
        assertThat(breaches(onTime)).isEmpty();
        lateRequests.proposeDue(LocalDate.of(2026, 10, 6));
        lateRequests.proposeDue(LocalDate.of(2026, 12, 1));
        assertThat(breaches(late)).as("never twice").hasSize(1);
    }

    // ---- 3. dates in order ----

    @Test
    void onThePageAFirstAppointmentHeldTwoDaysBeforeTheReleaseIsRefusedOnItsDateInItalian() throws Exception {
        long request = released.release("master.torino", "Pagina", "Piero");
        released.releasedOn(request, LocalDate.of(2026, 10, 5));
        var refused = send("/pathways/queue/" + request + "/past", Map.of("onDate", "2026-10-03", "at", "10:00",
                "minutes", "60", "outcome", "HELD", "note", "colloquio svolto"));
        assertThat(refused.getStatus()).isEqualTo(200);
        assertThat(refused.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains(messages.t("pathway.date.beforeRelease", "05/10/2026"), "id=\"past-onDate-error\"",
                        "value=\"2026-10-03\"", "colloquio svolto");
        assertThat(breaches(request)).isEmpty();
        var held = send("/pathways/queue/" + request + "/past", Map.of("onDate", "2026-10-07", "at", "10:00",
                "minutes", "60", "outcome", "HELD", "note", ""));
        assertThat(held.getStatus()).isEqualTo(302);
        assertThat(work.get(master, pathwayOf(request)).getStartedOn()).isEqualTo(LocalDate.of(2026, 10, 7));
    }

    @Test
    void datesFollowTheProcedureReleaseFirstAppointmentPactMeetingsAndHireAfterTheStart() {
        long request = released.release("master.torino", "Ordinato", "Dario");
        released.releasedOn(request, LocalDate.of(2026, 10, 5));
        // 03/10/2026, two days before the release: refused on the date
        assertThatThrownBy(() -> start.recordPastFirstAppointment(tutor, request, LocalDate.of(2026, 10, 3), TEN, 60,
                AppointmentStatus.HELD, null)).hasMessage("pathway.date.beforeRelease");
        assertThatThrownBy(() -> start.bookFirstAppointment(tutor, request, LocalDate.of(2026, 10, 3).atTime(10, 0)
                .atZone(it.ricolloca.shared.web.Dates.ZONE), null, null, "a posteriori"))
                .hasMessage("pathway.date.beforeRelease");
        assertThatThrownBy(() -> start.recordPastFirstAppointment(tutor, request,
                it.ricolloca.shared.web.Dates.today().plusDays(1), TEN, 60, AppointmentStatus.HELD, null))
                .hasMessage("agenda.past.future");
        long templates = agenda.templates(released.office("master.torino").id()).size();

        long id = start.recordPastFirstAppointment(tutor, request, LocalDate.of(2026, 10, 7), LocalTime.of(9, 30), 45,
                AppointmentStatus.HELD, "presa in carico");
        assertThat(agenda.templates(released.office("master.torino").id())).as("no template touched").hasSize((int) templates);
        assertThat(work.get(master, id).getStartedOn()).isEqualTo(LocalDate.of(2026, 10, 7));

        pacts.saveDraft(tutor, id, closed.version(id), List.of(new PactAction(PactActionKind.CV, "Curriculum", null)), null);
        hours(id, LocalDate.of(2026, 10, 7));
        assertThatThrownBy(() -> pacts.sign(tutor, id, closed.version(id), LocalDate.of(2026, 10, 6)))
                .hasMessage("pathway.pact.signDate");
        pacts.sign(tutor, id, closed.version(id), LocalDate.of(2026, 10, 9));
        assertThatThrownBy(() -> meetings.recordMeeting(tutor, id, closed.version(id), LocalDate.of(2026, 10, 8),
                TEN, LocalTime.of(11, 0), MeetingStatus.HELD, "x", null, null)).hasMessage("pathway.meeting.beforePact");
        meetings.recordMeeting(tutor, id, closed.version(id), LocalDate.of(2026, 10, 23), TEN, LocalTime.of(11, 0),
                MeetingStatus.HELD, "curriculum", null, null);
        assertThatThrownBy(() -> lifecycle.suspend(tutor, id, closed.version(id), LocalDate.of(2026, 10, 6),
                ContractType.FIXED_TERM, "Alfa Srl", null)).hasMessage("pathway.date.range");
        assertThatThrownBy(() -> lifecycle.close(tutor, id, closed.version(id), PathwayOutcome.HIRED, LocalDate.of(2026, 11, 2),
                null, new Pathway.Hire("Alfa Srl", ClosedPathways.VAT, ContractType.PERMANENT, new BigDecimal("38"),
                        LocalDate.of(2026, 10, 6), null))).hasMessage("pathway.close.hireBeforeStart");
        lifecycle.close(tutor, id, closed.version(id), PathwayOutcome.HIRED, LocalDate.of(2026, 11, 2), null,
                new Pathway.Hire("Alfa Srl", ClosedPathways.VAT, ContractType.PERMANENT, new BigDecimal("38"),
                        LocalDate.of(2026, 11, 2), null));
        assertThat(work.get(master, id).getOutcome()).isEqualTo(PathwayOutcome.HIRED);
    }

    // ---- 4. the pact: a warning after 14 days, a named tutor ----

    @Test
    void thePactSignedAfterFourteenDaysIsAWarningUnlessTheTermBindsAndNeedsANamedTutor() throws Exception {
        long request = released.release("master.torino", "Pattista", "Lia");
        released.releasedOn(request, LocalDate.of(2026, 9, 28));
        // recorded by an operator: no tutor named
        long id = start.recordPastFirstAppointment(operator, request, LocalDate.of(2026, 10, 1), TEN, 60,
                AppointmentStatus.HELD, null);
        pacts.saveDraft(operator, id, closed.version(id), List.of(new PactAction(PactActionKind.CV, "Curriculum", null)), null);
        hours(id, LocalDate.of(2026, 10, 1));
        assertThatThrownBy(() -> pacts.sign(operator, id, closed.version(id), LocalDate.of(2026, 10, 5)))
                .hasMessage("pathway.pact.tutorRequired");
        lifecycle.assignTutor(master, id, closed.version(id), tutor.id(), null);
        // 01/10 + 14 days = 15/10/2026; signed on 30/10: late, accepted with a warning
        assertThat(work.pactLastDay(LocalDate.of(2026, 10, 1))).isEqualTo(LocalDate.of(2026, 10, 15));
        assertThat(pacts.sign(tutor, id, closed.version(id), LocalDate.of(2026, 10, 30))).as("late").isTrue();
        assertThat(work.pacts(work.get(master, id)).get(0).getStatus()).isEqualTo(PactStatus.SIGNED);
        String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/pathways/" + id)
                .with(it.ricolloca.support.DemoUsers.as(users, "tutor.torino"))).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains(org.springframework.web.util.HtmlUtils.htmlEscape(
                messages.t("pathway.pact.signedAfterTerm", "30/10/2026", "15/10/2026")));

        // Where the region makes the term binding (here for services started in March 2017), it is refused.
        jdbc.sql("""
                insert into parameters_value (parameter, value, valid_from, valid_to, legal_source)
                values ('PACT_TERM_BINDING', 'true', date '2017-03-01', date '2017-03-31', 'prova: termine vincolante')
                on conflict do nothing""").update();
        long bound = released.release("master.torino", "Vincolato", "Ezio");
        released.releasedOn(bound, LocalDate.of(2017, 3, 1));
        long boundId = start.recordPastFirstAppointment(tutor, bound, LocalDate.of(2017, 3, 6), TEN, 60,
                AppointmentStatus.HELD, null);
        pacts.saveDraft(tutor, boundId, closed.version(boundId), List.of(new PactAction(PactActionKind.CV, "Curriculum", null)),
                null);
        hours(boundId, LocalDate.of(2017, 3, 6));
        // 06/03/2017 + 14 = 20/03/2017 (Monday)
        assertThatThrownBy(() -> pacts.sign(tutor, boundId, closed.version(boundId), LocalDate.of(2017, 3, 21)))
                .hasMessage("pathway.pact.signLate");
        assertThat(pacts.sign(tutor, boundId, closed.version(boundId), LocalDate.of(2017, 3, 20))).isFalse();
    }

    // ---- 5. a change of provider moves the pathway ----

    @Test
    void aChangeOfProviderAfterTheFirstAppointmentMovesThePathwayToTheNewCentreAndAPrivateAgencyClosesIt() {
        CurrentUser novaraMaster = released.user("master.novara");
        long novaraOffice = released.office("master.novara").id();
        long request = released.release("master.torino", "Trasferito", "Nino");
        released.releasedOn(request, LocalDate.of(2026, 10, 1));
        long id = start.recordPastFirstAppointment(tutor, request, LocalDate.of(2026, 10, 6), TEN, 60,
                AppointmentStatus.HELD, null);
        assertThat(work.get(master, id).getTutorUserId()).isEqualTo(tutor.id());

        requests.changeProvider(master, request, requestQueries.load(master, request).getVersion(),
                new RequestWorkflow.ProviderChoice("CPI", novaraOffice, null));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select office_id from pathway_pathway where id = ?")
                .param(id).query(Long.class).single() == novaraOffice);
        Pathway moved = work.get(novaraMaster, id);
        assertThat(moved.getCentreId()).isEqualTo(novaraMaster.centreId());
        assertThat(moved.getTutorUserId()).as("the new CPI names its tutor").isNull();
        assertThat(moved.getStartedOn()).isEqualTo(LocalDate.of(2026, 10, 6));
        assertThatThrownBy(() -> work.get(master, id)).isInstanceOf(it.ricolloca.shared.NotFoundException.class);
        assertThat(queries.search(novaraMaster, false, "Trasferito", 0, 20).getContent())
                .extracting(it.ricolloca.pathway.internal.PathwayQueries.PathwayRow::id).containsExactly(id);
        assertThat(jdbc.sql("select from_office_id, to_office_id from pathway_provider_move where pathway_id = ?").param(id)
                .query().listOfRows()).singleElement().satisfies(r -> {
                    assertThat(r.get("from_office_id")).isEqualTo(released.office("master.torino").id());
                    assertThat(r.get("to_office_id")).isEqualTo(novaraOffice);
                });

        long other = released.release("master.torino", "Privato", "Pino");
        released.releasedOn(other, LocalDate.of(2026, 10, 1));
        long otherId = start.recordPastFirstAppointment(tutor, other, LocalDate.of(2026, 10, 7), TEN, 60,
                AppointmentStatus.HELD, null);
        requests.changeProvider(master, other, requestQueries.load(master, other).getVersion(),
                new RequestWorkflow.ProviderChoice("PRIVATE", null, "Agenzia Lavoro Alfa"));
        await().atMost(Duration.ofSeconds(20)).until(() -> work.get(master, otherId).isClosed());
        assertThat(work.get(master, otherId).getOutcome()).isEqualTo(PathwayOutcome.TRANSFERRED_TO_PRIVATE);

        // booked at Torino for 12/10 but not yet held when the worker moves to Novara: the booking is
        // cancelled, the request waits in Novara's queue and Novara fixes its own first appointment
        long pending = released.release("master.torino", "Spostato", "Saverio");
        released.releasedOn(pending, LocalDate.of(2026, 10, 1));
        long pendingId = start.bookFirstAppointment(tutor, pending, LocalDate.of(2026, 10, 12).atTime(15, 0)
                .atZone(it.ricolloca.shared.web.Dates.ZONE), null, null, "registrato a posteriori");
        requests.changeProvider(master, pending, requestQueries.load(master, pending).getVersion(),
                new RequestWorkflow.ProviderChoice("CPI", novaraOffice, null));
        await().atMost(Duration.ofSeconds(20)).until(() -> start.queue(novaraMaster).stream()
                .anyMatch(i -> i.request().requestId() == pending)
                && jdbc.sql("select centre_id from pathway_pathway where id = ?").param(pendingId).query(Long.class)
                        .single().equals(novaraMaster.centreId()));
        assertThat(work.appointments(work.get(novaraMaster, pendingId))).singleElement()
                .satisfies(a -> assertThat(a.getStatus()).isEqualTo(AppointmentStatus.CANCELLED));
        start.recordPastFirstAppointment(released.user("operatore.novara"), pending, LocalDate.of(2026, 10, 20), TEN, 60,
                AppointmentStatus.HELD, null);
        assertThat(work.get(novaraMaster, pendingId).getStartedOn()).isEqualTo(LocalDate.of(2026, 10, 20));
    }

    // ---- 6. the tutor's qualifying experience ----

    @Test
    void theTutorsExperienceIsRecordedWhenFirstNamedAndShownInTheListOfTutors() {
        jdbc.sql("delete from pathway_tutor_experience where tutor_user_id = ?").param(tutor.id()).update();
        long first = released.release("master.torino", "Esperto", "Elio");
        released.releasedOn(first, LocalDate.of(2026, 10, 1));
        long id = start.recordPastFirstAppointment(operator, first, LocalDate.of(2026, 10, 2), TEN, 60,
                AppointmentStatus.HELD, null);
        assertThatThrownBy(() -> lifecycle.assignTutor(master, id, closed.version(id), tutor.id(), null,
                new TutorExperience(false, false, false, 3, null))).hasMessage("pathway.tutor.experience.kind");
        lifecycle.assignTutor(master, id, closed.version(id), tutor.id(), null,
                new TutorExperience(true, true, false, 4, "Sportello lavoro del Comune di Torino, 2012-2016"));
        assertThat(lifecycle.tutorExperience(tutor.id())).contains(
                new TutorExperience(true, true, false, 4, "Sportello lavoro del Comune di Torino, 2012-2016"));

        // named again for another worker: the experience on record stays as it was
        long second = released.release("master.torino", "Esperto", "Ezio");
        released.releasedOn(second, LocalDate.of(2026, 10, 1));
        long other = start.recordPastFirstAppointment(operator, second, LocalDate.of(2026, 10, 2), LocalTime.of(12, 0), 60,
                AppointmentStatus.HELD, null);
        lifecycle.assignTutor(master, other, closed.version(other), tutor.id(), null,
                new TutorExperience(false, false, true, 9, null));
        assertThat(lifecycle.tutorExperience(tutor.id()).orElseThrow().years()).isEqualTo(4);

        assertThat(queries.namedTutors(released.user("regione"))).filteredOn(t -> t.tutor().equals("Tutor Torino"))
                .singleElement().satisfies(t -> {
                    assertThat(t.experience().kindKeys()).containsExactly("pathway.tutor.experience.ACCOMPANIMENT",
                            "pathway.tutor.experience.ORIENTATION");
                    assertThat(t.experience().years()).isEqualTo(4);
                });
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'PATHWAY_TUTOR_EXPERIENCE' and record_id = ?")
                .param(String.valueOf(tutor.id())).query(Long.class).single()).isOne();
        assertThatThrownBy(() -> lifecycle.recordTutorExperience(tutor, tutor.id(), new TutorExperience(true, false, false, 1, null)))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    // ---- 7. holidays and the patron saint ----

    @Test
    void nationalHolidaysAreClosedInEveryAgendaAndEachOfficeAddsItsPatronSaint() {
        long torino = closed.newTorinoOffice();
        List<TemplateRule> rules = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            rules.add(new TemplateRule(d, LocalTime.of(9, 0), LocalTime.of(12, 0), 60, 1, "Sportello"));
        }
        agenda.addTemplate(master, torino, "Tutti i giorni dal 2017", TemplateKind.WEEKLY, LocalDate.of(2017, 1, 1), null, rules);
        // Christmas 2026 and Easter Monday 2018 (02/04/2018): no slot; the days around: slots
        assertThat(days(torino, LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 27)))
                .containsExactly(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 27));
        assertThat(days(torino, LocalDate.of(2018, 3, 31), LocalDate.of(2018, 4, 3)))
                .containsExactly(LocalDate.of(2018, 3, 31), LocalDate.of(2018, 4, 3));

        // Saint John the Baptist, patron of Torino: 24 June, closed every year at this office only
        assertThat(days(torino, LocalDate.of(2026, 6, 24), LocalDate.of(2026, 6, 24))).hasSize(1);
        agenda.setPatronSaint(master, torino, "San Giovanni Battista", 6, 24);
        assertThat(agenda.patronSaint(torino)).hasValueSatisfying(s -> assertThat(s.dayLabel()).isEqualTo("24/06"));
        assertThat(days(torino, LocalDate.of(2026, 6, 23), LocalDate.of(2026, 6, 25)))
                .containsExactly(LocalDate.of(2026, 6, 23), LocalDate.of(2026, 6, 25));
        assertThat(days(torino, LocalDate.of(2027, 6, 24), LocalDate.of(2027, 6, 24))).isEmpty();
        // an office of Novara, with the same weekly template: 24 June is open there
        CurrentUser novaraMaster = released.user("master.novara");
        long novara = network.addOffice(novaraMaster.centreId(), "Sportello del patrono di prova", "via Roma 1", "Novara",
                "28100", null, null).getId();
        agenda.addTemplate(novaraMaster, novara, "Tutti i giorni dal 2017", TemplateKind.WEEKLY, LocalDate.of(2017, 1, 1),
                null, rules);
        assertThat(days(novara, LocalDate.of(2026, 6, 24), LocalDate.of(2026, 6, 24))).containsExactly(LocalDate.of(2026, 6, 24));
        assertThatThrownBy(() -> agenda.setPatronSaint(released.user("master.novara"), torino, "San Gaudenzio", 1, 22))
                .isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> agenda.setPatronSaint(master, torino, "San Giovanni", 2, 30))
                .hasMessage("agenda.patron.dayInvalid");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'AGENDA_PATRON_SAINT_SET' and record_id = ?")
                .param(String.valueOf(torino)).query(Long.class).single()).isOne();
    }

    // ---- helpers ----

    private org.springframework.mock.web.MockHttpServletResponse send(String path, Map<String, String> fields) throws Exception {
        var call = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                .with(it.ricolloca.support.FormPosts.csrfOnce()).with(it.ricolloca.support.DemoUsers.as(users, "tutor.torino"));
        fields.forEach(call::param);
        return mvc.perform(call).andReturn().getResponse();
    }

    private void hours(long id, LocalDate on) {
        timesheets.addHours(operator, id, closed.version(id), ServiceTimesheetActivity.RECEPTION, on, BigDecimal.ONE, null);
    }

    private List<LocalDate> days(long office, LocalDate from, LocalDate to) {
        return agenda.slots(office, from, to).stream().map(s -> s.slot().start().toLocalDate()).distinct().toList();
    }

    private long pathwayOf(long request) {
        return jdbc.sql("select id from pathway_pathway where request_id = ?").param(request).query(Long.class).single();
    }

    private List<Map<String, Object>> breaches(long request) {
        return jdbc.sql("select kind, occurred_on, competent_centre_id, status from conditionality_breach where request_id = ?")
                .param(request).query().listOfRows();
    }
}
