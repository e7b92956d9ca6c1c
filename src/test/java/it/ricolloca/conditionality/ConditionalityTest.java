package it.ricolloca.conditionality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.shared.NotFoundException;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.support.IntegrationTest;
import it.ricolloca.support.ReleasedWorkers;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** The ladders at the first, second and third breach, justified breaches that do not count, rights and the CSV. */
@IntegrationTest
class ConditionalityTest {

    @Autowired Conditionality conditionality;
    @Autowired ReleasedWorkers released;
    @Autowired JdbcClient jdbc;

    @Test
    void everyLadderAtTheFirstSecondAndThirdBreach() {
        assertThat(Ladder.APPOINTMENT.proposal(0)).isEqualTo(Sanction.CUT_QUARTER_MONTH);
        assertThat(Ladder.APPOINTMENT.proposal(1)).isEqualTo(Sanction.CUT_ONE_MONTH);
        assertThat(Ladder.APPOINTMENT.proposal(2)).isEqualTo(Sanction.LOSS_OF_BENEFIT);
        assertThat(Ladder.APPOINTMENT.proposal(7)).isEqualTo(Sanction.LOSS_OF_BENEFIT);
        assertThat(Ladder.ORIENTATION.proposal(0)).isEqualTo(Sanction.CUT_QUARTER_MONTH);
        assertThat(Ladder.ORIENTATION.proposal(1)).isEqualTo(Sanction.CUT_ONE_MONTH);
        assertThat(Ladder.ORIENTATION.proposal(2)).isEqualTo(Sanction.LOSS_OF_BENEFIT);
        assertThat(Ladder.TRAINING.proposal(0)).isEqualTo(Sanction.CUT_ONE_MONTH);
        assertThat(Ladder.TRAINING.proposal(1)).isEqualTo(Sanction.LOSS_OF_BENEFIT);
        assertThat(Ladder.TRAINING.proposal(2)).isEqualTo(Sanction.LOSS_OF_BENEFIT);
        assertThat(Ladder.OFFER.proposal(0)).isEqualTo(Sanction.LOSS_OF_BENEFIT);
        assertThat(Ladder.LATE_REQUEST.proposal(0)).isEqualTo(Sanction.LOSS_OF_BENEFIT);
    }

    @Test
    void theCompetentCentreClimbsTheLadderAndAJustifiedBreachDoesNotCount() {
        CurrentUser master = released.user("master.torino");
        long request = released.release("master.torino", "Scala", "Ivo");
        long worker = jdbc.sql("select worker_id from requests_voucher_request where id = ?").param(request)
                .query(Long.class).single();

        Breach justified = report(worker, request, BreachKind.MISSED_APPOINTMENT);
        assertThatThrownBy(() -> conditionality.applySanction(master, justified.getId(), justified.getVersion(),
                Sanction.CUT_QUARTER_MONTH, null)).hasMessage("conditionality.windowOpen");
        conditionality.recordJustification(released.user("operatore.torino"), justified.getId(), justified.getVersion(),
                "certificato medico", Dates.today());
        conditionality.acceptJustification(master, justified.getId(), version(justified.getId()), "certificato valido");
        assertThat(conditionality.get(master, justified.getId()).getStatus()).isEqualTo(BreachStatus.JUSTIFIED);

        assertThat(decide(master, worker, request, BreachKind.MISSED_APPOINTMENT)).isEqualTo(Sanction.CUT_QUARTER_MONTH);
        assertThat(decide(master, worker, request, BreachKind.MISSED_APPOINTMENT)).isEqualTo(Sanction.CUT_ONE_MONTH);
        assertThat(decide(master, worker, request, BreachKind.MISSED_APPOINTMENT)).isEqualTo(Sanction.LOSS_OF_BENEFIT);
        // Issue 18: this test used to expect a quarter cut for a missed orientation after the decadenza.
        // Decadenza ends everything (DOMAIN.md section 5): the later breach is recorded, no sanction is proposed.
        Breach after = report(worker, request, BreachKind.MISSED_ORIENTATION);
        conditionality.recordJustification(master, after.getId(), after.getVersion(), "nessun motivo", Dates.today());
        assertThat(conditionality.proposal(conditionality.get(master, after.getId()))).as("the ladder stops").isNull();
        assertThatThrownBy(() -> conditionality.applySanction(master, after.getId(), version(after.getId()),
                Sanction.CUT_QUARTER_MONTH, "comunque")).hasMessage("conditionality.afterDecadenza");

        long request2 = released.release("master.torino", "Scala", "Ada");
        long worker2 = jdbc.sql("select worker_id from requests_voucher_request where id = ?").param(request2)
                .query(Long.class).single();
        assertThat(decide(master, worker2, request2, BreachKind.MISSED_ORIENTATION))
                .as("another ladder starts from its first step").isEqualTo(Sanction.CUT_QUARTER_MONTH);
        Breach override = report(worker2, request2, BreachKind.MISSED_ORIENTATION);
        conditionality.recordJustification(master, override.getId(), override.getVersion(), "nessun motivo", Dates.today());
        assertThatThrownBy(() -> conditionality.applySanction(master, override.getId(), version(override.getId()),
                Sanction.CUT_QUARTER_MONTH, " ")).hasMessage("conditionality.override.reason");
        conditionality.applySanction(master, override.getId(), version(override.getId()), Sanction.CUT_QUARTER_MONTH,
                "prima assenza dopo mesi di puntualità");
        Breach decided = conditionality.get(master, override.getId());
        assertThat(decided.getProposedSanction()).isEqualTo(Sanction.CUT_ONE_MONTH);
        assertThat(decided.getSanction()).isEqualTo(Sanction.CUT_QUARTER_MONTH);
        assertThatThrownBy(() -> conditionality.acceptJustification(master, override.getId(), version(override.getId()),
                "ripensamento")).hasMessage("conditionality.decided");
        assertThat(decide(master, worker2, request2, BreachKind.MISSED_TRAINING)).isEqualTo(Sanction.CUT_ONE_MONTH);
        assertThat(conditionality.proposal(report(worker2, request2, BreachKind.REFUSED_OFFER)))
                .isEqualTo(Sanction.LOSS_OF_BENEFIT);

        String csv = conditionality.decisionsCsv(master, LocalDate.of(2015, 1, 1), Dates.today(), k -> k);
        assertThat(csv).contains("DECURTAZIONE_1_4;DECURTAZIONE_1_MENSILITA", "prima assenza dopo mesi di puntualità",
                "conditionality.status.JUSTIFIED");
    }

