package it.ricolloca.pathway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.agenda.Agenda;
import it.ricolloca.agenda.AgendaRefusedException;
import it.ricolloca.agenda.Appointment;
import it.ricolloca.agenda.AppointmentPurpose;
import it.ricolloca.agenda.AppointmentStatus;
import it.ricolloca.documents.DocumentKind;
import it.ricolloca.documents.Dossier;
import it.ricolloca.documents.DossierDocument;
import it.ricolloca.documents.RejectedUploadException;
import it.ricolloca.documents.Upload;
import it.ricolloca.network.OfficeSummary;
import it.ricolloca.pathway.internal.Meetings;
import it.ricolloca.pathway.internal.Pacts;
import it.ricolloca.pathway.internal.PathwayLifecycle;
import it.ricolloca.pathway.internal.PathwayQueries;
import it.ricolloca.pathway.internal.PathwayStart;
import it.ricolloca.pathway.internal.PathwayWork;
import it.ricolloca.pathway.internal.Timesheets;
import it.ricolloca.shared.NotFoundException;
import it.ricolloca.shared.acts.StaleFormException;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.support.ClosedPathways;
import it.ricolloca.support.IntegrationTest;
import it.ricolloca.support.ReleasedWorkers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * The provider CPI's work on real records: the queue, the first appointment and the agenda's
 * booking rules, the tutor, the pact's versions and signature window, the timesheet, the PDFs read
 * back with PDFBox, uploads of good and hostile files, and the dossier ZIP.
 */
@IntegrationTest
class PathwayWorkflowTest {

    @Autowired ReleasedWorkers released;
    @Autowired ClosedPathways closed;
    @Autowired PathwayWork work;
    @Autowired Meetings pathwayMeetings;
    @Autowired Pacts pathwayPacts;
    @Autowired PathwayLifecycle pathwayLifecycle;
    @Autowired PathwayStart pathwayStart;
    @Autowired Timesheets pathwayTimesheets;
    @Autowired PathwayQueries queries;
    @Autowired Agenda agenda;
    @Autowired Dossier dossier;

    CurrentUser master;
    CurrentUser operator;
    CurrentUser tutor;
    CurrentUser novara;
    OfficeSummary office;

    @BeforeEach
    void open() {
        master = released.user("master.torino");
        operator = released.user("operatore.torino");
        tutor = released.user("tutor.torino");
        novara = released.user("operatore.novara");
        released.openEveryDay("master.torino");
        office = released.office("master.torino");
    }

    @Test
    void aReleasedRequestWaitsInTheQueueUntilItsFirstAppointmentIsBookedAndTheTutorTakesItInCharge() {
        long request = released.release("master.torino", "Marino", "Giorgio");
        assertThat(pathwayStart.queue(tutor)).extracting(i -> i.request().requestId()).contains(request);
        assertThat(pathwayStart.queue(novara)).extracting(i -> i.request().requestId()).doesNotContain(request);

        ZonedDateTime slot = released.emptySlot("master.torino", 2);
        long id = pathwayStart.bookFirstAppointment(tutor, request, slot, null, null, null);
        assertThat(pathwayStart.queue(tutor)).extracting(i -> i.request().requestId()).doesNotContain(request);
        Pathway p = work.get(master, id);
        assertThat(p.getTutorUserId()).isEqualTo(tutor.id());
        assertThat(work.appointments(p)).singleElement().satisfies(a -> {
            assertThat(a.getPurpose()).isEqualTo(AppointmentPurpose.FIRST);
            assertThat(a.getStartsAt()).isEqualTo(slot.toInstant());
            assertThat(a.getStaff()).isEqualTo("Sportello AdR");
        });
        assertThatThrownBy(() -> pathwayStart.bookFirstAppointment(tutor, request, slot.plusHours(1), null, null, null))
                .hasMessage("pathway.first.alreadyBooked");
        assertThatThrownBy(() -> work.get(novara, id)).isInstanceOf(NotFoundException.class);
        assertThat(queries.namedTutors(released.user("regione")))
                .anySatisfy(t -> assertThat(t.tutor()).isEqualTo("Tutor Torino"));
    }

