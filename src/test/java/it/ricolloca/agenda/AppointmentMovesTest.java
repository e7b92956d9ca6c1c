package it.ricolloca.agenda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.audit.AuditRecord;
import it.ricolloca.audit.AuditTrail;
import it.ricolloca.pathway.Pathway;
import it.ricolloca.pathway.internal.PathwayStart;
import it.ricolloca.pathway.internal.PathwayWork;
import it.ricolloca.shared.NotFoundException;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.support.IntegrationTest;
import it.ricolloca.support.ReleasedWorkers;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The worker's requests to move an appointment, from asking to the office's decision: the tutor approves
 * one by choosing a free slot of the office's agenda (the appointment is moved, the worker reads the outcome
 * and gets the new time by e-mail with the calendar file) or refuses it with a reason; a worker reaches only
 * their own appointments; another CPI's staff do not see the request.
 */
@IntegrationTest
class AppointmentMovesTest {

    @Autowired ReleasedWorkers released;
    @Autowired PathwayStart pathwayStart;
    @Autowired PathwayWork work;
    @Autowired AppointmentMoves moves;
    @Autowired GreenMail greenMail;
    @Autowired AuditTrail audit;

    private long office() {
        released.openEveryDay("master.torino");
        return released.office("master.torino").id();
    }

    /** A free slot of the Torino office starting more than {@code days} days from now (tests share the agenda). */
    private ZonedDateTime freeAfter(long officeId, int days, ZonedDateTime not) {
        Instant after = Instant.now().plus(Duration.ofDays(days));
        return moves.freeSlots(officeId).stream().filter(s -> s.toInstant().isAfter(after))
                .filter(s -> not == null || !s.toInstant().equals(not.toInstant())).findFirst().orElseThrow();
    }

    private Appointment firstAppointment(long request, long officeId) {
        CurrentUser tutor = released.user("tutor.torino");
        long pathway = pathwayStart.bookFirstAppointment(tutor, request, freeAfter(officeId, 3, null), null, null, null);
        Pathway p = work.get(tutor, pathway);
        return work.appointments(p).get(0);
    }

    @Test
    void theTutorApprovesAMoveAskedByTheWorkerAndTheWorkerGetsTheNewTimeWithTheCalendarFile() throws Exception {
        long officeId = office();
        long request = released.release("master.torino", "Spostamento", "Ottavina");
        Appointment a = firstAppointment(request, officeId);
        long workerId = a.getWorkerId();
        String actor = "lavoratore:" + released.taxCodeOf(request);

        await().atMost(Duration.ofSeconds(20)).until(() -> mails("ottavina@example.org", "Appuntamento al Centro").size() == 1);
        String firstIcs = ics(mails("ottavina@example.org", "Appuntamento al Centro").get(0));
        assertThat(firstIcs).startsWith("BEGIN:VCALENDAR").contains("METHOD:PUBLISH", "appuntamento-" + a.getId() + "@ricolloca");

        MoveRequest r = moves.ask(workerId, actor, a.getId(), "visita medica");
        assertThat(moves.ofWorker(workerId, a.getId()).request().getStatus()).isEqualTo(MoveRequest.Status.PENDING);
        assertThat(moves.ofWorker(workerId, a.getId()).movable(Instant.now())).as("asked once").isFalse();
        assertThatThrownBy(() -> moves.ask(workerId, actor, a.getId(), "ancora")).isInstanceOf(AgendaRefusedException.class)
                .hasMessage("agenda.moveRequest.already");
        assertThat(moves.pendingAt(List.of(officeId))).extracting(p -> p.request().getId()).contains(r.getId());
        assertThatThrownBy(() -> moves.request(released.user("master.novara"), r.getId()))
                .as("another CPI does not see it").isInstanceOf(NotFoundException.class);
        assertThat(audit.history("Appointment", a.getId(), 20)).extracting(AuditRecord::action, AuditRecord::actor)
                .contains(org.assertj.core.groups.Tuple.tuple("WORKER_MOVE_REQUESTED", actor));

        ZonedDateTime to = freeAfter(officeId, 2, ZonedDateTime.ofInstant(a.getStartsAt(), Dates.ZONE));
        Appointment replacement = moves.approve(released.user("tutor.torino"), r.getId(), r.getVersion(), to);

        assertThat(replacement.getStartsAt()).isEqualTo(to.toInstant());
        AppointmentMoves.WorkerAppointment old = moves.ofWorker(workerId, a.getId());
        assertThat(old.appointment().getStatus()).isEqualTo(AppointmentStatus.MOVED);
        assertThat(old.request().getStatus()).isEqualTo(MoveRequest.Status.APPROVED);
        assertThat(old.request().getNewAppointmentId()).isEqualTo(replacement.getId());
        AppointmentMoves.WorkerAppointment now = moves.ofWorker(workerId, replacement.getId());
        assertThat(now.movedAtRequest()).isTrue();
        assertThat(now.movable(Instant.now())).isFalse();
        assertThatThrownBy(() -> moves.ask(workerId, actor, replacement.getId(), "di nuovo"))
                .isInstanceOf(AgendaRefusedException.class).hasMessage("agenda.moveRequest.movedOnce");
        assertThatThrownBy(() -> moves.approve(released.user("tutor.torino"), r.getId(), r.getVersion() + 1, to))
                .as("decided once").isInstanceOf(it.ricolloca.shared.DomainException.class);

        await().atMost(Duration.ofSeconds(20)).until(() -> mails("ottavina@example.org", "Appuntamento spostato").size() == 1);
        MimeMessage changed = mails("ottavina@example.org", "Appuntamento spostato").get(0);
        assertThat(changed.getSubject()).contains(Dates.format(to.toInstant()));
        // The calendar moves the event it holds: the identifier of the first appointment, a higher sequence.
        assertThat(ics(changed)).contains("UID:appuntamento-" + a.getId() + "@ricolloca")
                .doesNotContain("appuntamento-" + replacement.getId() + "@");
        assertThat(sequence(ics(changed))).isGreaterThan(sequence(firstIcs));
        assertThat(new String(moves.ics(workerId, replacement.getId()), StandardCharsets.UTF_8))
                .startsWith("BEGIN:VCALENDAR").contains("UID:appuntamento-" + a.getId() + "@ricolloca");
    }

