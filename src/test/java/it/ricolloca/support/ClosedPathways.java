package it.ricolloca.support;

import static org.awaitility.Awaitility.await;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.agenda.Agenda;
import it.ricolloca.agenda.Appointment;
import it.ricolloca.agenda.AppointmentStatus;
import it.ricolloca.claims.Claim;
import it.ricolloca.claims.internal.ClaimRepository;
import it.ricolloca.network.internal.NetworkAdministration;
import it.ricolloca.pathway.Pathway;
import it.ricolloca.pathway.PathwayOutcome;
import it.ricolloca.pathway.internal.PathwayLifecycle;
import it.ricolloca.pathway.internal.PathwayStart;
import it.ricolloca.pathway.internal.PathwayWork;
import it.ricolloca.shared.web.Dates;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalTime;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.springframework.stereotype.Component;

/**
 * Pathways of Torino started, worked and closed through the real workflows, in an office of
 * their own so that office-wide figures (the Fee4Service cap) count only the test's own claims.
 */
@Component
public class ClosedPathways {

    public static final String VAT = "01234567897";
    private static final AtomicInteger OFFICES = new AtomicInteger();

    private final ReleasedWorkers released;
    private final PathwayWork pathways;
    private final PathwayStart pathwayStart;
    private final PathwayLifecycle pathwayLifecycle;
    private final Agenda agenda;
    private final NetworkAdministration network;
    private final ClaimRepository claims;

    ClosedPathways(ReleasedWorkers released, PathwayWork pathways, PathwayStart pathwayStart,
            PathwayLifecycle pathwayLifecycle, Agenda agenda, NetworkAdministration network, ClaimRepository claims) {
        this.released = released;
        this.pathways = pathways;
        this.pathwayStart = pathwayStart;
        this.pathwayLifecycle = pathwayLifecycle;
        this.agenda = agenda;
        this.network = network;
        this.claims = claims;
    }

    /** A new office of the Torino CPI (named to sort after its own office). */
    public long newTorinoOffice() {
        return network.addOffice(released.user("master.torino").centreId(), "Sportello rimborsi di prova "
                + OFFICES.incrementAndGet(), "via Roma 1", "Torino", "10100", null, null).getId();
    }

    /**
     * The day {@code wanted}, or the nearest earlier day that is not a national holiday: the
     * agenda offers no slot on a holiday (three days before 11 December is the Immacolata), so a first
     * appointment recorded afterwards must fall on another day.
     */
    public static java.time.LocalDate dayWithSlots(java.time.LocalDate wanted) {
        java.time.LocalDate day = wanted;
        while (it.ricolloca.shared.LegalCalendar.isNationalHoliday(day)) {
            day = day.minusDays(1);
        }
        return day;
    }

    /**
     * A pathway of the office whose first appointment, agreed by phone, was held {@code daysAgo} days ago (a day
     * earlier for each national holiday met, {@link #dayWithSlots}).
     */
    public long started(long office, String lastName, String firstName, int daysAgo) {
        CurrentUser tutor = released.user("tutor.torino");
        long request = released.release("master.torino", lastName, firstName, office);
        java.time.LocalDate held = dayWithSlots(Dates.today().minusDays(daysAgo));
        released.releasedOn(request, held);
        long id = pathwayStart.bookFirstAppointment(tutor, request, held.atTime(LocalTime.of(10, 0))
                .atZone(Dates.ZONE), 60, "accordato per telefono", "registrato a posteriori");
        Appointment first = pathways.appointments(pathways.get(released.user("master.torino"), id)).get(0);
        agenda.recordOutcome(tutor, first.getId(), first.getVersion(), AppointmentStatus.HELD, null);
        return id;
    }

    /** Closes the pathway today as the tutor would. */
    public void close(long pathway, PathwayOutcome outcome, Pathway.Hire hire) {
        pathwayLifecycle.close(released.user("tutor.torino"), pathway, version(pathway), outcome, Dates.today(), null, hire);
    }

    public long requestOf(long pathway) {
        return pathways.get(released.user("master.torino"), pathway).getRequestId();
    }

    public long version(long pathway) {
        return pathways.get(released.user("master.torino"), pathway).getVersion();
    }

    /** The claim prepared for the pathway after its closing committed (prepared by an event listener). */
    public Claim claimOf(long pathway) {
        await().atMost(Duration.ofSeconds(20)).until(() -> claims.findByPathwayId(pathway).isPresent());
        return claims.findByPathwayId(pathway).orElseThrow();
    }

    /** A one-page PDF, as a scanned signed copy would be. */
    public static byte[] pdf() {
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
