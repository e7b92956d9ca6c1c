package it.ricolloca.vacancies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.internal.UserAccountRepository;
import it.ricolloca.pathway.ContractType;
import it.ricolloca.pathway.PathwayOutcome;
import it.ricolloca.pathway.PathwaySection;
import it.ricolloca.pathway.internal.PathwayStart;
import it.ricolloca.pathway.internal.PathwayWork;
import it.ricolloca.shared.NotFoundException;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.support.IntegrationTest;
import it.ricolloca.support.ReleasedWorkers;
import it.ricolloca.vacancies.internal.Matching.Fit;
import it.ricolloca.vacancies.internal.Matching;
import it.ricolloca.vacancies.internal.Referents;
import it.ricolloca.vacancies.internal.Referrals;
import it.ricolloca.vacancies.internal.VacancyBoard;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import it.ricolloca.shared.acts.StaleFormException;
import org.springframework.security.access.AccessDeniedException;

/** The board's rules on a real database: who edits, who is referent, the referral flow and its mails, the ranking. */
@IntegrationTest
class VacancyBoardTest {

    @Autowired VacancyBoard board;
    @Autowired Referents referents;
    @Autowired Referrals referrals;
    @Autowired Matching matching;
    @Autowired PathwayWork pathwayWork;
    @Autowired PathwayStart pathwayStart;
    @Autowired ReleasedWorkers released;
    @Autowired UserAccountRepository users;
    @Autowired JdbcClient jdbc;
    @Autowired org.springframework.transaction.PlatformTransactionManager transactions;
    @Autowired org.springframework.context.ApplicationEventPublisher events;
    @Autowired GreenMail greenMail;
    @Autowired List<PathwaySection.Provider> sections;

    static final java.util.concurrent.atomic.AtomicInteger DAY = new java.util.concurrent.atomic.AtomicInteger();

    CurrentUser user(String name) {
        return released.user(name);
    }

    long userId(String name) {
        return users.findByUsername(name).orElseThrow().getId();
    }

    static VacancyDetails offer(String profile, long centre, Long referent) {
        return new VacancyDetails(Dates.today().minusDays(1), profile, null, null, 1, "Azienda di prova", null, null, null,
                null, null, null, null, null, centre, VacancySource.CPI, referent, null, null, null, null, null, null,
                null, null, null);
    }

    /** A Torino pathway followed by tutor.torino (who booked the first appointment and so took the worker in charge). */
    long pathwayOfTutorTorino(String lastName) {
        released.openEveryDay("master.torino");
        long request = released.release("master.torino", lastName, "Marta");
        // national holidays have no slots: the next working day, at an hour of its own
        int k = DAY.incrementAndGet();
        return pathwayStart.bookFirstAppointment(user("tutor.torino"), request,
                it.ricolloca.shared.LegalCalendar.nextWorkingDayFrom(Dates.today().plusDays(20 + k))
                        .atTime(9 + k % 8, 0).atZone(Dates.ZONE), null, null, null);
    }

