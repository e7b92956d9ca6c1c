package it.ricolloca.vacancies.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.agenda.AppointmentStatus;
import it.ricolloca.pathway.PathwayOutcome;
import it.ricolloca.pathway.Pathways;
import it.ricolloca.pathway.internal.PathwayStart;
import it.ricolloca.requests.internal.RequestQueries;
import it.ricolloca.requests.internal.RequestWorkflow;
import it.ricolloca.support.ClosedPathways;
import it.ricolloca.support.IntegrationTest;
import it.ricolloca.support.ReleasedWorkers;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The open pathways matching ranks for an offer (V85, {@link Candidates}) are the pathway module's open pathways,
 * CPI included, after every act that opens, moves or closes one, and again after a reconciliation when pathways
 * were written by SQL behind the events' back.
 */
@IntegrationTest
class CandidatesTest {

    @Autowired Candidates candidates;
    @Autowired Pathways pathways;
    @Autowired ReleasedWorkers released;
    @Autowired ClosedPathways closed;
    @Autowired PathwayStart start;
    @Autowired RequestWorkflow requests;
    @Autowired RequestQueries requestQueries;
    @Autowired JdbcClient jdbc;
    @Autowired MatchingTerms terms;

    @Test
    void theKeptListIsThePathwayModulesAfterEveryActAndAfterAReconciliation() {
        // Other classes of the suite write pathways by SQL: the list starts from a reconciliation.
        candidates.reconcile();
        assertKeptIsOpen("reconciled");
        assertThat(candidates.reconcile()).as("a second reconciliation finds nothing to do").isZero();

        CurrentUser master = released.user("master.torino");
        CurrentUser tutor = released.user("tutor.torino");
        long novaraOffice = released.office("master.novara").id();
        long request = released.release("master.torino", "Candidato", "Primo");
        released.releasedOn(request, LocalDate.of(2026, 10, 1));
        long first = start.recordPastFirstAppointment(tutor, request, LocalDate.of(2026, 10, 6), LocalTime.of(10, 0), 60,
                AppointmentStatus.HELD, null);
        assertKeptIsOpen("opened at the first appointment");
        assertThat(keptCentre(first)).isEqualTo(master.centreId());

        requests.changeProvider(master, request, requestQueries.load(master, request).getVersion(),
                new RequestWorkflow.ProviderChoice("CPI", novaraOffice, null));
        await().atMost(Duration.ofSeconds(20)).until(() -> !Objects.equals(keptCentre(first), master.centreId()));
        assertKeptIsOpen("moved to Novara");
        assertThat(keptCentre(first)).isEqualTo(released.user("master.novara").centreId());

        long second = closed.started(closed.newTorinoOffice(), "Candidato", "Secondo", 3);
        assertKeptIsOpen("opened by booking");
        closed.close(second, PathwayOutcome.WITHDRAWAL, null);
        assertKeptIsOpen("closed by the tutor");
        assertThat(keptCentre(second)).isNull();

        long other = released.release("master.torino", "Candidato", "Privato");
        released.releasedOn(other, LocalDate.of(2026, 10, 1));
        long third = start.recordPastFirstAppointment(tutor, other, LocalDate.of(2026, 10, 7), LocalTime.of(10, 0), 60,
                AppointmentStatus.HELD, null);
        requests.changeProvider(master, other, requestQueries.load(master, other).getVersion(),
                new RequestWorkflow.ProviderChoice("PRIVATE", null, "Agenzia Lavoro Più"));
        await().atMost(Duration.ofSeconds(20)).until(() -> keptCentre(third) == null);
        assertKeptIsOpen("closed by a change to a private agency");

        // Behind the events' back: a pathway closed and one moved by SQL are found by the reconciliation.
        jdbc.sql("update pathway_pathway set closed_on = current_date where id = ?").param(first).update();
        assertThat(candidates.reconcile()).isEqualTo(1);
        assertKeptIsOpen("reconciled after SQL writes");
        assertThat(keptCentre(first)).isNull();

        // A pathway opened while its worker's terms were first stored, in two transactions that did not see each
        // other, would keep an empty copy: ranked from the register meanwhile, corrected by the reconciliation.
        long fourth = closed.started(closed.newTorinoOffice(), "Candidato", "Quarto", 4);
        long worker = jdbc.sql("select worker_id from vacancies_candidate where pathway_id = ?").param(fourth)
                .query(Long.class).single();
        assertThat(jdbc.sql("select complete from vacancies_candidate where pathway_id = ?").param(fourth)
                .query(Boolean.class).single()).as("the copy is written with the pathway").isNotNull();
        jdbc.sql("""
                update vacancies_candidate set home_centre_id = null, prefix_set_id = null, place_id = null, complete = null,
                    name = null
                where pathway_id = ?""").param(fourth).update();
        assertThat(candidates.withoutTerms(null)).as("ranked from the register meanwhile").contains(worker);
        assertThat(candidates.reconcile()).isEqualTo(1);
        assertKeptIsOpen("copy corrected by the reconciliation");
        assertThat(candidates.withoutTerms(null)).doesNotContain(worker);

        // The worker's stored terms go (pseudonymisation): the copy is emptied with them.
        jdbc.sql("delete from vacancies_worker_terms where worker_id = ?").param(worker).update();
        assertKeptIsOpen("the worker's terms deleted");
        assertThat(candidates.withoutTerms(null)).contains(worker);
        terms.store(List.of(worker));
        assertKeptIsOpen("the worker's terms stored again");
        assertThat(candidates.withoutTerms(null)).doesNotContain(worker);

        // Written by SQL, behind the writer's back: a residence changed alone, a row inserted without its residence.
        jdbc.sql("""
                update vacancies_worker_terms set municipality = 'Località di Prova', latitude = 44.9, longitude = 8.2
                where worker_id = ?""").param(worker).update();
        assertKeptIsOpen("a residence changed by SQL");
        jdbc.sql("delete from vacancies_worker_terms where worker_id = ?").param(worker).update();
        jdbc.sql("""
                insert into vacancies_worker_terms (worker_id, tax_code, name, municipality, centre_id, prefixes, terms,
                    complete)
                values (?, 'XXXXXX00X00X000X', 'Quarto Candidato', 'Altra Località', null, '{}', '{}', false)""")
                .param(worker).update();
        assertKeptIsOpen("a row inserted by SQL");
        terms.store(List.of(worker));
        assertKeptIsOpen("stored again by the writer");
    }

