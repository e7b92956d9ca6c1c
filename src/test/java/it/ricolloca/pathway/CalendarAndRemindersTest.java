package it.ricolloca.pathway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.Role;
import it.ricolloca.agenda.internal.AppointmentReminders;
import it.ricolloca.pathway.internal.CalendarFeeds;
import it.ricolloca.pathway.internal.PathwayStart;
import it.ricolloca.pathway.internal.PathwayWork;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.support.IntegrationTest;
import it.ricolloca.support.ReleasedWorkers;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** ICS feeds reached by their token alone, revocable; reminder e-mails to the worker, sent once after commit. */
@IntegrationTest
class CalendarAndRemindersTest {

    @Autowired ReleasedWorkers released;
    @Autowired PathwayWork work;
    @Autowired PathwayStart pathwayStart;
    @Autowired CalendarFeeds feeds;
    @Autowired AppointmentReminders reminders;
    @Autowired GreenMail greenMail;
    @Autowired MockMvc mvc;
    @Autowired it.ricolloca.accounts.internal.UserAdministration administration;
    @Autowired it.ricolloca.accounts.internal.UserAccountRepository users;

    @Test
    void aTutorsFeedListsTheAppointmentsOfTheirWorkersUntilItIsRevoked() throws Exception {
        released.openEveryDay("master.torino");
        CurrentUser tutor = released.user("tutor.torino");
        long request = released.release("master.torino", "Calendario", "Sofia");
        pathwayStart.bookFirstAppointment(tutor, request, it.ricolloca.shared.LegalCalendar.nextWorkingDayFrom(
                Dates.today().plusDays(8)).atTime(16, 0).atZone(Dates.ZONE), null, null, null);

        String token = feeds.createTutorFeed(tutor, true);
        String ics = mvc.perform(get("/calendar/" + token + ".ics")).andReturn().getResponse().getContentAsString();
        assertThat(ics).startsWith("BEGIN:VCALENDAR").contains("BEGIN:VEVENT", "Calendario Sofia", "Primo appuntamento",
                "appuntamento-");
        String officeToken = feeds.createOfficeFeed(released.user("operatore.torino"), released.office("master.torino").id(),
                false);
        assertThat(mvc.perform(get("/calendar/" + officeToken + ".ics")).andReturn().getResponse().getContentAsString())
                .as("an office feed chosen without full names carries initials").contains("S. C.")
                .doesNotContain("Calendario", "Sofia", released.taxCodeOf(request));

        long id = feeds.feeds(tutor).stream().filter(f -> f.kind().equals("TUTOR")).findFirst().orElseThrow().id();
        feeds.revoke(tutor, id);
        assertThat(mvc.perform(get("/calendar/" + token + ".ics")).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/calendar/non-esiste-per-niente-davvero.ics")).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(get("/calendar/..%2F..%2Fetc.ics")).andReturn().getResponse().getStatus())
                .isIn(400, 404);
    }

    /**
     * A feed ends with the access of the person it speaks for: a tutor's feed when the tutor is disabled or
     * loses the role, an office's when its creator is disabled or moves to another CPI; given back, it serves
     * again (the token was never revoked). By default a feed names workers by their initials only.
     */
    @Test
    void aFeedEndsWithItsOwnersAccessAndNamesWorkersByInitials() throws Exception {
        released.openEveryDay("master.torino");
        CurrentUser admin = released.user("regione");
        long torino = released.user("master.torino").centreId();
        long novara = released.user("master.novara").centreId();
        long tutorId = users.findByUsername("tutor.calendario").map(u -> u.getId()).orElseGet(() -> administration
                .create(admin, "tutor.calendario", "Tutor Calendario", "tutor.calendario@example.org", torino,
                        java.util.Set.of(Role.CPI_TUTOR), "Calendario-tutor-1").getId());
        long operatorId = users.findByUsername("operatore.calendario").map(u -> u.getId()).orElseGet(() -> administration
                .create(admin, "operatore.calendario", "Operatore Calendario", "op.calendario@example.org", torino,
                        java.util.Set.of(Role.CPI_OPERATOR), "Calendario-oper-1").getId());
        CurrentUser tutor = users.findById(tutorId).orElseThrow().toCurrentUser();
        CurrentUser operator = users.findById(operatorId).orElseThrow().toCurrentUser();
        long request = released.release("master.torino", "Riservata", "Olga");
        pathwayStart.bookFirstAppointment(tutor, request, Dates.today().plusDays(9).atTime(10, 0).atZone(Dates.ZONE), null, null,
                null);
        String tutorFeed = "/calendar/" + feeds.createTutorFeed(tutor, false) + ".ics";
        String officeFeed = "/calendar/" + feeds.createOfficeFeed(operator, released.office("master.torino").id(), false)
                + ".ics";
        assertThat(body(tutorFeed)).contains("O. R.").doesNotContain("Riservata", "Olga");

        administration.setEnabled(admin, tutorId, false);
        assertThat(status(tutorFeed)).as("the tutor disabled").isEqualTo(404);
        administration.setEnabled(admin, tutorId, true);
        assertThat(status(tutorFeed)).as("the tutor enabled again").isEqualTo(200);
        var t = users.findById(tutorId).orElseThrow();
        administration.update(admin, tutorId, t.getVersion(), t.getFullName(), t.getEmail(), torino,
                java.util.Set.of(Role.CPI_OPERATOR));
        assertThat(status(tutorFeed)).as("no longer a tutor").isEqualTo(404);

        assertThat(status(officeFeed)).isEqualTo(200);
        administration.setEnabled(admin, operatorId, false);
        assertThat(status(officeFeed)).as("the office feed's creator disabled").isEqualTo(404);
        administration.setEnabled(admin, operatorId, true);
        var o = users.findById(operatorId).orElseThrow();
        administration.update(admin, operatorId, o.getVersion(), o.getFullName(), o.getEmail(), novara,
                java.util.Set.of(Role.CPI_OPERATOR));
        assertThat(status(officeFeed)).as("its creator moved to another CPI").isEqualTo(404);
    }

    private int status(String path) throws Exception {
        return mvc.perform(get(path)).andReturn().getResponse().getStatus();
    }

    private String body(String path) throws Exception {
        return mvc.perform(get(path)).andReturn().getResponse().getContentAsString();
    }

    @Test
    void theWorkerIsRemindedOnceBeforeTheAppointment() throws Exception {
        released.openEveryDay("master.torino");
        long request = released.release("master.torino", "Promemoria", "Nina");
        ZonedDateTime soon = ZonedDateTime.now(Dates.ZONE).plusHours(3).withMinute(0).withSecond(0).withNano(0);
        // The test agenda is open from 08:00 to 18:00: keep the appointment within it and within the next 24 hours.
        // Three hours from now may fall after midnight: the morning to move to is the one of that date.
        if (soon.getHour() < 8) {
            soon = soon.toLocalDate().atTime(8, 0).atZone(Dates.ZONE);
        } else if (soon.getHour() >= 18) {
            soon = soon.toLocalDate().plusDays(1).atTime(8, 0).atZone(Dates.ZONE);
        }
        pathwayStart.bookFirstAppointment(released.user("operatore.torino"), request, soon, null, null, null);
        reminders.sendDue();
        await().atMost(Duration.ofSeconds(20)).until(() -> reminderMails().size() == 1);
        MimeMessage mail = reminderMails().get(0);
        assertThat(mail.getSubject()).contains("Promemoria", Dates.format(soon.toInstant()));
        assertThat(GreenMailUtil.getBody(mail)).contains("Nina Promemoria", "Primo appuntamento");
        reminders.sendDue();
        Thread.sleep(500);
        assertThat(reminderMails()).hasSize(1);
    }

    private List<MimeMessage> reminderMails() {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
            try {
                // the worker also gets the mail of the new appointment (issue 22): only the reminders count here
                return m.getAllRecipients()[0].toString().equals("nina@example.org") && m.getSubject().contains("Promemoria");
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }
}