    @Test
    void onlyTheCompetentCentreSeesAndOnlyItsMasterOrADelegatedOperatorDecides() {
        long request = released.release("master.torino", "Diritti", "Lia");
        long worker = jdbc.sql("select worker_id from requests_voucher_request where id = ?").param(request)
                .query(Long.class).single();
        Breach b = report(worker, request, BreachKind.MISSED_APPOINTMENT);
        CurrentUser operator = released.user("operatore.torino");
        conditionality.recordJustification(operator, b.getId(), b.getVersion(), "nessuna", Dates.today());
        assertThatThrownBy(() -> conditionality.applySanction(operator, b.getId(), version(b.getId()),
                Sanction.CUT_QUARTER_MONTH, null)).as("no conditionality delegation").isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> conditionality.get(released.user("master.novara"), b.getId()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> conditionality.applySanction(released.user("tutor.torino"), b.getId(), version(b.getId()),
                Sanction.CUT_QUARTER_MONTH, null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> conditionality.reportForPrivateProvider(released.user("master.novara"),
                released.taxCodeOf(request), "Agenzia Privata", BreachKind.REFUSED_OFFER, Dates.today(), "rifiuto"))
                .hasMessage("conditionality.notOurWorker");
        Breach privateReport = conditionality.reportForPrivateProvider(released.user("master.torino"),
                released.taxCodeOf(request), "Agenzia Lavoro Più", BreachKind.REFUSED_OFFER, Dates.today(),
                "rifiuto dell'offerta del 3 novembre");
        assertThat(privateReport.getProvider()).isEqualTo("Agenzia Lavoro Più");
    }

    private Sanction decide(CurrentUser master, long worker, long request, BreachKind kind) {
        Breach b = report(worker, request, kind);
        conditionality.recordJustification(master, b.getId(), b.getVersion(), "nessun motivo valido", Dates.today());
        Sanction proposal = conditionality.proposal(conditionality.get(master, b.getId()));
        conditionality.applySanction(master, b.getId(), version(b.getId()), proposal, null);
        return proposal;
    }

    private Breach report(long worker, long request, BreachKind kind) {
        return conditionality.reportFromProvider("tutor.torino", worker, request, "CPI Torino – via Bologna", kind,
                Dates.today().minusDays(1), "non si è presentato all'incontro del giorno prima");
    }

    private long version(long id) {
        return conditionality.get(released.user("master.torino"), id).getVersion();
    }
}