    private Long keptCentre(long pathway) {
        return jdbc.sql("select centre_id from vacancies_candidate where pathway_id = ?").param(pathway).query(Long.class)
                .optional().orElse(null);
    }

    private void assertKeptIsOpen(String after) {
        List<String> kept = jdbc.sql("""
                select pathway_id || ':' || worker_id || ':' || centre_id from vacancies_candidate order by pathway_id""")
                .query(String.class).list();
        List<String> open = pathways.open(null).stream().map(p -> p.pathwayId() + ":" + p.workerId() + ":" + p.centreId())
                .toList();
        assertThat(kept).as(after).isEqualTo(open);
        assertThat(candidates.count(null)).as(after).isEqualTo(open.size());
        assertThat(differingCopies()).as(after + ": each candidate's copy of its worker's stored terms (V86)").isEmpty();
        assertThat(misplaced()).as(after + ": each stored worker's residence row").isEmpty();
    }

    /** The workers whose stored terms name no residence row, or one of another municipality or coordinates. */
    private List<Long> misplaced() {
        return jdbc.sql("""
                select t.worker_id from vacancies_worker_terms t
                left join vacancies_worker_place p on p.id = t.place_id
                where p.id is null or p.municipality is distinct from lower(t.municipality)
                    or p.latitude is distinct from t.latitude or p.longitude is distinct from t.longitude
                order by 1""").query(Long.class).list();
    }

    /** The candidates whose copy of the worker's terms differs from the stored terms (all null: none stored). */
    private List<Long> differingCopies() {
        return jdbc.sql("""
                select c.pathway_id from vacancies_candidate c
                left join vacancies_worker_terms t on t.worker_id = c.worker_id
                where (c.home_centre_id, c.prefix_set_id, c.place_id, c.complete, c.name)
                    is distinct from (t.centre_id, t.prefix_set_id, t.place_id, t.complete, t.name)
                order by 1""").query(Long.class).list();
    }
}
