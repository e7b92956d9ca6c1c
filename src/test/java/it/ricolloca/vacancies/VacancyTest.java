package it.ricolloca.vacancies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ricolloca.pathway.ContractType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The offer's status flow and rules, and the referral's evaluation, without a database. */
class VacancyTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    static VacancyDetails details() {
        return new VacancyDetails(TODAY.minusDays(3), "Magazziniere", "8.1.3.1.0", "CP2021", 2, "Logistica Srl",
                "01234567897", "Trasporti", "52.10", "2025", "Tempo determinato 6 mesi", ContractType.FIXED_TERM, 6,
                "Carrelli elevatori", 1L, VacancySource.CPI, null, null, null, null, "Torino", "to",
                new BigDecimal("40"), new BigDecimal("1400"), new BigDecimal("1600"), TODAY.plusDays(30));
    }

    static Stream<Arguments> everyMove() {
        return Stream.of(VacancyStatus.values()).flatMap(from -> Stream.of(VacancyStatus.values())
                .map(to -> Arguments.of(from, to)));
    }

    static final Set<List<VacancyStatus>> ALLOWED = Set.of(
            List.of(VacancyStatus.OPEN, VacancyStatus.IN_SELECTION), List.of(VacancyStatus.OPEN, VacancyStatus.FILLED),
            List.of(VacancyStatus.OPEN, VacancyStatus.CLOSED), List.of(VacancyStatus.OPEN, VacancyStatus.SUSPENDED),
            List.of(VacancyStatus.IN_SELECTION, VacancyStatus.OPEN),
            List.of(VacancyStatus.IN_SELECTION, VacancyStatus.FILLED),
            List.of(VacancyStatus.IN_SELECTION, VacancyStatus.CLOSED),
            List.of(VacancyStatus.IN_SELECTION, VacancyStatus.SUSPENDED),
            List.of(VacancyStatus.SUSPENDED, VacancyStatus.OPEN),
            List.of(VacancyStatus.SUSPENDED, VacancyStatus.IN_SELECTION),
            List.of(VacancyStatus.SUSPENDED, VacancyStatus.CLOSED));

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("everyMove")
    void statusMovesOnlyAlongTheFlow(VacancyStatus from, VacancyStatus to) {
        Vacancy v = new Vacancy(details(), from, Instant.now());
        if (ALLOWED.contains(List.of(from, to))) {
            v.moveTo(to, Instant.now());
            assertThat(v.getStatus()).isEqualTo(to);
        } else {
            assertThatThrownBy(() -> v.moveTo(to, Instant.now())).isInstanceOf(VacancyRefusedException.class)
                    .hasMessage("vacancy.status.illegal");
            assertThat(v.getStatus()).isEqualTo(from);
        }
    }

    @Test
    void filledAndClosedAreFinalAndOnlyOpenOffersTakeCandidates() {
        assertThat(VacancyStatus.FILLED.next()).isEmpty();
        assertThat(VacancyStatus.CLOSED.next()).isEmpty();
        assertThat(EnumSet.allOf(VacancyStatus.class).stream().filter(VacancyStatus::takesReferrals))
                .containsExactlyInAnyOrder(VacancyStatus.OPEN, VacancyStatus.IN_SELECTION);
    }

    @Test
    void validDetailsHaveNoProblemAndAreNormalised() {
        VacancyDetails d = details();
        assertThat(d.problems(TODAY)).isEmpty();
        assertThat(d.workplaceProvince()).isEqualTo("TO");
        assertThat(d.weeklyHours()).isEqualByComparingTo("40.0");
        Vacancy v = new Vacancy(d, VacancyStatus.OPEN, Instant.now());
        assertThat(v.apply(details(), Instant.now())).as("same details change nothing").isFalse();
    }

    @Test
    void everyBrokenRuleNamesItsField() {
        VacancyDetails d = new VacancyDetails(TODAY.plusDays(1), " ", "8-1-3", null, 0, "", "12345678901", null, "XX",
                null, null, ContractType.PERMANENT, 6, "x".repeat(4001), null, VacancySource.CPI, null, null,
                "non-una-mail", null, null, "Torino", new BigDecimal("70"), new BigDecimal("2000"),
                new BigDecimal("1000"), TODAY.minusDays(5));
        assertThat(d.problems(TODAY).stream().map(VacancyDetails.Problem::field)).containsExactly("arrivedOn", "profile",
                "professionCode", "positions", "companyName", "companyTaxCode", "atecoCode", "contractMonths", "skills",
                "centreId", "referentEmail", "workplaceProvince", "weeklyHours", "salaryMax", "closingOn");
    }

    @Test
    void aPersonalCodiceFiscaleIsAcceptedForASoleTrader() {
        String cf = it.ricolloca.support.TestCodes.random(new java.util.Random(7));
        VacancyDetails d = details().withReferent(null, null, null);
        VacancyDetails sole = new VacancyDetails(d.arrivedOn(), d.profile(), d.professionCode(), d.professionClassification(),
                d.positions(), d.companyName(), cf, d.economicArea(), d.atecoCode(), d.atecoVersion(),
                d.contractProposal(), d.contractType(), d.contractMonths(), d.skills(), d.centreId(), d.source(), null,
                null, null, null, d.workplaceMunicipality(), d.workplaceProvince(), d.weeklyHours(), d.salaryMin(),
                d.salaryMax(), d.closingOn());
        assertThat(sole.problems(TODAY)).isEmpty();
    }

    @Test
    void controlCharactersAndBidiMarksAreRemoved() {
        VacancyDetails d = new VacancyDetails(TODAY, "Mag\u0000azz\u202Einiere\u200F", null, null, 1, "Ditta", null, null,
                null, null, null, null, null, null, 1L, VacancySource.CPI, null, null, null, null, null, null, null, null,
                null, null);
        assertThat(d.profile()).isEqualTo("Magazziniere");
    }

    @Test
    void aReferralMovesAlongTheEvaluationAndNotSelectedNeedsAReason() {
        Referral r = new Referral(1, 2, 3, 4, " nota ", Instant.now());
        assertThat(r.getNote()).isEqualTo("nota");
        assertThatThrownBy(() -> r.record(ReferralStatus.HIRED, null, Instant.now()))
                .hasMessage("referral.status.illegal");
        r.record(ReferralStatus.SENT_TO_COMPANY, null, Instant.now());
        r.record(ReferralStatus.INTERVIEW, null, Instant.now());
        assertThatThrownBy(() -> r.record(ReferralStatus.NOT_SELECTED, " ", Instant.now()))
                .hasMessage("referral.error.reason");
        r.record(ReferralStatus.NOT_SELECTED, "Profilo non adatto", Instant.now());
        assertThat(r.getStatus().isFinal()).isTrue();
        for (ReferralStatus next : ReferralStatus.values()) {
            assertThatThrownBy(() -> r.record(next, "x", Instant.now())).isInstanceOf(VacancyRefusedException.class);
        }
    }
}
