package it.ricolloca.pathway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.agenda.internal.AppointmentReminders;
import it.ricolloca.pathway.internal.CalendarFeeds;
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
    @Autowired CalendarFeeds feeds;
    @Autowired AppointmentReminders reminders;
    @Autowired GreenMail greenMail;
    @Autowired MockMvc mvc;

    @Test
    void aTutorsFeedListsTheAppointmentsOfTheirWorkersUntilItIsRevoked() throws Exception {
        released.openEveryDay("master.torino");
        CurrentUser tutor = released.user("tutor.torino");
        long request = released.release("master.torino", "Calendario", "Sofia");
        work.bookFirstAppointment(tutor, request, Dates.today().plusDays(8).atTime(16, 0).atZone(Dates.ZONE), null, null, null);

        String token = feeds.createTutorFeed(tutor);
        String ics = mvc.perform(get("/calendar/" + token + ".ics")).andReturn().getResponse().getContentAsString();
        assertThat(ics).startsWith("BEGIN:VCALENDAR").contains("BEGIN:VEVENT", "Calendario Sofia", "Primo appuntamento",
                "appuntamento-");
        String officeToken = feeds.createOfficeFeed(released.user("operatore.torino"), released.office("master.torino").id());
        assertThat(mvc.perform(get("/calendar/" + officeToken + ".ics")).andReturn().getResponse().getContentAsString())
                .contains("Calendario Sofia");

        long id = feeds.feeds(tutor).stream().filter(f -> f.kind().equals("TUTOR")).findFirst().orElseThrow().id();
        feeds.revoke(tutor, id);
        assertThat(mvc.perform(get("/calendar/" + token + ".ics")).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/calendar/non-esiste-per-niente-davvero.ics")).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(get("/calendar/..%2F..%2Fetc.ics")).andReturn().getResponse().getStatus())
                .isIn(400, 404);
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
        work.bookFirstAppointment(released.user("operatore.torino"), request, soon, null, null, null);
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
                return m.getAllRecipients()[0].toString().equals("nina@example.org");
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }
}
