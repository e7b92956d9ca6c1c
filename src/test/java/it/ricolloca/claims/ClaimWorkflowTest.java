package it.ricolloca.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.claims.internal.ClaimRepository;
import it.ricolloca.claims.internal.ClaimWork;
import it.ricolloca.documents.DocumentKind;
import it.ricolloca.documents.Upload;
import it.ricolloca.pathway.ContractType;
import it.ricolloca.pathway.Pathway;
import it.ricolloca.pathway.PathwayClosed;
import it.ricolloca.pathway.PathwayOutcome;
import it.ricolloca.pathway.ServiceTimesheetActivity;
import it.ricolloca.pathway.internal.PathwayWork;
import it.ricolloca.pathway.internal.Timesheets;
import it.ricolloca.shared.NotFoundException;
import it.ricolloca.shared.acts.StaleFormException;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.support.ClosedPathways;
import it.ricolloca.support.IntegrationTest;
import it.ricolloca.support.ReleasedWorkers;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * Claims prepared by closing real pathways in an office of their own (so the office cap counts
 * only this test's claims): the success fee with the profiling index, the Fee4Service with its
 * hours cap and the office cap, the lifecycle, the rights and the audit.
 */
@IntegrationTest
class ClaimWorkflowTest {

    private static final String VAT = ClosedPathways.VAT;

    @Autowired ReleasedWorkers released;
    @Autowired PathwayWork pathways;
    @Autowired Timesheets pathwayTimesheets;
    @Autowired ClosedPathways closed;
    @Autowired ClaimWork work;
    @Autowired ClaimRepository claims;
    @Autowired JdbcClient jdbc;

    private CurrentUser master;
    private CurrentUser operator;
    private CurrentUser tutor;
    private CurrentUser adr;
    private long office;
    private int day;

    @BeforeEach
    void officeOfItsOwn() {
        master = released.user("master.torino");
        operator = released.user("operatore.torino");
        tutor = released.user("tutor.torino");
        adr = released.user("adr.regione");
        office = closed.newTorinoOffice();
        day = 40;
    }

    @Test
    void aHireGivesASuccessClaimWhoseAmountFollowsTheProfilingIndexThenItIsReviewedSubmittedAndPaid() {
        long pathway = started("Successo", "Sara");
        LocalDate start = Dates.today().minusDays(3);
        close(pathway, PathwayOutcome.HIRED, new Pathway.Hire("Officine Srl", VAT, ContractType.PERMANENT,
                new BigDecimal("38"), start, null));
        Claim c = claimOf(pathway);
        assertThat(c.getKind()).isEqualTo(ClaimKind.SUCCESS);
        assertThat(c.getStatus()).isEqualTo(ClaimStatus.PREPARED);
        assertThat(c.getBand()).isEqualTo(TariffBand.PERMANENT);
        assertThat(c.getTariffDate()).as("tariffs of the hire's start").isEqualTo(start);
        assertThat(c.getMinimumAmount()).isEqualByComparingTo("1000");
        assertThat(c.getMaximumAmount()).isEqualByComparingTo("5000");
        assertThat(c.getAmount()).as("no profiling index yet").isNull();
        assertThat(work.prepare(event(pathway))).as("prepared once").get().extracting(Claim::getId).isEqualTo(c.getId());

        long id = c.getId();
        assertThatThrownBy(() -> work.review(operator, id, c.getVersion())).hasMessage("claim.missing.profiling");
        assertThatThrownBy(() -> work.recordProfiling(operator, id, c.getVersion(), new BigDecimal("1.5")))
                .hasMessage("claim.profiling.invalid");
        assertThatThrownBy(() -> work.recordProfiling(operator, id, c.getVersion(), new BigDecimal("-0.1")))
                .hasMessage("claim.profiling.invalid");
        assertThatThrownBy(() -> work.recordProfiling(operator, id, c.getVersion() + 7, new BigDecimal("0.8")))
                .isInstanceOf(StaleFormException.class);
        assertThatThrownBy(() -> work.recordProfiling(tutor, id, c.getVersion(), new BigDecimal("0.8"))).as("tutors do not handle claims")
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> work.get(released.user("master.novara"), id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> work.get(released.user("referente.torino"), id)).isInstanceOf(NotFoundException.class);
        assertThat(claims.findById(id).orElseThrow().getProfilingIndex()).as("nothing changed").isNull();

        work.recordProfiling(operator, id, version(id), new BigDecimal("0.8"));
        assertThat(claims.findById(id).orElseThrow().getAmount()).isEqualByComparingTo("3400.00");
        work.review(operator, id, version(id));
        assertThatThrownBy(() -> work.recordProfiling(operator, id, version(id), new BigDecimal("0.9")))
                .hasMessage("claim.status.wrong.PREPARED");
        assertThatThrownBy(() -> work.submit(operator, id, version(id))).as("the master submits")
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> work.recordPayment(adr, id, version(id), new BigDecimal("3400"), Dates.today()))
                .hasMessage("claim.status.wrong.SUBMITTED");
        work.submit(master, id, version(id));
        assertThatThrownBy(() -> work.recordPayment(adr, id, version(id), new BigDecimal("3400.01"), Dates.today()))
                .hasMessage("claim.payment.amount");
        assertThatThrownBy(() -> work.recordPayment(adr, id, version(id), new BigDecimal("3400"), Dates.today().plusDays(1)))
                .hasMessage("claim.decision.date");
        assertThatThrownBy(() -> work.recordPayment(released.user("regione"), id, version(id), new BigDecimal("3400"), Dates.today()))
                .isInstanceOf(AccessDeniedException.class);
        work.recordPayment(adr, id, version(id), new BigDecimal("3400.00"), Dates.today());

        Claim paid = claims.findById(id).orElseThrow();
        assertThat(paid.getStatus()).isEqualTo(ClaimStatus.PAID);
        assertThat(paid.getPaidAmount()).isEqualByComparingTo("3400");
        assertThat(paid.getReviewedBy()).isEqualTo("operatore.torino");
        assertThat(paid.getSubmittedBy()).isEqualTo("master.torino");
        assertThat(paid.getDecidedBy()).isEqualTo("adr.regione");
        assertThat(jdbc.sql("select action from audit_entry where record_type = 'Claim' and record_id = ? order by id")
                .param(String.valueOf(id)).query(String.class).list()).containsExactly("CLAIM_PREPARED", "CLAIM_PROFILING",
                "CLAIM_REVIEWED", "CLAIM_SUBMITTED", "CLAIM_PAID");
    }

    @Test
    void withoutAJobTheFeeForServicePaysUpToThreeHoursAWorkerAndTheOfficeUpToNineHoursASuccess() {
        long hired = started("Assunto", "Ugo");
        jdbc.sql("update workers_worker set profiling_index = 0.8 where id = (select worker_id from pathway_pathway"
                + " where id = ?)").param(hired).update();
        close(hired, PathwayOutcome.HIRED, new Pathway.Hire("Logistica Srl", VAT, ContractType.FIXED_TERM,
                new BigDecimal("20"), Dates.today().minusDays(1), 12));
        assertThat(claimOf(hired).getBand()).isEqualTo(TariffBand.FIXED_6_MONTHS);
        assertThat(claimOf(hired).getProfilingIndex()).as("the index on record in the register").isEqualByComparingTo("0.8");
        // 500 + (0.8 − 0.5) × 2 × (2500 − 500)
        assertThat(claimOf(hired).getAmount()).isEqualByComparingTo("1700.00");
        assertThat(work.officeCap(office).allowedHours()).isEqualByComparingTo("9");

        long[] ids = new long[4];
        for (int i = 0; i < ids.length; i++) {
            long p = started("Senzalavoro" + (char) ('A' + i), "Nina");
            pathwayTimesheets.addHours(tutor, p, pathwayVersion(p), ServiceTimesheetActivity.GUIDANCE, Dates.today().minusDays(2),
                    new BigDecimal("4"), null);
            if (i == 0) {
                pathways.upload(tutor, p, DocumentKind.TIMESHEET_SIGNED, null, new Upload("timesheet.pdf", pdf()));
                pathways.upload(tutor, p, DocumentKind.PACT_SIGNED, null, new Upload("patto.pdf", pdf()));
            }
            close(p, PathwayOutcome.NOT_HIRED_AT_TERM, null);
            Claim c = claimOf(p);
            assertThat(c.getKind()).isEqualTo(ClaimKind.FEE_FOR_SERVICE);
            assertThat(c.getServiceHours()).isEqualByComparingTo("4");
            assertThat(c.getClaimedHours()).as("hours cap per worker").isEqualByComparingTo("3");
            assertThat(c.getAmount()).isEqualByComparingTo("106.50");
            ids[i] = c.getId();
        }
        assertThat(claims.findById(ids[0]).orElseThrow().missing()).as("signed copies taken from the dossier").isEmpty();
        assertThat(claims.findById(ids[1]).orElseThrow().missing())
                .containsExactly("claim.missing.timesheet", "claim.missing.pact");
        assertThatThrownBy(() -> work.review(operator, ids[1], version(ids[1]))).hasMessage("claim.missing.timesheet");
        assertThatThrownBy(() -> work.attach(operator, ids[1], version(ids[1]), DocumentKind.CV,
                new Upload("cv.pdf", pdf()))).hasMessage("claim.attachment.kind");
        for (int i = 1; i < ids.length; i++) {
            work.attach(operator, ids[i], version(ids[i]), DocumentKind.TIMESHEET_SIGNED, new Upload("ts.pdf", pdf()));
            work.attach(operator, ids[i], version(ids[i]), DocumentKind.PACT_SIGNED, new Upload("patto.pdf", pdf()));
        }
        for (long id : ids) {
            work.review(operator, id, version(id));
        }
        for (int i = 0; i < 3; i++) {
            work.submit(master, ids[i], version(ids[i]));
        }
        assertThat(work.officeCap(office).claimedHours()).isEqualByComparingTo("9");
        assertThatThrownBy(() -> work.submit(master, ids[3], version(ids[3]))).as("office cap: 9 hours for 1 success")
                .hasMessage("claim.officeCap");
        assertThat(claims.findById(ids[3]).orElseThrow().getStatus()).isEqualTo(ClaimStatus.REVIEWED);

        assertThatThrownBy(() -> work.recordRefusal(adr, ids[2], version(ids[2]), " ", Dates.today()))
                .hasMessage("claim.refusal.reason");
        work.recordRefusal(adr, ids[2], version(ids[2]), "Timesheet non leggibile", Dates.today());
        assertThat(work.officeCap(office).claimedHours()).as("a refused claim frees its hours").isEqualByComparingTo("6");
        work.submit(master, ids[3], version(ids[3]));
        assertThat(claims.findById(ids[3]).orElseThrow().getStatus()).isEqualTo(ClaimStatus.SUBMITTED);
    }

    @Test
    void aShortContractOutsideTheBandsIsClaimedAsFeeForServiceAndNoHoursMeanNoClaim() {
        long p = started("Breve", "Ivo");
        pathwayTimesheets.addHours(tutor, p, pathwayVersion(p), ServiceTimesheetActivity.RECEPTION, Dates.today().minusDays(5),
                new BigDecimal("1.5"), null);
        close(p, PathwayOutcome.HIRED, new Pathway.Hire("Stagionale Srl", VAT, ContractType.FIXED_TERM,
                new BigDecimal("30"), Dates.today().minusDays(1), 4));
        Claim c = claimOf(p);
        assertThat(c.getKind()).isEqualTo(ClaimKind.FEE_FOR_SERVICE);
        assertThat(c.getExplanation()).isEqualTo("claim.explanation.noBand");
        assertThat(c.getAmount()).isEqualByComparingTo("53.25");

        PathwayClosed noHours = new PathwayClosed(-1, -1, -1, master.centreId(), office, PathwayOutcome.WITHDRAWAL,
                Dates.today(), null, null, null, BigDecimal.ZERO, null, "tutor.torino");
        assertThat(work.prepare(noHours)).isEmpty();
    }

    private Claim claimOf(long pathway) {
        return closed.claimOf(pathway);
    }

    private PathwayClosed event(long pathway) {
        Pathway p = pathways.get(master, pathway);
        return new PathwayClosed(p.getId(), p.getRequestId(), p.getWorkerId(), p.getCentreId(), p.getOfficeId(),
                p.getOutcome(), p.getClosedOn(), p.getHireContract(), p.getHireStart(), p.getHireDurationMonths(),
                p.totalHours(), p.getTimesheetSignedOn(), "tutor.torino");
    }

    private long started(String lastName, String firstName) {
        return closed.started(office, lastName, firstName, ++day);
    }

    private void close(long pathway, PathwayOutcome outcome, Pathway.Hire hire) {
        closed.close(pathway, outcome, hire);
    }

    private long pathwayVersion(long pathway) {
        return closed.version(pathway);
    }

    private long version(long claim) {
        return claims.findById(claim).orElseThrow().getVersion();
    }

    private static byte[] pdf() {
        return ClosedPathways.pdf();
    }
}