    @Test
    void theListFindsAPathwayByTheWorkersSurnameOrTaxCodeWithinTheUsersCentre() {
        long id = closed.started(closed.newTorinoOffice(), "Ricercabile", "Ugo", 2);
        String taxCode = released.taxCodeOf(closed.requestOf(id));
        assertThat(queries.search(master, false, "ricercab", 0, 20).getContent()).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo(id);
            assertThat(r.workerName()).isEqualTo("Ricercabile Ugo");
            assertThat(r.taxCode()).isEqualTo(taxCode);
        });
        assertThat(queries.search(master, false, taxCode, 0, 20).getContent())
                .extracting(PathwayQueries.PathwayRow::id).containsExactly(id);
        assertThat(queries.search(tutor, true, "RICERCABILE", 0, 20).getTotalElements()).isEqualTo(1);
        assertThat(queries.search(novara, false, "ricercab", 0, 20).getTotalElements()).isZero();
        assertThat(queries.search(master, false, "nessuno con questo nome", 0, 20).getContent()).isEmpty();
        assertThat(queries.worklist(tutor, true, 14, d -> 6, 0, 500).getContent())
                .anySatisfy(r -> assertThat(r.workerName()).isEqualTo("Ricercabile Ugo"));
    }

    @Test
    void bookingRefusesAFullSlotAWorkerAlreadyBusyAMissingSlotAndThePastWithoutJustification() {
        ZonedDateTime slot = released.emptySlot("master.torino", 3);
        long first = released.release("master.torino", "Greco", "Ada");
        long second = released.release("master.torino", "Greco", "Bruno");
        long third = released.release("master.torino", "Greco", "Carla");
        pathwayStart.bookFirstAppointment(operator, first, slot, null, null, null);
        pathwayStart.bookFirstAppointment(operator, second, slot, null, null, null);
        assertThatThrownBy(() -> pathwayStart.bookFirstAppointment(operator, third, slot, null, null, null))
                .hasMessage("agenda.book.full");
        assertThatThrownBy(() -> pathwayStart.bookFirstAppointment(operator, third, slot.plusMinutes(10), null, null, null))
                .hasMessage("agenda.book.noSuchSlot");
        ZonedDateTime past = Dates.today().minusDays(1).atTime(LocalTime.of(9, 0)).atZone(Dates.ZONE);
        released.releasedOn(third, Dates.today().minusDays(1));
        assertThatThrownBy(() -> pathwayStart.bookFirstAppointment(operator, third, past, null, null, " "))
                .hasMessage("agenda.book.pastNeedsJustification");
        assertThatThrownBy(() -> pathwayStart.bookFirstAppointment(operator, third, slot, 60, "telefonata", null))
                .hasMessage("agenda.book.agendaPublished");

        long pathway = pathwayStart.bookFirstAppointment(operator, third, slot.plusHours(1), null, null, null);
        long worker = work.get(master, pathway).getWorkerId();
        assertThatThrownBy(() -> agenda.bookSlot(operator, office.id(), worker, null, AppointmentPurpose.MEETING,
                slot.plusHours(1), null)).isInstanceOf(AgendaRefusedException.class).hasMessage("agenda.book.workerBusy");
        assertThatThrownBy(() -> pathwayStart.bookFirstAppointment(novara, released.release("master.torino", "Greco", "Dario"),
                slot, null, null, null)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> agenda.addTemplate(tutor, office.id(), "x", it.ricolloca.agenda.TemplateKind.WEEKLY,
                Dates.today(), null, List.of())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void movingAndCancellingNeedAReasonAndFreeThePlace() {
        ZonedDateTime slot = released.emptySlot("master.torino", 4);
        long request = released.release("master.torino", "Lombardi", "Elisa");
        long id = pathwayStart.bookFirstAppointment(operator, request, slot, null, null, null);
        Appointment a = work.appointments(work.get(master, id)).get(0);
        assertThatThrownBy(() -> agenda.move(operator, a.getId(), a.getVersion(), slot.plusHours(1), " ", null))
                .hasMessage("agenda.reason.required");
        Appointment moved = agenda.move(operator, a.getId(), a.getVersion(), slot.plusHours(1), "richiesta del lavoratore", null);
        Appointment old = agenda.appointment(master, a.getId());
        assertThat(old.getStatus()).isEqualTo(AppointmentStatus.MOVED);
        assertThat(old.getMovedToId()).isEqualTo(moved.getId());
        assertThat(agenda.slots(office.id(), slot.toLocalDate(), slot.toLocalDate()).stream()
                .filter(s -> s.slot().start().equals(slot)).findFirst().orElseThrow().appointments()).isEmpty();
        agenda.cancel(operator, moved.getId(), moved.getVersion(), "il lavoratore ha trovato lavoro");
        assertThat(agenda.appointment(master, moved.getId()).getStatus()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(pathwayStart.queue(operator)).extracting(i -> i.request().requestId()).contains(request);
    }

    @Test
    void theTutorIsChangedOnlyWithAReasonAndOnlyToATutorOfTheCentre() {
        long request = released.release("master.torino", "Costa", "Franco");
        long id = pathwayStart.bookFirstAppointment(operator, request,
                released.emptySlot("master.torino", 5), null, null, null);
        Pathway p = work.get(master, id);
        assertThat(p.getTutorUserId()).as("an operator booking does not name a tutor").isNull();
        pathwayLifecycle.assignTutor(master, id, p.getVersion(), tutor.id(), null);
        Pathway named = work.get(master, id);
        assertThatThrownBy(() -> pathwayLifecycle.assignTutor(master, id, named.getVersion(), master.id(), "x"))
                .hasMessage("pathway.tutor.notATutor");
        assertThatThrownBy(() -> pathwayLifecycle.assignTutor(tutor, id, named.getVersion(), tutor.id(), "x"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> pathwayLifecycle.assignTutor(master, id, named.getVersion() - 1, tutor.id(), "x"))
                .isInstanceOf(StaleFormException.class);
        assertThat(work.tutorHistory(named)).hasSize(1);
    }

    @Test
    void thePactIsSignedWithinItsWindowNeverChangesAndIsAmendedByANewVersionAndBothPdfsReadBack() throws Exception {
        long request = released.release("master.torino", "Rinaldi", "Giulia");
        released.releasedOn(request, Dates.today().minusDays(1));
        ZonedDateTime yesterday = Dates.today().minusDays(1).atTime(LocalTime.of(10, 0)).atZone(Dates.ZONE);
        long id = pathwayStart.bookFirstAppointment(tutor, request, yesterday, null, null, "colloquio registrato il giorno dopo");
        List<PactAction> actions = List.of(
                new PactAction(PactActionKind.CV, "Aggiornare il curriculum con l'esperienza in magazzino", Dates.today().plusDays(7)),
                new PactAction(PactActionKind.JOB_SEARCH, "Candidarsi a cinque offerte di logistica a settimana", null));
        pathwayPacts.saveDraft(tutor, id, version(id), actions, "Ogni martedì alle 10");
        assertThatThrownBy(() -> pathwayPacts.sign(tutor, id, version(id), Dates.today())).hasMessage("pathway.pact.notStarted");
        assertThatThrownBy(() -> pathwayTimesheets.addHours(tutor, id, version(id), ServiceTimesheetActivity.RECEPTION, Dates.today(),
                BigDecimal.ONE, null)).hasMessage("pathway.timesheet.notStarted");

        Appointment first = work.appointments(work.get(master, id)).get(0);
        agenda.recordOutcome(tutor, first.getId(), first.getVersion(), AppointmentStatus.HELD, "presa in carico");
        assertThat(work.serviceStart(work.get(master, id))).contains(Dates.today().minusDays(1));
        assertThatThrownBy(() -> pathwayTimesheets.addHours(tutor, id, version(id), ServiceTimesheetActivity.RECEPTION,
                Dates.today().minusDays(2), BigDecimal.ONE, null)).hasMessage("pathway.timesheet.date");
        pathwayTimesheets.addHours(tutor, id, version(id), ServiceTimesheetActivity.RECEPTION, Dates.today().minusDays(1), new BigDecimal("1.5"),
                "primo colloquio");
        pathwayTimesheets.addHours(tutor, id, version(id), ServiceTimesheetActivity.PACT_DEFINITION, Dates.today(), new BigDecimal("0.75"), null);
        assertThatThrownBy(() -> pathwayTimesheets.addHours(tutor, id, version(id), ServiceTimesheetActivity.GUIDANCE, Dates.today(),
                new BigDecimal("13"), null)).hasMessage("pathway.timesheet.hours");
        assertThatThrownBy(() -> pathwayPacts.sign(tutor, id, version(id), Dates.today().minusDays(2)))
                .hasMessage("pathway.pact.signDate");
        assertThatThrownBy(() -> pathwayPacts.sign(tutor, id, version(id), Dates.today().plusDays(1)))
                .hasMessage("pathway.pact.signDate");

        pathwayPacts.sign(tutor, id, version(id), Dates.today());
        Pathway signed = work.get(master, id);
        assertThat(signed.getTimesheetSignedOn()).isEqualTo(Dates.today());
        assertThat(signed.totalHours()).isEqualByComparingTo("2.25");
        assertThatThrownBy(() -> pathwayPacts.saveDraft(tutor, id, version(id), actions, null))
                .hasMessage("pathway.pact.signedIsFinal");
        assertThatThrownBy(() -> pathwayTimesheets.addHours(tutor, id, version(id), ServiceTimesheetActivity.GUIDANCE, Dates.today(),
                BigDecimal.ONE, null)).hasMessage("pathway.timesheet.signed");

        String pact = text(work.pactPdf(master, id, 1));
        assertThat(pact).contains("Giulia Rinaldi", "Tutor Torino", "Aggiornare il curriculum con l'esperienza in magazzino",
                "Candidarsi a cinque offerte", "Ogni martedì alle 10", "Firma del lavoratore", "Firma del tutor");
        assertThat(pdfA(work.pactPdf(master, id, 1))).isTrue();
        String timesheet = text(work.timesheetPdf(master, id));
        assertThat(timesheet).contains("Giulia Rinaldi", "Tutor Torino", "Accoglienza e presa in carico", "1,5", "0,75", "2,25");
        assertThat(pdfA(work.timesheetPdf(master, id))).isTrue();

        pathwayPacts.amend(tutor, id, version(id));
        List<PactAction> more = new ArrayList<>(actions);
        more.add(new PactAction(PactActionKind.TRAINING, "Corso per carrellisti", null));
        pathwayPacts.saveDraft(tutor, id, version(id), more, "Ogni martedì alle 10");
        pathwayPacts.sign(tutor, id, version(id), Dates.today());
        List<SearchPact> pacts = work.pacts(work.get(master, id));
        assertThat(pacts).extracting(SearchPact::getVersionNo, SearchPact::getStatus)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, PactStatus.SIGNED),
                        org.assertj.core.groups.Tuple.tuple(1, PactStatus.SUPERSEDED));
        assertThat(text(work.pactPdf(master, id, 2))).contains("Corso per carrellisti");

        List<DossierDocument> docs = dossier.ofWorker(signed.getWorkerId());
        assertThat(docs).filteredOn(d -> d.kind() == DocumentKind.PACT).extracting(DossierDocument::versionNo)
                .containsExactlyInAnyOrder(1, 2);
        assertThat(docs).filteredOn(d -> d.kind() == DocumentKind.TIMESHEET).hasSize(1);
    }

    @Test
    void onlyARealPdfAndARealPngEnterTheDossierAndTheZipListsThem() throws Exception {
        long request = released.release("master.torino", "Fontana", "Irene");
        long id = pathwayStart.bookFirstAppointment(operator, request,
                released.emptySlot("master.torino", 6), null, null, null);
        long worker = work.get(master, id).getWorkerId();
        byte[] exe = new byte[2048];
        exe[0] = 'M';
        exe[1] = 'Z';
        List<Upload> uploads = List.of(new Upload("carta-identita.pdf", pdf()), new Upload("cv.png", png()),
                new Upload("programma.pdf", exe), new Upload("enorme.pdf", new byte[10 * 1024 * 1024 + 1]),
                new Upload("vuoto.pdf", new byte[0]));
        int stored = 0;
        for (Upload u : uploads) {
            try {
                work.upload(operator, id, DocumentKind.OTHER, null, u);
                stored++;
            } catch (RejectedUploadException e) {
                assertThat(e.messageKey()).isIn("document.upload.type", "document.upload.tooLarge", "document.upload.empty");
            }
        }
        assertThat(stored).isEqualTo(2);
        assertThat(dossier.ofWorker(worker)).extracting(DossierDocument::fileName)
                .containsExactlyInAnyOrder("carta-identita.pdf", "cv.png");
        assertThat(dossier.ofWorker(worker)).extracting(DossierDocument::versionNo).containsExactlyInAnyOrder(1, 2);
        assertThatThrownBy(() -> work.upload(operator, id, DocumentKind.PACT, null, new Upload("x.pdf", pdf())))
                .hasMessage("pathway.dossier.kind.invalid");
        assertThatThrownBy(() -> work.upload(novara, id, DocumentKind.OTHER, null, new Upload("x.pdf", pdf())))
                .isInstanceOf(NotFoundException.class);

        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        dossier.zip(worker, k -> k.name(), zip);
        List<String> names = new ArrayList<>();
        String index = null;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.toByteArray()))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                names.add(e.getName());
                if (e.getName().equals("indice.csv")) {
                    index = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        assertThat(names).containsExactly("001-carta-identita.pdf", "002-cv.png", "indice.csv");
        assertThat(index).contains("carta-identita.pdf", "cv.png", "operatore.torino");
    }

    @Test
    void theWorklistShowsWhoIsOverdueAgainstTheTwoWeekRuleAndAClosedPathwayLeavesIt() {
        long late = startedPathway("Ritardo", "Ugo", 20, 14);
        long fine = startedPathway("Puntuale", "Vera", 20, 15);
        long away = startedPathway("Sospeso", "Zeno", 20, 16);
        LocalTime nine = LocalTime.of(9, 0);
        pathwayMeetings.recordMeeting(tutor, late, version(late), Dates.today().minusDays(16), nine, nine.plusMinutes(60),
                MeetingStatus.HELD, "bilancio", null, null);
        pathwayMeetings.recordMeeting(tutor, fine, version(fine), Dates.today().minusDays(3), nine, nine.plusMinutes(75),
                MeetingStatus.HELD, null, null, Dates.today().plusDays(11));
        pathwayMeetings.recordMeeting(tutor, fine, version(fine), Dates.today().minusDays(1), nine, nine.plusMinutes(30),
                MeetingStatus.MISSED_UNJUSTIFIED, null, null, null);
        pathwayLifecycle.suspend(tutor, away, version(away), Dates.today().minusDays(2), ContractType.PROBATION, "Negozio Srl", null);

        var rows = queries.worklist(tutor, true, 14, d -> 6, 0, 500).getContent();
        var byId = new java.util.HashMap<Long, PathwayQueries.WorklistRow>();
        rows.forEach(r -> byId.put(r.id(), r));
        assertThat(byId.get(late).daysSince()).isEqualTo(16);
        assertThat(byId.get(late).overdue()).isTrue();
        assertThat(byId.get(fine).daysSince()).as("a missed meeting does not count").isEqualTo(3);
        assertThat(byId.get(fine).overdue()).isFalse();
        assertThat(byId.get(fine).nextMeeting()).isEqualTo(Dates.today().plusDays(11));
        assertThat(byId.get(away).overdue()).as("suspended").isFalse();
        assertThat(byId.get(away).plannedEnd()).isEqualTo(Dates.today().minusDays(20).plusMonths(6).plusDays(2));
        assertThat(rows.indexOf(byId.get(late))).isLessThan(rows.indexOf(byId.get(fine)));

        pathwayLifecycle.close(tutor, late, version(late), PathwayOutcome.NOT_HIRED_AT_TERM, Dates.today(), null, null);
        assertThat(queries.worklist(tutor, true, 14, d -> 6, 0, 500).getContent()).extracting(PathwayQueries.WorklistRow::id)
                .doesNotContain(late);
        assertThatThrownBy(() -> pathwayMeetings.recordMeeting(tutor, late, version(late), Dates.today(), nine, nine.plusMinutes(60),
                MeetingStatus.HELD, null, null, null)).hasMessage("pathway.closed");
    }

    /** A pathway of the tutor whose first appointment was held {@code daysAgo} days ago. */
    private long startedPathway(String lastName, String firstName, int daysAgo, int hour) {
        long request = released.release("master.torino", lastName, firstName);
        released.releasedOn(request, Dates.today().minusDays(daysAgo));
        long id = pathwayStart.bookFirstAppointment(tutor, request, Dates.today().minusDays(daysAgo).atTime(LocalTime.of(hour, 0))
                .atZone(Dates.ZONE), null, null, "registrato a posteriori");
        Appointment first = work.appointments(work.get(master, id)).get(0);
        agenda.recordOutcome(tutor, first.getId(), first.getVersion(), AppointmentStatus.HELD, null);
        return id;
    }

    private long version(long id) {
        return work.get(master, id).getVersion();
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    /** Declares PDF/A in its XMP metadata (pdfaid:part) and embeds its fonts. */
    private static boolean pdfA(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            var metadata = doc.getDocumentCatalog().getMetadata();
            if (metadata == null) {
                return false;
            }
            String xmp = new String(metadata.toByteArray(), StandardCharsets.UTF_8);
            boolean embedded = true;
            for (PDPage page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    embedded &= page.getResources().getFont(name).isEmbedded();
                }
            }
            return xmp.contains("pdfaid") && (xmp.contains("pdfaid:part>3<") || xmp.contains("pdfaid:part=\"3\""))
                    && embedded && !doc.getDocumentCatalog().getOutputIntents().isEmpty();
        }
    }

    private static byte[] pdf() throws Exception {
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] png() throws Exception {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(40, 20, java.awt.image.BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(img, "png", out);
        return out.toByteArray();
    }
}
