package it.ricolloca.pathway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/** The six months of a pathway: planned end, one extension, suspensions and resumption, closing, meetings. */
class PathwayLifecycleTest {

    static final LocalDate START = LocalDate.of(2026, 1, 12);
    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    static Pathway started() {
        Pathway p = new Pathway(1, 2, 3, 4, NOW);
        ReflectionTestUtils.setField(p, "id", 10L);
        p.start(START);
        p.start(START.plusDays(3));
        return p;
    }

    @Test
    void plannedEndIsSixMonthsThenExtendedOnceForAReason() {
        Pathway p = started();
        assertThat(p.getStartedOn()).as("the first start stays").isEqualTo(START);
        assertThat(p.plannedEnd(6, TODAY)).isEqualTo(LocalDate.of(2026, 7, 12));
        assertThatThrownBy(() -> p.extend(TODAY, 6, " ")).hasMessage("pathway.reason.required");
        p.extend(LocalDate.of(2026, 7, 1), 6, "Percorso formativo in corso");
        assertThat(p.plannedEnd(6, TODAY)).isEqualTo(LocalDate.of(2027, 1, 12));
        assertThatThrownBy(() -> p.extend(TODAY, 6, "ancora")).hasMessage("pathway.extend.once");
        assertThat(new Pathway(1, 2, 3, 4, NOW).plannedEnd(6, TODAY)).isNull();
        assertThatThrownBy(() -> new Pathway(1, 2, 3, 4, NOW).extend(TODAY, 6, "x")).hasMessage("pathway.notStarted");
    }

    @Test
    void aFixedTermJobSuspendsTheServiceWhichResumesWithinSixMonthsAndTheEndMovesOn() {
        Pathway p = started();
        assertThatThrownBy(() -> p.suspend(LocalDate.of(2026, 3, 2), ContractType.PERMANENT, "Logistica Srl", null, "t", TODAY))
                .hasMessage("pathway.suspend.contract");
        assertThatThrownBy(() -> p.suspend(START.minusDays(1), ContractType.FIXED_TERM, "Logistica Srl", null, "t", TODAY))
                .hasMessage("pathway.date.range");
        p.suspend(LocalDate.of(2026, 3, 2), ContractType.FIXED_TERM, "Logistica Srl", "tre mesi", "tutor", TODAY);
        assertThat(p.isSuspended()).isTrue();
        assertThatThrownBy(() -> p.suspend(LocalDate.of(2026, 3, 3), ContractType.PROBATION, "Altra", null, "t", TODAY))
                .hasMessage("pathway.suspend.already");
        assertThatThrownBy(() -> p.resume(LocalDate.of(2026, 9, 3), 6, TODAY)).hasMessage("pathway.resume.late");
        p.resume(LocalDate.of(2026, 6, 1), 6, TODAY);
        assertThat(p.isSuspended()).isFalse();
        // 91 days suspended (2 March to 1 June) move the planned end on.
        assertThat(p.plannedEnd(6, TODAY)).isEqualTo(LocalDate.of(2026, 7, 12).plusDays(91));
        assertThatThrownBy(() -> p.resume(TODAY, 6, TODAY)).hasMessage("pathway.resume.notSuspended");

        Pathway probation = started();
        probation.suspend(LocalDate.of(2026, 2, 1), ContractType.PROBATION, "Negozio", null, "t", TODAY);
        probation.resume(LocalDate.of(2026, 8, 1), 6, TODAY);
        assertThat(probation.getSuspensions()).singleElement()
                .satisfies(s -> assertThat(s.days(TODAY)).isEqualTo(181));
        Pathway still = started();
        still.suspend(LocalDate.of(2026, 11, 20), ContractType.PROBATION, "Negozio", null, "t", TODAY);
        assertThat(still.plannedEnd(6, TODAY)).as("an open suspension counts up to today")
                .isEqualTo(LocalDate.of(2026, 7, 12).plusDays(7));
    }

