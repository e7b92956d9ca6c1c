package it.ricolloca.vacancies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.audit.AuditRecord;
import it.ricolloca.audit.AuditTrail;
import it.ricolloca.pathway.PathwaySection;
import it.ricolloca.pathway.PathwayTab;
import it.ricolloca.pathway.internal.PathwayWork;
import it.ricolloca.shared.DomainException;
import it.ricolloca.shared.NotFoundException;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.support.ClosedPathways;
import it.ricolloca.support.IntegrationTest;
import it.ricolloca.support.ReleasedWorkers;
import it.ricolloca.vacancies.internal.Referrals;
import it.ricolloca.vacancies.internal.VacancyBoard;
import it.ricolloca.vacancies.internal.WorkerOffers;
import it.ricolloca.vacancies.internal.WorkerOffers.InterestRow;
import it.ricolloca.vacancies.internal.WorkerOffers.Offer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * The offers ranked for the worker with the reasons, and "mi interessa": the interest reaches the pathway's
 * page for the tutor, who proposes the worker (then it reads as proposed) or sets it aside with a reason the
 * worker reads; once per offer; the worker as actor in the audit trail; another CPI does not see it.
 */
@IntegrationTest
class WorkerOffersTest {

    @Autowired ReleasedWorkers released;
    @Autowired ClosedPathways closed;
    @Autowired PathwayWork work;
    @Autowired WorkerOffers offers;
    @Autowired VacancyBoard board;
    @Autowired Referrals referrals;
    @Autowired AuditTrail audit;
    @Autowired List<PathwaySection.Provider> sections;

    private long vacancy(String profile) {
        return board.create(released.user("referente.torino"), new VacancyDetails(Dates.today(), profile, null, null, 1,
                "Azienda Interessi", null, null, null, null, null, null, null, null, released.user("master.torino").centreId(),
                VacancySource.CPI, null, null, null, null, null, null, null, null, null, null)).getId();
    }

    private static String keyOf(Runnable act) {
        try {
            act.run();
        } catch (DomainException e) {
            return e.messageKey();
        }
        return null;
    }

    @Test
    void anInterestReachesTheTutorWhoProposesTheWorkerOrSetsItAsideWithAReason() {
        CurrentUser master = released.user("master.torino");
        CurrentUser tutor = released.user("tutor.torino");
        long pathway = closed.started(closed.newTorinoOffice(), "Interesse", "Fiorenza", 2);
        long worker = work.get(master, pathway).getWorkerId();
        String actor = "lavoratore:FIORENZA";
        long proposed = vacancy("Addetta alle vendite interessi");
        long aside = vacancy("Cassiera interessi");

        offers.interested(worker, actor, proposed);
        VacancyInterest second = offers.interested(worker, actor, aside);
        assertThat(keyOf(() -> offers.interested(worker, actor, proposed))).isEqualTo("interest.error.already");
        assertThat(offers.ofWorker(worker)).extracting(InterestRow::vacancyId, InterestRow::state).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(proposed, VacancyInterest.State.PENDING),
                org.assertj.core.groups.Tuple.tuple(aside, VacancyInterest.State.PENDING));
        assertThat(audit.history("Vacancy", proposed, 10)).extracting(AuditRecord::action, AuditRecord::actor)
                .contains(org.assertj.core.groups.Tuple.tuple("WORKER_OFFER_INTEREST", actor));

        // the tutor sees both on the pathway's page (offers tab); another CPI sees nothing
        PathwaySection section = sections.stream().filter(p -> p.tab() == PathwayTab.OFFERS)
                .map(p -> p.section(tutor, pathway, worker)).filter(s -> s != null && s.id().equals("interests"))
                .findFirst().orElseThrow();
        assertThat(section.lines()).hasSize(2).allMatch(l -> l.status().equals("Da decidere"));
        assertThat(section.lines()).extracting(PathwaySection.Line::text).anyMatch(t -> t.contains("Cassiera interessi"));
        assertThat(offers.ofPathway(released.user("master.novara"), pathway)).isEmpty();
        assertThatThrownBy(() -> offers.interest(released.user("master.novara"), second.getId()))
                .isInstanceOf(NotFoundException.class);

        // proposed through the existing proposal: the interest reads as proposed and can no longer be set aside
        referrals.propose(master, proposed, pathway, "segnalata dal lavoratore");
        InterestRow p = offers.ofWorker(worker).stream().filter(r -> r.vacancyId() == proposed).findFirst().orElseThrow();
        assertThat(p.state()).isEqualTo(VacancyInterest.State.PROPOSED);
        assertThat(keyOf(() -> offers.setAside(master, p.id(), p.version(), "non adatta"))).isEqualTo("interest.error.decided");

        // set aside with a reason, by the CPI's staff who propose (not by the CPI's vacancy referent)
        assertThatThrownBy(() -> offers.setAside(released.user("referente.torino"), second.getId(), second.getVersion(), "no"))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(keyOf(() -> offers.setAside(master, second.getId(), second.getVersion(), " ")))
                .isEqualTo("interest.error.reason");
        offers.setAside(master, second.getId(), second.getVersion(), "Richiesta esperienza di cassa di due anni");
        InterestRow a = offers.ofWorker(worker).stream().filter(r -> r.vacancyId() == aside).findFirst().orElseThrow();
        assertThat(a.state()).isEqualTo(VacancyInterest.State.SET_ASIDE);
        assertThat(a.setAsideReason()).isEqualTo("Richiesta esperienza di cassa di due anni");
    }

    @Test
    void theRankedOffersCarryTheWorkersInterest() {
        long pathway = closed.started(closed.newTorinoOffice(), "Classifica", "Gioconda", 2);
        long worker = work.get(released.user("master.torino"), pathway).getWorkerId();
        long v = vacancy("Magazziniera classifica");
        offers.interested(worker, "lavoratore:GIOCONDA", v);
        Optional<Offer> found = Optional.empty();
        for (int page = 0; page < 100 && found.isEmpty(); page++) {
            var p = offers.ranked(worker, page, 50);
            found = p.getContent().stream().filter(o -> o.match().vacancyId() == v).findFirst();
            if (!p.hasNext()) {
                break;
            }
        }
        assertThat(found).isPresent();
        assertThat(found.get().state()).isEqualTo(VacancyInterest.State.PENDING);
        assertThat(found.get().match().fit()).isNotNull();
        assertThatThrownBy(() -> offers.interested(worker, "lavoratore:GIOCONDA", Long.MAX_VALUE))
                .isInstanceOf(NotFoundException.class);
    }
}