    @Test
    void aRefusedRequestLeavesTheAppointmentAndAWorkerReachesOnlyTheirOwn() {
        long officeId = office();
        long requestA = released.release("master.torino", "Rifiuto", "Ermenegilda");
        long requestB = released.release("master.torino", "Estraneo", "Bartolo");
        Appointment a = firstAppointment(requestA, officeId);
        Appointment b = firstAppointment(requestB, officeId);
        long workerA = a.getWorkerId();
        long workerB = b.getWorkerId();

        assertThatThrownBy(() -> moves.ask(workerB, "lavoratore:B", a.getId(), "non è mio"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> moves.ics(workerB, a.getId())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> moves.ofWorker(workerB, a.getId())).isInstanceOf(NotFoundException.class);
        assertThat(moves.ofWorker(workerB)).extracting(w -> w.appointment().getId()).containsExactly(b.getId());

        MoveRequest r = moves.ask(workerA, "lavoratore:A", a.getId(), "turno di lavoro");
        CurrentUser tutor = released.user("tutor.torino");
        assertThatThrownBy(() -> moves.refuse(tutor, r.getId(), r.getVersion(), " "))
                .isInstanceOf(AgendaRefusedException.class).hasMessage("agenda.reason.required");
        assertThatThrownBy(() -> moves.refuse(released.user("referente.torino"), r.getId(), r.getVersion(), "no"))
                .as("a vacancy referent reads no case files").isInstanceOf(NotFoundException.class);
        moves.refuse(tutor, r.getId(), r.getVersion(), "nessun posto libero quella settimana");

        AppointmentMoves.WorkerAppointment seen = moves.ofWorker(workerA, a.getId());
        assertThat(seen.request().getStatus()).isEqualTo(MoveRequest.Status.REFUSED);
        assertThat(seen.request().getRefusalReason()).isEqualTo("nessun posto libero quella settimana");
        assertThat(seen.appointment().getStatus()).isEqualTo(AppointmentStatus.BOOKED);
        assertThat(moves.pendingAt(List.of(officeId))).extracting(p -> p.request().getId()).doesNotContain(r.getId());
    }

    private List<MimeMessage> mails(String to, String subject) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(to) && m.getSubject().contains(subject);
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }

    /** The text of the calendar file attached to the mail. */
    private static String ics(Part part) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) part.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                String found = ics(mp.getBodyPart(i));
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (part.getFileName() != null && part.getFileName().endsWith(".ics")) {
            assertThat(part.isMimeType("text/calendar")).isTrue();
            try (var in = part.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return null;
    }

    private static int sequence(String ics) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^SEQUENCE:(\\d+)").matcher(ics);
        assertThat(m.find()).as("a SEQUENCE line").isTrue();
        return Integer.parseInt(m.group(1));
    }
}