    @Test
    void aClosedPathwayIsReadOnlyAndAHireNeedsItsDetails() {
        Pathway p = started();
        assertThatThrownBy(() -> p.close(PathwayOutcome.HIRED, TODAY, null, null, TODAY))
                .hasMessage("pathway.close.hireDetails");
        assertThatThrownBy(() -> new Pathway.Hire("Logistica Srl", "12345678901", ContractType.PERMANENT,
                new BigDecimal("40"), TODAY, null)).hasMessage("pathway.close.vat");
        assertThatThrownBy(() -> new Pathway.Hire("Logistica Srl", "01234567897", ContractType.FIXED_TERM,
                new BigDecimal("40"), TODAY, null)).hasMessage("pathway.close.duration");
        assertThatThrownBy(() -> new Pathway.Hire("Logistica Srl", "01234567897", ContractType.PERMANENT,
                new BigDecimal("70"), TODAY, null)).hasMessage("pathway.close.hireDetails");
        p.close(PathwayOutcome.HIRED, TODAY, "assunto tramite la vetrina",
                new Pathway.Hire(" Logistica Srl ", " 01234567897", ContractType.PERMANENT, new BigDecimal("38.5"),
                        TODAY, null), TODAY);
        assertThat(p.isClosed()).isTrue();
        assertThat(p.getHireEmployer()).isEqualTo("Logistica Srl");
        assertThat(p.getHireEmployerVat()).isEqualTo("01234567897");
        assertThatThrownBy(() -> p.extend(TODAY, 6, "x")).hasMessage("pathway.closed");
        assertThatThrownBy(() -> p.assignTutor(5, "x")).hasMessage("pathway.closed");
        assertThatThrownBy(() -> p.recordMeeting(TODAY, LocalTime.of(9, 0), LocalTime.of(10, 0), MeetingStatus.HELD,
                null, null, null, "t", NOW, TODAY)).hasMessage("pathway.closed");
        assertThatThrownBy(() -> p.addHours(ServiceTimesheetActivity.GUIDANCE, TODAY, BigDecimal.ONE, null, START, TODAY,
                "t", NOW)).hasMessage("pathway.closed");
        assertThatThrownBy(() -> p.close(PathwayOutcome.WITHDRAWAL, TODAY, null, null, TODAY)).hasMessage("pathway.closed");
    }

    @Test
    void meetingsAreKeptWithTheirDurationCheckedAgainstTheRule() {
        Pathway p = started();
        Meeting ok = p.recordMeeting(LocalDate.of(2026, 1, 26), LocalTime.of(9, 0), LocalTime.of(10, 15), MeetingStatus.HELD,
                "curriculum", "inviare 3 candidature", LocalDate.of(2026, 2, 9), "tutor", NOW, TODAY);
        Meeting shortOne = p.recordMeeting(LocalDate.of(2026, 2, 9), LocalTime.of(9, 0), LocalTime.of(9, 40),
                MeetingStatus.HELD, null, null, null, "tutor", NOW, TODAY);
        Meeting longOne = p.recordMeeting(LocalDate.of(2026, 2, 23), LocalTime.of(9, 0), LocalTime.of(10, 31),
                MeetingStatus.HELD, null, null, null, "tutor", NOW, TODAY);
        Meeting missed = p.recordMeeting(LocalDate.of(2026, 3, 9), LocalTime.of(9, 0), LocalTime.of(9, 30),
                MeetingStatus.MISSED_UNJUSTIFIED, null, null, null, "tutor", NOW, TODAY);
        assertThat(ok.outsideDuration(60, 90)).isFalse();
        assertThat(shortOne.outsideDuration(60, 90)).isTrue();
        assertThat(longOne.outsideDuration(60, 90)).isTrue();
        assertThat(missed.outsideDuration(60, 90)).as("a missed meeting has no duration to check").isFalse();
        assertThat(p.getMeetings()).hasSize(4);
        assertThatThrownBy(() -> p.recordMeeting(START.minusDays(1), LocalTime.of(9, 0), LocalTime.of(10, 0),
                MeetingStatus.HELD, null, null, null, "t", NOW, TODAY)).hasMessage("pathway.date.range");
        assertThatThrownBy(() -> p.recordMeeting(TODAY, LocalTime.of(10, 0), LocalTime.of(9, 0), MeetingStatus.HELD,
                null, null, null, "t", NOW, TODAY)).hasMessage("pathway.meeting.times");
        assertThatThrownBy(() -> p.recordMeeting(TODAY, LocalTime.of(9, 0), LocalTime.of(10, 0), MeetingStatus.HELD,
                null, null, TODAY, "t", NOW, TODAY)).hasMessage("pathway.meeting.nextInvalid");
    }
}