    @Test
    void onlyTheCentresReferentsAndTheRegionalServiceWriteAndTheReferentMustBelongToThem() {
        CurrentUser referent = user("referente.torino");
        long torino = referent.centreId();
        long novara = user("referente.novara").centreId();

        Vacancy own = board.create(referent, offer("Impiegato amministrativo", torino, null));
        assertThat(own.getReferentUserId()).as("the author is named").isEqualTo(referent.id());
        assertThat(own.getReferentEmail()).isEqualTo("referente.torino@example.org");

        assertThatThrownBy(() -> board.create(referent, offer("Impiegato", torino, userId("tutor.torino"))))
                .isInstanceOfSatisfying(VacancyInvalidException.class, e -> assertThat(e.problems())
                        .extracting(VacancyDetails.Problem::field).containsExactly("referentUserId"));
        assertThatThrownBy(() -> board.create(referent, offer("Impiegato", torino, userId("referente.novara"))))
                .isInstanceOf(VacancyInvalidException.class);
        assertThatThrownBy(() -> board.create(referent, offer("Impiegato", novara, null)))
                .isInstanceOfSatisfying(VacancyInvalidException.class, e -> assertThat(e.problems())
                        .extracting(VacancyDetails.Problem::field).contains("centreId"));
        assertThatThrownBy(() -> board.create(user("tutor.torino"), offer("Impiegato", torino, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> board.update(user("referente.novara"), own.getId(), own.getVersion(),
                offer("Cambiato", torino, null))).isInstanceOf(AccessDeniedException.class);

        // The master names the tutor: now the tutor may be the referent, and may write.
        referents.name(user("master.torino"), torino, userId("tutor.torino"));
        Vacancy byTutor = board.create(referent, offer("Contabile", torino, userId("tutor.torino")));
        assertThat(byTutor.getReferentName()).isEqualTo("Tutor Torino");
        Vacancy service = board.create(user("reclutamenti.regione"), offer("Saldatore", novara,
                userId("reclutamenti.regione")));
        assertThat(service.getReferentUserId()).isEqualTo(userId("reclutamenti.regione"));

        // A referent from another CPI may not be named by Novara's master; an ended referent loses the right to write.
        assertThatThrownBy(() -> referents.name(user("master.novara"), torino, userId("tutor.torino")))
                .isInstanceOf(AccessDeniedException.class);
        long naming = jdbc.sql("select id from vacancies_referent where user_id = ? and ended_on is null")
                .param(userId("tutor.torino")).query(Long.class).single();
        referents.end(user("master.torino"), naming);
        assertThatThrownBy(() -> board.create(user("tutor.torino"), offer("Altro", torino, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(board.history(own.getId())).extracting(VacancyBoard.HistoryLine::to).containsExactly(VacancyStatus.OPEN);
    }

    @Test
    void statusChangesAreKeptWithTheirNoteAndAStaleFormChangesNothing() {
        CurrentUser referent = user("referente.torino");
        Vacancy v = board.create(referent, offer("Autista", referent.centreId(), null));
        long version = v.getVersion();
        board.changeStatus(referent, v.getId(), version, VacancyStatus.IN_SELECTION, "colloqui in corso");
        assertThatThrownBy(() -> board.changeStatus(referent, v.getId(), version, VacancyStatus.CLOSED, null))
                .isInstanceOf(StaleFormException.class);
        Vacancy now = board.get(referent, v.getId());
        board.changeStatus(referent, v.getId(), now.getVersion(), VacancyStatus.FILLED, null);
        Vacancy filled = board.get(referent, v.getId());
        assertThatThrownBy(() -> board.changeStatus(referent, v.getId(), filled.getVersion(), VacancyStatus.OPEN, null))
                .hasMessage("vacancy.status.illegal");
        assertThatThrownBy(() -> board.update(referent, v.getId(), filled.getVersion(), offer("Autista", referent.centreId(), null)))
                .hasMessage("vacancy.final");
        assertThat(board.history(v.getId())).extracting(VacancyBoard.HistoryLine::to)
                .containsExactly(VacancyStatus.FILLED, VacancyStatus.IN_SELECTION, VacancyStatus.OPEN);
        assertThat(board.history(v.getId()).get(1).note()).isEqualTo("colloqui in corso");
    }

    @Test
    void aTutorProposesTheReferentIsMailedEvaluatesAndTheHireClosesThePathway() throws Exception {
        CurrentUser tutor = user("tutor.torino");
        CurrentUser novaraReferent = user("referente.novara");
        long pathway = pathwayOfTutorTorino("Candidata");
        Vacancy v = board.create(novaraReferent, offer("Operatrice di magazzino", novaraReferent.centreId(), null));

        Referral r = referrals.propose(tutor, v.getId(), pathway, "Esperienza in logistica");
        assertThatThrownBy(() -> referrals.propose(tutor, v.getId(), pathway, null)).hasMessage("referral.error.duplicate");
        assertThatThrownBy(() -> referrals.propose(user("operatore.novara"), v.getId(), pathway, null))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> referrals.visible(user("master.novara"), r.getId())).isInstanceOf(NotFoundException.class);
        assertThat(referrals.visible(novaraReferent, r.getId()).getId()).as("the offer's referent sees it").isEqualTo(r.getId());
        await().atMost(Duration.ofSeconds(20)).until(() -> mails("referente.novara@example.org", "Operatrice di magazzino").size() == 1);
        assertThat(body(mails("referente.novara@example.org", "Operatrice di magazzino").get(0)))
                .contains("Tutor Torino").contains("Candidata").contains("Esperienza in logistica")
                .contains("/vacancies/referrals/" + r.getId());

        assertThatThrownBy(() -> referrals.record(tutor, r.getId(), r.getVersion(), ReferralStatus.HIRED, null))
                .isInstanceOf(AccessDeniedException.class);
        Referral sent = referrals.record(novaraReferent, r.getId(), r.getVersion(), ReferralStatus.SENT_TO_COMPANY, null);
        Referral hired = referrals.record(novaraReferent, r.getId(), sent.getVersion(), ReferralStatus.HIRED, null);
        String steps = "candidatura n. " + r.getId() + " ";
        await().atMost(Duration.ofSeconds(20)).until(() -> mails("tutor.torino@example.org", steps).size() == 2);
        assertThat(mails("tutor.torino@example.org", steps).stream().map(VacancyBoardTest::subject))
                .anyMatch(s -> s.contains("Assunto")).anyMatch(s -> s.contains("inviato all'azienda"))
                .as("the subject names no worker").noneMatch(s -> s.contains("Candidata"));
        assertThat(referrals.history(r.getId())).extracting(Referrals.HistoryLine::to)
                .containsExactly(ReferralStatus.PROPOSED, ReferralStatus.SENT_TO_COMPANY, ReferralStatus.HIRED);

        PathwaySection section = sections.stream().map(s -> s.section(tutor, pathway, 0))
                .filter(s -> s != null && s.id().equals("referrals")).findFirst().orElseThrow();
        assertThat(section.lines()).hasSize(1);
        assertThat(section.lines().get(0).status()).isEqualTo("Assunto");
        assertThat(section.lines().get(0).text()).contains("Operatrice di magazzino");

        var p = pathwayWork.get(tutor, pathway);
        assertThatThrownBy(() -> referrals.closePathway(novaraReferent, r.getId(), p.getVersion(), Dates.today(),
                "01234567897", ContractType.PERMANENT, new BigDecimal("38"), Dates.today(), null))
                .isInstanceOf(NotFoundException.class);
        referrals.closePathway(tutor, hired.getId(), p.getVersion(), Dates.today(), "01234567897", ContractType.PERMANENT,
                new BigDecimal("38"), Dates.today(), null);
        var closed = pathwayWork.get(tutor, pathway);
        assertThat(closed.getOutcome()).isEqualTo(PathwayOutcome.HIRED);
        assertThat(closed.getHireEmployer()).isEqualTo("Azienda di prova");
        assertThat(referrals.hires(v.getId())).isEqualTo(1);
    }

    @Test
    void notSelectedNeedsAReasonAndAWithdrawalComesFromThePathwaysStaffToo() {
        CurrentUser tutor = user("tutor.torino");
        CurrentUser referent = user("referente.torino");
        long pathway = pathwayOfTutorTorino("Ritirata");
        Vacancy v = board.create(referent, offer("Barista", referent.centreId(), null));
        Referral r = referrals.propose(tutor, v.getId(), pathway, null);
        assertThatThrownBy(() -> referrals.record(referent, r.getId(), r.getVersion(), ReferralStatus.NOT_SELECTED, ""))
                .hasMessage("referral.error.reason");
        referrals.record(tutor, r.getId(), r.getVersion(), ReferralStatus.WITHDRAWN, "Ha trovato lavoro da sé");
        // Withdrawn is final: the same worker may be proposed again.
        Referral again = referrals.propose(tutor, v.getId(), pathway, null);
        referrals.record(referent, again.getId(), again.getVersion(), ReferralStatus.NOT_SELECTED, "Manca l'esperienza");
        board.changeStatus(referent, v.getId(), board.get(referent, v.getId()).getVersion(), VacancyStatus.CLOSED, null);
        assertThatThrownBy(() -> referrals.propose(tutor, v.getId(), pathway, null))
                .hasMessage("referral.error.vacancyNotOpen");
    }

    /**
     * A hand-checked ranking. The worker: residence Torino, competent CPI Torino, a job as 6.2.1.2.0
     * "Saldatore carpenteria", skills "saldatura fresatura".
     * <ul>
     * <li>A: same code (40), skills "saldatura tornitura fresatura verniciatura" 2 of 4 (12), area
     * "Carpenteria" in the job's label (10), workplace Torino (15), permanent (10): 87.</li>
     * <li>B: 6.2.1.4.0 shares 3 levels (24), skills "saldatura" 1 of 1 (25), area "Commercio" (0),
     * Moncalieri TO, 9,5 km from Torino in a straight line, within 15 km (15), fixed-term 4 months (6): 70.</li>
     * <li>C: 5.1.2.2.0 (0), skills "vendita cassa" (0), area (0), Novara's CPI (0), contract not stated (3): 3.</li>
     * <li>D: a perfect match, but closed: not ranked.</li>
     * </ul>
     */
    /**
     * The register's changes written by SQL above are announced as the register's acts announce them
     * (WorkerProfileChanged, in a transaction): matching reads the terms stored then (ADR 0038).
     */
    private void announced(long worker) {
        new org.springframework.transaction.support.TransactionTemplate(transactions)
                .executeWithoutResult(s -> events.publishEvent(new it.ricolloca.workers.WorkerProfileChanged(worker)));
    }

    @Test
    void theRankingOfAHandCheckedCaseBothWays() {
        CurrentUser service = user("reclutamenti.regione");
        long torino = user("master.torino").centreId();
        long novara = user("master.novara").centreId();
        long pathway = pathwayOfTutorTorino("Saldatrice");
        long worker = pathwayWork.get(user("master.torino"), pathway).getWorkerId();
        jdbc.sql("update workers_worker set residence_municipality = 'Torino', skills = 'saldatura fresatura' where id = ?")
                .param(worker).update();
        jdbc.sql("""
                insert into workers_work_history (worker_id, position, employer, profession_code, profession_label,
                    classification, contract_type, start_date) values (?, 0, 'Officine Rossi', '6.2.1.2.0',
                    'Saldatore carpenteria', 'CP2021', 'Indeterminato', date '2015-01-01')""").param(worker).update();
        announced(worker);
        String tag = "R" + System.nanoTime();
        long a = board.create(service, ranked(tag + " A", "6.2.1.2.0", "saldatura tornitura fresatura verniciatura",
                "Carpenteria", "Torino", "TO", torino, ContractType.PERMANENT, null)).getId();
        long b = board.create(service, ranked(tag + " B", "6.2.1.4.0", "saldatura", "Commercio", "Moncalieri", "TO",
                torino, ContractType.FIXED_TERM, 4)).getId();
        long c = board.create(service, ranked(tag + " C", "5.1.2.2.0", "vendita cassa", "Commercio", null, null, novara,
                null, null)).getId();
        long d = board.create(service, ranked(tag + " D", "6.2.1.2.0", "saldatura fresatura", "Carpenteria", "Torino",
                "TO", torino, ContractType.PERMANENT, null)).getId();
        board.changeStatus(service, d, board.get(service, d).getVersion(), VacancyStatus.CLOSED, null);

        List<Matching.VacancyMatch> mine = matching.forWorker(worker, 0, 10_000).getContent().stream()
                .filter(m -> m.profile().startsWith(tag)).toList();
        assertThat(mine).extracting(Matching.VacancyMatch::vacancyId).containsExactly(a, b, c);
        Map<Long, Integer> scores = mine.stream().collect(Collectors.toMap(Matching.VacancyMatch::vacancyId,
                m -> m.fit().score()));
        assertThat(scores).containsEntry(a, 87).containsEntry(b, 70).containsEntry(c, 3);
        Fit fa = mine.get(0).fit();
        assertThat(List.of(fa.professionPoints(), fa.skillPoints(), fa.area(), fa.placePoints(), fa.contractPoints()))
                .containsExactly(40, 12, true, 15, 10);
        assertThat(fa.skillHits()).isEqualTo(2);
        assertThat(fa.skillTotal()).isEqualTo(4);
        for (Matching.VacancyMatch m : mine) {
            Fit f = m.fit();
            assertThat(f.professionPoints() + f.skillPoints() + (f.area() ? Matching.AREA : 0) + f.placePoints()
                    + f.contractPoints()).as("the parts add up to the score").isEqualTo(f.score());
        }

        Matching.WorkerMatch forA = matching.forVacancy(user("master.torino"), a, 0, 10_000).getContent().stream()
                .filter(m -> m.workerId() == worker).findFirst().orElseThrow();
        assertThat(forA.fit().score()).as("the same score from the offer's side").isEqualTo(87);
        assertThat(matching.forVacancy(user("master.torino"), a, 0, 1).getContent().get(0).workerId())
                .as("the best candidate for A").isEqualTo(worker);
        assertThat(matching.forVacancy(user("master.novara"), a, 0, 10_000).getContent())
                .as("Novara does not see Torino's workers").noneMatch(m -> m.workerId() == worker);
    }

    /**
     * Matching by distance (ADR 0032): a worker living in Torino, four offers alike but for the place. Straight
     * lines between the centroids: Collegno 7,2 km (within 15: 15 points), Chivasso 22,7 km and Asti 44,3 km (within
     * 50: 10), Novara 84,0 km (0); an unknown place falls back on names (province TO, the worker's CPI's: 10). Equal
     * scores rank the closest first.
     */
    @Test
    void thePlaceScoresByDistanceAndTheClosestComesFirst() {
        CurrentUser service = user("reclutamenti.regione");
        long torino = user("master.torino").centreId();
        long pathway = pathwayOfTutorTorino("Distanze");
        long worker = pathwayWork.get(user("master.torino"), pathway).getWorkerId();
        jdbc.sql("update workers_worker set residence_municipality = 'Torino', skills = 'magazzino' where id = ?")
                .param(worker).update();
        announced(worker);
        String tag = "K" + System.nanoTime();
        long novara = board.create(service, ranked(tag + " Novara", "4.3.1.2.0", "magazzino", null, "Novara", "NO",
                torino, ContractType.PERMANENT, null)).getId();
        long asti = board.create(service, ranked(tag + " Asti", "4.3.1.2.0", "magazzino", null, "Asti", "AT", torino,
                ContractType.PERMANENT, null)).getId();
        long chivasso = board.create(service, ranked(tag + " Chivasso", "4.3.1.2.0", "magazzino", null, "Chivasso",
                "TO", torino, ContractType.PERMANENT, null)).getId();
        long collegno = board.create(service, ranked(tag + " Collegno", "4.3.1.2.0", "magazzino", null, "Collegno",
                "TO", torino, ContractType.PERMANENT, null)).getId();
        long unknown = board.create(service, ranked(tag + " Altrove", "4.3.1.2.0", "magazzino", null, "Borgo Inventato",
                "TO", torino, ContractType.PERMANENT, null)).getId();

        List<Matching.VacancyMatch> mine = matching.forWorker(worker, 0, 10_000).getContent().stream()
                .filter(m -> m.profile().startsWith(tag)).toList();
        assertThat(mine).extracting(Matching.VacancyMatch::vacancyId)
                .containsExactly(collegno, chivasso, asti, unknown, novara);
        Map<Long, Matching.Fit> fits = mine.stream().collect(Collectors.toMap(Matching.VacancyMatch::vacancyId,
                Matching.VacancyMatch::fit));
        assertThat(fits.get(collegno).placePoints()).isEqualTo(15);
        assertThat(fits.get(collegno).roundedKm()).isEqualTo(7L);
        assertThat(fits.get(chivasso).placePoints()).isEqualTo(10);
        assertThat(fits.get(chivasso).roundedKm()).isEqualTo(23L);
        assertThat(fits.get(asti).placePoints()).isEqualTo(10);
        assertThat(fits.get(asti).roundedKm()).isEqualTo(44L);
        assertThat(fits.get(novara).placePoints()).isZero();
        assertThat(fits.get(novara).roundedKm()).isEqualTo(84L);
        assertThat(fits.get(unknown).placePoints()).as("by province, no distance").isEqualTo(10);
        assertThat(fits.get(unknown).distanceKm()).isNull();

        Matching.WorkerMatch fromChivasso = matching.forVacancy(user("master.torino"), chivasso, 0, 10_000).getContent()
                .stream().filter(m -> m.workerId() == worker).findFirst().orElseThrow();
        assertThat(fromChivasso.fit().roundedKm()).as("the same distance from the offer's side").isEqualTo(23L);
        assertThat(fromChivasso.fit().placePoints()).isEqualTo(10);
    }

    private static VacancyDetails ranked(String profile, String code, String skills, String area, String municipality,
            String province, long centre, ContractType contract, Integer months) {
        return new VacancyDetails(Dates.today(), profile, code, "CP2021", 1, "Azienda di prova", null, area, null, null,
                null, contract, months, skills, centre, VacancySource.CPI, null, null, null, null, municipality, province,
                null, null, null, null);
    }

    private List<MimeMessage> mails(String to, String subjectPart) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().equals(to) && m.getSubject().contains(subjectPart)) {
                found.add(m);
            }
        }
        return found;
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(MimeMessage m) throws Exception {
        return m.getContent().toString();
    }
}
