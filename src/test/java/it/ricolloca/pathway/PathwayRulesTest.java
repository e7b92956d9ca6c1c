package it.ricolloca.pathway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Every boundary of the pathway's rules on both sides, and each act refused on a pathway that is
 * closed or not started; what a hire, a suspension and a meeting keep, read back. Plain unit tests
 * (no Spring context); {@link PathwayLifecycleTest} tells the story of the six months.
 *
 * <p>Not reachable: in {@code resume} the refusal when no suspension is open is raised first by
 * {@code require(RESUME)} (the same key); the {@code orElseThrow} after it never runs.
 */
class PathwayRulesTest {

    static final LocalDate RELEASED = LocalDate.of(2026, 1, 9);
    static final LocalDate START = LocalDate.of(2026, 1, 12);
    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    static final String VAT = "01234567897";

    static Pathway unstarted() {
        Pathway p = new Pathway(1, 2, 3, 4, RELEASED, NOW);
        ReflectionTestUtils.setField(p, "id", 10L);
        return p;
    }

    static Pathway started() {
        Pathway p = unstarted();
        p.start(START);
        return p;
    }

    static Pathway closed() {
        Pathway p = started();
        p.close(PathwayOutcome.NOT_HIRED_AT_TERM, TODAY, null, null, TODAY);
        return p;
    }

    static Meeting meeting(Pathway p, LocalDate on, String from, String to, MeetingStatus status) {
        return p.recordMeeting(on, LocalTime.parse(from), LocalTime.parse(to), status, null, null, null, "tutor", NOW, TODAY);
    }

    static SearchPact pact(int versionNo, PactStatus status) {
        SearchPact pact = SearchPact.draft(10, versionNo, List.of(), null, "tutor", NOW);
        ReflectionTestUtils.setField(pact, "status", status);
        return pact;
    }

    // ---- start, release, provider ----

    @Test
    void theServiceStartsOnTheReleaseDayAtTheEarliestAndOnce() {
        Pathway p = unstarted();
        assertThat(p.getReleasedOn()).isEqualTo(RELEASED);
        assertThatThrownBy(() -> p.start(RELEASED.minusDays(1))).hasMessage("pathway.date.beforeRelease");
        assertThat(p.getStartedOn()).isNull();
        p.start(RELEASED);
        p.start(RELEASED.plusDays(1));
        assertThat(p.getStartedOn()).isEqualTo(RELEASED);
        Pathway older = new Pathway(1, 2, 3, 4, NOW);
        older.requireNotBeforeRelease(LocalDate.of(2000, 1, 1));
        assertThat(older.getReleasedOn()).as("a pathway from before the release was recorded").isNull();
    }

    @Test
    void aPathwayKeepsItsIdentityAndMovesToTheNewProviderWithoutItsTutor() {
        Pathway p = started();
        assertThat(p.getId()).isEqualTo(10L);
        assertThat(p.getRequestId()).isEqualTo(1);
        assertThat(p.getWorkerId()).isEqualTo(2);
        assertThat(p.getCentreId()).isEqualTo(3);
        assertThat(p.getOfficeId()).isEqualTo(4);
        assertThat(p.getVersion()).isZero();
        ReflectionTestUtils.setField(p, "version", 7L);
        assertThat(p.getVersion()).as("the version a form carries back").isEqualTo(7);
        assertThat(p.assignTutor(50, null)).isNull();
        assertThat(p.getTutorUserId()).isEqualTo(50L);
        p.moveToProvider(30, 40);
        assertThat(p.getCentreId()).isEqualTo(30);
        assertThat(p.getOfficeId()).isEqualTo(40);
        assertThat(p.getTutorUserId()).isNull();
        assertThatThrownBy(() -> closed().moveToProvider(30, 40)).hasMessage("pathway.closed");
    }

    @Test
    void aTutorChangeNeedsAReasonAndANewTutor() {
        Pathway p = started();
        p.assignTutor(50, null);
        assertThatThrownBy(() -> p.assignTutor(50, "stesso")).hasMessage("pathway.tutor.same");
        assertThatThrownBy(() -> p.assignTutor(51, " ")).hasMessage("pathway.tutor.reasonRequired");
        assertThatThrownBy(() -> p.assignTutor(51, null)).hasMessage("pathway.tutor.reasonRequired");
        assertThat(p.assignTutor(51, "ferie")).isEqualTo(50L);
        assertThat(p.getTutorUserId()).isEqualTo(51L);
    }

    // ---- extension, suspension, resumption ----

    @Test
    void anExtensionIsRecordedWithItsMonthsAndReason() {
        assertThatThrownBy(() -> unstarted().extend(TODAY, 6, "x")).hasMessage("pathway.notStarted");
        Pathway p = started();
        assertThatThrownBy(() -> p.extend(TODAY, 6, null)).hasMessage("pathway.reason.required");
        p.extend(LocalDate.of(2026, 7, 1), 4, "  corso in corso ");
        assertThat(p.getExtendedOn()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(p.getExtensionMonths()).isEqualTo(4);
        assertThat(p.getExtensionReason()).isEqualTo("corso in corso");
        assertThat(p.plannedEnd(6, TODAY)).isEqualTo(START.plusMonths(10));
        assertThat(started().plannedEnd(6, TODAY)).isEqualTo(START.plusMonths(6));
    }

    @Test
    void suspendingNeedsAStartedOpenPathwayAJobThatSuspendsAndADateFromTheStartToToday() {
        assertThatThrownBy(() -> unstarted().suspend(TODAY, ContractType.FIXED_TERM, "Ditta", null, "t", TODAY))
                .hasMessage("pathway.notStarted");
        assertThatThrownBy(() -> closed().suspend(TODAY, ContractType.FIXED_TERM, "Ditta", null, "t", TODAY))
                .hasMessage("pathway.closed");
        Pathway p = started();
        assertThatThrownBy(() -> p.suspend(TODAY, null, "Ditta", null, "t", TODAY)).hasMessage("pathway.suspend.contract");
        assertThatThrownBy(() -> p.suspend(TODAY, ContractType.AGENCY, "Ditta", null, "t", TODAY))
                .hasMessage("pathway.suspend.contract");
        assertThatThrownBy(() -> p.suspend(TODAY, ContractType.FIXED_TERM, null, null, "t", TODAY))
                .hasMessage("pathway.suspend.employer");
        assertThatThrownBy(() -> p.suspend(TODAY, ContractType.FIXED_TERM, " ", null, "t", TODAY))
                .hasMessage("pathway.suspend.employer");
        assertThatThrownBy(() -> p.suspend(TODAY, ContractType.FIXED_TERM, "x".repeat(201), null, "t", TODAY))
                .hasMessage("pathway.suspend.employer");
        assertThatThrownBy(() -> p.suspend(TODAY.plusDays(1), ContractType.FIXED_TERM, "Ditta", null, "t", TODAY))
                .hasMessage("pathway.date.range");
        assertThatThrownBy(() -> p.suspend(START.minusDays(1), ContractType.FIXED_TERM, "Ditta", null, "t", TODAY))
                .hasMessage("pathway.date.range");
        assertThat(p.isSuspended()).isFalse();

        p.suspend(START, ContractType.PROBATION, "x".repeat(200), "  prova di un mese ", "tutor", TODAY);
        assertThat(p.isSuspended()).isTrue();
        assertThat(p.getSuspensions()).singleElement().satisfies(s -> {
            assertThat(s.getId()).isNull();
            assertThat(s.getSuspendedOn()).isEqualTo(START);
            assertThat(s.getResumedOn()).isNull();
            assertThat(s.getContract()).isEqualTo(ContractType.PROBATION);
            assertThat(s.getEmployer()).hasSize(200);
            assertThat(s.getNote()).isEqualTo("prova di un mese");
            assertThat(s.isOpen()).isTrue();
            assertThat(s.days(START.plusDays(3))).isEqualTo(3);
            assertThat(s.days(START.minusDays(3))).as("never negative").isZero();
        });
        Pathway onToday = started();
        onToday.suspend(TODAY, ContractType.FIXED_TERM, " Ditta ", " ", "tutor", TODAY);
        assertThat(onToday.getSuspensions()).singleElement().satisfies(s -> {
            assertThat(s.getEmployer()).isEqualTo("Ditta");
            assertThat(s.getNote()).isNull();
        });
    }

    @Test
    void resumingNeedsAnOpenSuspensionADateFromItToTodayAndWithinTheMonthsAllowed() {
        assertThatThrownBy(() -> closed().resume(TODAY, 6, TODAY)).hasMessage("pathway.closed");
        assertThatThrownBy(() -> unstarted().resume(TODAY, 6, TODAY)).hasMessage("pathway.resume.notSuspended");
        LocalDate suspended = LocalDate.of(2026, 3, 2);
        Pathway p = started();
        p.suspend(suspended, ContractType.FIXED_TERM, "Ditta", null, "tutor", TODAY);
        assertThatThrownBy(() -> p.resume(suspended.minusDays(1), 6, TODAY)).hasMessage("pathway.date.range");
        assertThatThrownBy(() -> p.resume(suspended.plusMonths(6).plusDays(1), 6, TODAY)).hasMessage("pathway.resume.late");
        assertThatThrownBy(() -> p.resume(TODAY.plusDays(1), 12, TODAY)).hasMessage("pathway.date.range");
        assertThat(p.isSuspended()).isTrue();
        p.resume(suspended.plusMonths(6), 6, TODAY);
        assertThat(p.isSuspended()).isFalse();
        assertThat(p.getSuspensions()).singleElement().satisfies(s -> {
            assertThat(s.getResumedOn()).isEqualTo(suspended.plusMonths(6));
            assertThat(s.isOpen()).isFalse();
            assertThat(s.days(TODAY)).isEqualTo(184);
        });
        assertThat(p.plannedEnd(6, TODAY)).isEqualTo(START.plusMonths(6).plusDays(184));

        Pathway sameDay = started();
        sameDay.suspend(suspended, ContractType.FIXED_TERM, "Ditta", null, "tutor", TODAY);
        sameDay.resume(suspended, 6, TODAY);
        assertThat(sameDay.getSuspensions().get(0).days(TODAY)).isZero();
        Pathway untilToday = started();
        untilToday.suspend(TODAY.minusDays(2), ContractType.FIXED_TERM, "Ditta", null, "tutor", TODAY);
        untilToday.resume(TODAY, 6, TODAY);
        assertThat(untilToday.getSuspensions().get(0).days(TODAY.plusDays(10))).isEqualTo(2);
    }

    // ---- closing and the hire ----

    @Test
    void aHireIsReadBackWithEveryDetail() {
        Pathway p = started();
        p.close(PathwayOutcome.HIRED, TODAY, "  tramite la vetrina ", new Pathway.Hire(" Logistica Srl ", " " + VAT + " ",
                ContractType.FIXED_TERM, new BigDecimal("38.5"), START.plusDays(40), 12), TODAY);
        assertThat(p.isClosed()).isTrue();
        assertThat(p.getClosedOn()).isEqualTo(TODAY);
        assertThat(p.getOutcome()).isEqualTo(PathwayOutcome.HIRED);
        assertThat(p.getOutcomeNote()).isEqualTo("tramite la vetrina");
        assertThat(p.getHireEmployer()).isEqualTo("Logistica Srl");
        assertThat(p.getHireEmployerVat()).isEqualTo(VAT);
        assertThat(p.getHireContract()).isEqualTo(ContractType.FIXED_TERM);
        assertThat(p.getHireWeeklyHours()).isEqualByComparingTo("38.5");
        assertThat(p.getHireStart()).isEqualTo(START.plusDays(40));
        assertThat(p.getHireDurationMonths()).isEqualTo(12);
    }

    @Test
    void closingNeedsAnOutcomeADateUpToTodayAndForAHireAStartFromTheServiceStart() {
        Pathway p = started();
        assertThatThrownBy(() -> p.close(null, TODAY, null, null, TODAY)).hasMessage("pathway.close.outcome");
        assertThatThrownBy(() -> p.close(PathwayOutcome.WITHDRAWAL, TODAY.plusDays(1), null, null, TODAY))
                .hasMessage("pathway.date.future");
        assertThatThrownBy(() -> p.close(PathwayOutcome.HIRED, TODAY, null, hire(START.minusDays(1)), TODAY))
                .hasMessage("pathway.close.hireBeforeStart");
        assertThat(p.isClosed()).isFalse();
        p.close(PathwayOutcome.HIRED, TODAY, " ", hire(START), TODAY);
        assertThat(p.getHireStart()).isEqualTo(START);
        assertThat(p.getOutcomeNote()).isNull();

        Pathway neverStarted = unstarted();
        neverStarted.close(PathwayOutcome.HIRED, TODAY, null, hire(RELEASED.minusDays(30)), TODAY);
        assertThat(neverStarted.getHireStart()).as("no service start to compare with").isEqualTo(RELEASED.minusDays(30));

        Pathway withdrawn = started();
        withdrawn.close(PathwayOutcome.WITHDRAWAL, TODAY, null, hire(START), TODAY);
        assertThat(withdrawn.getHireEmployer()).as("only a hire keeps the job").isNull();
        assertThat(withdrawn.getOutcomeNote()).isNull();
    }

    static Pathway.Hire hire(LocalDate start) {
        return new Pathway.Hire("Ditta", VAT, ContractType.PERMANENT, new BigDecimal("40"), start, null);
    }

    @Test
    void aHireHasAnEmployerOfAtMostTwoHundredCharactersHoursUpToSixtyAndADurationUnlessPermanent() {
        BigDecimal h = new BigDecimal("40");
        assertThatThrownBy(() -> new Pathway.Hire(null, VAT, ContractType.PERMANENT, h, START, null))
                .hasMessage("pathway.close.hireDetails");
        assertThatThrownBy(() -> new Pathway.Hire(" ", VAT, ContractType.PERMANENT, h, START, null))
                .hasMessage("pathway.close.hireDetails");
        assertThatThrownBy(() -> new Pathway.Hire("x".repeat(201), VAT, ContractType.PERMANENT, h, START, null))
                .hasMessage("pathway.close.hireDetails");
        assertThat(new Pathway.Hire("x".repeat(200), VAT, ContractType.PERMANENT, h, START, null).employer()).hasSize(200);
        assertThatThrownBy(() -> new Pathway.Hire("Ditta", VAT, null, h, START, null)).hasMessage("pathway.close.hireDetails");
        assertThatThrownBy(() -> new Pathway.Hire("Ditta", VAT, ContractType.PERMANENT, h, null, null))
                .hasMessage("pathway.close.hireDetails");
        assertThatThrownBy(() -> new Pathway.Hire("Ditta", VAT, ContractType.PERMANENT, null, START, null))
                .hasMessage("pathway.close.hireDetails");
        assertThatThrownBy(() -> new Pathway.Hire("Ditta", VAT, ContractType.PERMANENT, BigDecimal.ZERO, START, null))
                .hasMessage("pathway.close.hireDetails");
        assertThat(new Pathway.Hire("Ditta", VAT, ContractType.PERMANENT, new BigDecimal("0.5"), START, null).weeklyHours())
                .isEqualByComparingTo("0.5");
        assertThat(new Pathway.Hire("Ditta", VAT, ContractType.PERMANENT, new BigDecimal("60"), START, null).weeklyHours())
                .isEqualByComparingTo("60");
        assertThatThrownBy(() -> new Pathway.Hire("Ditta", VAT, ContractType.PERMANENT, new BigDecimal("60.01"), START,
                null)).hasMessage("pathway.close.hireDetails");
        assertThatThrownBy(() -> new Pathway.Hire("Ditta", null, ContractType.PERMANENT, h, START, null))
                .hasMessage("pathway.close.vat");
        for (Integer wrong : new Integer[] {null, 0, 121}) {
            assertThatThrownBy(() -> new Pathway.Hire("Ditta", VAT, ContractType.FIXED_TERM, h, START, wrong))
                    .as(String.valueOf(wrong)).hasMessage("pathway.close.duration");
        }
        assertThat(new Pathway.Hire("Ditta", VAT, ContractType.FIXED_TERM, h, START, 1).durationMonths()).isEqualTo(1);
        assertThat(new Pathway.Hire("Ditta", VAT, ContractType.AGENCY, h, START, 120).durationMonths()).isEqualTo(120);
        assertThat(new Pathway.Hire("Ditta", VAT, ContractType.PERMANENT, h, START, null).durationMonths()).isNull();
    }

    // ---- meetings ----

    @Test
    void aMeetingIsRecordedOnAStartedOpenPathwayFromTheStartToToday() {
        assertThatThrownBy(() -> meeting(unstarted(), TODAY, "09:00", "10:00", MeetingStatus.HELD))
                .hasMessage("pathway.notStarted");
        assertThatThrownBy(() -> meeting(closed(), TODAY, "09:00", "10:00", MeetingStatus.HELD)).hasMessage("pathway.closed");
        Pathway p = started();
        assertThatThrownBy(() -> meeting(p, TODAY.plusDays(1), "09:00", "10:00", MeetingStatus.HELD))
                .hasMessage("pathway.date.range");
        assertThatThrownBy(() -> meeting(p, TODAY, "09:00", "09:00", MeetingStatus.HELD)).hasMessage("pathway.meeting.times");
        assertThatThrownBy(() -> p.recordMeeting(TODAY, null, LocalTime.NOON, MeetingStatus.HELD, null, null, null, "t", NOW,
                TODAY)).hasMessage("pathway.meeting.times");
        assertThatThrownBy(() -> p.recordMeeting(TODAY, LocalTime.NOON, null, MeetingStatus.HELD, null, null, null, "t", NOW,
                TODAY)).hasMessage("pathway.meeting.times");
        assertThatThrownBy(() -> meeting(p, TODAY, "09:00", "10:00", null)).hasMessage("pathway.meeting.status");
        assertThat(p.getMeetings()).isEmpty();
        meeting(p, START, "09:00", "10:00", MeetingStatus.HELD);
        meeting(p, TODAY, "09:00", "10:00", MeetingStatus.MISSED_JUSTIFIED);
        assertThat(p.getMeetings()).hasSize(2);
        assertThat(p.heldMeetings()).singleElement().satisfies(m -> assertThat(m.getOnDate()).isEqualTo(START));
    }

    @Test
    void aMeetingKeepsWhatWasAgreedAndTheNextDateAfterIt() {
        Pathway p = started();
        LocalDate on = LocalDate.of(2026, 2, 2);
        assertThatThrownBy(() -> p.recordMeeting(on, LocalTime.of(9, 0), LocalTime.of(10, 0), MeetingStatus.HELD, null,
                null, on, "t", NOW, TODAY)).hasMessage("pathway.meeting.nextInvalid");
        Meeting m = p.recordMeeting(on, LocalTime.of(9, 0), LocalTime.of(10, 0), MeetingStatus.HELD, "  curriculum ",
                " tre candidature ", on.plusDays(1), "tutor", NOW, TODAY);
        assertThat(m.getId()).isNull();
        assertThat(m.getOnDate()).isEqualTo(on);
        assertThat(m.getStart()).isEqualTo(LocalTime.of(9, 0));
        assertThat(m.getEnd()).isEqualTo(LocalTime.of(10, 0));
        assertThat(m.getStatus()).isEqualTo(MeetingStatus.HELD);
        assertThat(m.getTopics()).isEqualTo("curriculum");
        assertThat(m.getActionsAgreed()).isEqualTo("tre candidature");
        assertThat(m.getNextMeeting()).isEqualTo(on.plusDays(1));
        assertThat(m.getRecordedBy()).isEqualTo("tutor");
        assertThat(m.minutes()).isEqualTo(60);
        Meeting blank = p.recordMeeting(on, LocalTime.of(11, 0), LocalTime.of(12, 0), MeetingStatus.HELD, " ", null, null,
                "tutor", NOW, TODAY);
        assertThat(blank.getTopics()).isNull();
        assertThat(blank.getActionsAgreed()).isNull();
        assertThat(blank.getNextMeeting()).isNull();
    }

    @Test
    void aHeldMeetingOfSixtyToNinetyMinutesIsWithinTheRuleOneMinuteLessOrMoreIsNot() {
        Pathway p = started();
        assertThat(meeting(p, TODAY, "09:00", "10:00", MeetingStatus.HELD).outsideDuration(60, 90)).isFalse();
        assertThat(meeting(p, TODAY, "09:00", "10:30", MeetingStatus.HELD).outsideDuration(60, 90)).isFalse();
        assertThat(meeting(p, TODAY, "09:00", "09:59", MeetingStatus.HELD).outsideDuration(60, 90)).isTrue();
        assertThat(meeting(p, TODAY, "09:00", "10:31", MeetingStatus.HELD).outsideDuration(60, 90)).isTrue();
        assertThat(meeting(p, TODAY, "09:00", "09:10", MeetingStatus.MISSED_JUSTIFIED).outsideDuration(60, 90)).isFalse();
        assertThat(meeting(p, TODAY, "09:00", "13:00", MeetingStatus.MISSED_UNJUSTIFIED).outsideDuration(60, 90)).isFalse();
    }

    @Test
    void theDateOfAMeetingIsFoundByItsId() {
        Pathway p = started();
        Meeting m = meeting(p, START.plusDays(1), "09:00", "10:00", MeetingStatus.HELD);
        ReflectionTestUtils.setField(m, "id", 77L);
        assertThat(p.meetingDate(77L)).isEqualTo(START.plusDays(1));
        assertThat(p.meetingDate(78L)).isNull();
    }

    // ---- diary ----

    @Test
    void aDiaryLineIsDatedFromTheStartToTodayAndAnActiveSearchNamesTheCompanyOrHow() {
        assertThatThrownBy(() -> unstarted().addDiaryEntry(DiaryAction.CV, TODAY, null, null, null, null,
                DiaryEntry.Source.WORKER, "w", NOW, TODAY)).hasMessage("pathway.notStarted");
        Pathway p = started();
        assertThatThrownBy(() -> p.addDiaryEntry(null, TODAY, null, null, null, null, DiaryEntry.Source.WORKER, "w", NOW,
                TODAY)).hasMessage("pathway.diary.action.invalid");
        assertThatThrownBy(() -> p.addDiaryEntry(DiaryAction.CV, TODAY, null, null, null, null, null, "w", NOW, TODAY))
                .hasMessage("pathway.diary.action.invalid");
        for (LocalDate wrong : new LocalDate[] {null, START.minusDays(1), TODAY.plusDays(1)}) {
            assertThatThrownBy(() -> p.addDiaryEntry(DiaryAction.CV, wrong, null, null, null, null,
                    DiaryEntry.Source.WORKER, "w", NOW, TODAY)).hasMessage("pathway.date.range");
        }
        assertThatThrownBy(() -> p.addDiaryEntry(DiaryAction.JOB_INTERVIEW, TODAY, " ", " ", null, null,
                DiaryEntry.Source.WORKER, "w", NOW, TODAY)).hasMessage("pathway.diary.companyOrHow");
        DiaryEntry cv = p.addDiaryEntry(DiaryAction.CV, START, null, null, null, null, DiaryEntry.Source.WORKER, "w", NOW,
                TODAY);
        DiaryEntry byCompany = p.addDiaryEntry(DiaryAction.JOB_INTERVIEW, TODAY, null, " Ditta ", " magazziniere ", " esito ",
                DiaryEntry.Source.PAPER_DIARY, "tutor", NOW, TODAY);
        DiaryEntry byHow = p.addDiaryEntry(DiaryAction.JOB_AD_REPLY, TODAY, " annuncio ", null, null, null,
                DiaryEntry.Source.WORKER, "w", NOW, TODAY);
        assertThat(byCompany.getCompany()).isEqualTo("Ditta");
        assertThat(byCompany.getProfile()).isEqualTo("magazziniere");
        assertThat(byCompany.getOutcome()).isEqualTo("esito");
        assertThat(byHow.getHow()).isEqualTo("annuncio");
        assertThat(p.getDiary()).containsExactly(cv, byCompany, byHow);
        assertThat(p.diaryPart(DiaryPart.PREPARATORY)).containsExactly(cv);
        assertThat(p.diaryPart(DiaryPart.ACTIVE_SEARCH)).containsExactly(byCompany, byHow);
    }

    @Test
    void aDiaryLineIsReviewedInAHeldMeetingOnOrAfterItsDate() {
        Pathway p = started();
        LocalDate day = START.plusDays(10);
        DiaryEntry e = p.addDiaryEntry(DiaryAction.CV, day, null, null, null, null, DiaryEntry.Source.WORKER, "w", NOW, TODAY);
        ReflectionTestUtils.setField(e, "id", 5L);
        Meeting before = meeting(p, day.minusDays(1), "09:00", "10:00", MeetingStatus.HELD);
        ReflectionTestUtils.setField(before, "id", 6L);
        Meeting missed = meeting(p, day, "09:00", "10:00", MeetingStatus.MISSED_JUSTIFIED);
        ReflectionTestUtils.setField(missed, "id", 7L);
        Meeting sameDay = meeting(p, day, "11:00", "12:00", MeetingStatus.HELD);
        ReflectionTestUtils.setField(sameDay, "id", 8L);
        meeting(p, day, "14:00", "15:00", MeetingStatus.HELD);
        assertThatThrownBy(() -> p.reviewDiaryEntry(4L, 8L)).hasMessage("pathway.diary.noEntry");
        assertThatThrownBy(() -> p.reviewDiaryEntry(5L, 9L)).hasMessage("pathway.diary.noMeeting");
        assertThatThrownBy(() -> p.reviewDiaryEntry(5L, 7L)).as("not held").hasMessage("pathway.diary.noMeeting");
        assertThatThrownBy(() -> p.reviewDiaryEntry(5L, 6L)).hasMessage("pathway.diary.meetingBefore");
        assertThat(e.getReviewedMeetingId()).isNull();
        p.reviewDiaryEntry(5L, 8L);
        assertThat(e.getReviewedMeetingId()).isEqualTo(8L);
        p.close(PathwayOutcome.WITHDRAWAL, TODAY, null, null, TODAY);
        assertThatThrownBy(() -> p.reviewDiaryEntry(5L, 8L)).hasMessage("pathway.closed");
    }

    // ---- timesheet ----

    @Test
    void hoursAreRecordedFromTheServiceStartToTodayUpToTwelveInCentsUntilTheTimesheetIsSigned() {
        Pathway p = started();
        assertThatThrownBy(() -> p.addHours(ServiceTimesheetActivity.GUIDANCE, TODAY, BigDecimal.ONE, null, null, TODAY,
                "t", NOW)).hasMessage("pathway.timesheet.notStarted");
        for (LocalDate wrong : new LocalDate[] {START.minusDays(1), TODAY.plusDays(1)}) {
            assertThatThrownBy(() -> p.addHours(ServiceTimesheetActivity.GUIDANCE, wrong, BigDecimal.ONE, null, START,
                    TODAY, "t", NOW)).hasMessage("pathway.timesheet.date");
        }
        for (String wrong : new String[] {"0", "-1", "12.01", "1.005"}) {
            assertThatThrownBy(() -> p.addHours(ServiceTimesheetActivity.GUIDANCE, TODAY, new BigDecimal(wrong), null,
                    START, TODAY, "t", NOW)).as(wrong).hasMessage("pathway.timesheet.hours");
        }
        assertThatThrownBy(() -> p.addHours(ServiceTimesheetActivity.GUIDANCE, TODAY, null, null, START, TODAY, "t", NOW))
                .hasMessage("pathway.timesheet.hours");
        assertThatThrownBy(() -> p.signTimesheet(TODAY)).hasMessage("pathway.timesheet.empty");
        ServiceTimesheetEntry first = p.addHours(ServiceTimesheetActivity.RECEPTION, START, new BigDecimal("12"), " accoglienza ",
                START, TODAY, "tutor", NOW);
        ServiceTimesheetEntry last = p.addHours(ServiceTimesheetActivity.GUIDANCE, TODAY, new BigDecimal("0.01"), " ",
                START, TODAY, "tutor", NOW);
        assertThat(first.getNote()).isEqualTo("accoglienza");
        assertThat(last.getNote()).isNull();
        assertThat(first.getActivity()).isEqualTo(ServiceTimesheetActivity.RECEPTION);
        assertThat(first.getOnDate()).isEqualTo(START);
        assertThat(first.getRecordedBy()).isEqualTo("tutor");
        assertThat(p.totalHours()).isEqualByComparingTo("12.01");
        assertThat(p.getTimesheet()).containsExactly(first, last);
        ReflectionTestUtils.setField(last, "id", 3L);
        assertThatThrownBy(() -> p.removeHours(4L)).hasMessage("pathway.timesheet.noEntry");
        p.removeHours(3L);
        assertThat(p.getTimesheet()).containsExactly(first);
        p.signTimesheet(TODAY);
        assertThat(p.getTimesheetSignedOn()).isEqualTo(TODAY);
        assertThatThrownBy(() -> p.addHours(ServiceTimesheetActivity.GUIDANCE, TODAY, BigDecimal.ONE, null, START, TODAY,
                "t", NOW)).hasMessage("pathway.timesheet.signed");
        assertThatThrownBy(() -> p.removeHours(3L)).hasMessage("pathway.timesheet.signed");
        assertThatThrownBy(() -> p.signTimesheet(TODAY)).hasMessage("pathway.timesheet.signed");
        assertThatThrownBy(() -> closed().signTimesheet(TODAY)).hasMessage("pathway.closed");
    }

    // ---- which acts the state allows ----

    @Test
    void anUnstartedPathwayAllowsOnlyWhatNeedsNoStart() {
        assertThat(unstarted().allowedActs(List.of())).containsExactlyInAnyOrder(PathwayAct.ASSIGN_TUTOR,
                PathwayAct.EDIT_PACT, PathwayAct.CLOSE);
        assertThat(unstarted().refusal(PathwayAct.RECORD_HOURS, List.of()))
                .hasValueSatisfying(e -> assertThat(e).hasMessage("pathway.timesheet.notStarted"));
        assertThat(unstarted().refusal(PathwayAct.REPORT_BREACH, List.of()))
                .hasValueSatisfying(e -> assertThat(e).hasMessage("pathway.notStarted"));
        assertThat(unstarted().refusal(PathwayAct.ADD_DIARY_ENTRY, List.of()))
                .hasValueSatisfying(e -> assertThat(e).hasMessage("pathway.notStarted"));
        assertThat(unstarted().refusal(PathwayAct.SIGN_PACT, List.of()))
                .hasValueSatisfying(e -> assertThat(e).hasMessage("pathway.pact.noDraft"));
        assertThat(unstarted().refusal(PathwayAct.REMOVE_HOURS, List.of()))
                .hasValueSatisfying(e -> assertThat(e).hasMessage("pathway.timesheet.noEntry"));
        assertThat(unstarted().refusal(PathwayAct.REVIEW_DIARY_ENTRY, List.of()))
                .hasValueSatisfying(e -> assertThat(e).hasMessage("pathway.diary.noMeeting"));
    }

    @Test
    void aClosedPathwayAllowsNothing() {
        assertThat(closed().allowedActs(List.of(pact(1, PactStatus.DRAFT)))).isEmpty();
        for (PathwayAct act : PathwayAct.values()) {
            assertThat(closed().refusal(act, List.of())).as(act.name())
                    .hasValueSatisfying(e -> assertThat(e).hasMessage("pathway.closed"));
        }
    }

    @Test
    void thePactActsFollowTheLatestVersion() {
        Pathway p = started();
        assertThat(p.allowedActs(List.of(pact(1, PactStatus.DRAFT)))).contains(PathwayAct.EDIT_PACT, PathwayAct.SIGN_PACT)
                .doesNotContain(PathwayAct.AMEND_PACT, PathwayAct.UPLOAD_SIGNED_COPY);
        List<SearchPact> signed = List.of(pact(2, PactStatus.SIGNED), pact(1, PactStatus.SUPERSEDED));
        assertThat(p.allowedActs(signed)).contains(PathwayAct.AMEND_PACT, PathwayAct.UPLOAD_SIGNED_COPY)
                .doesNotContain(PathwayAct.EDIT_PACT, PathwayAct.SIGN_PACT);
        assertThat(p.refusal(PathwayAct.EDIT_PACT, signed)).hasValueSatisfying(e -> {
            assertThat(e).hasMessage("pathway.pact.signedIsFinal");
            assertThat(e.args()).containsExactly(2);
        });
        List<SearchPact> amending = List.of(pact(3, PactStatus.DRAFT), pact(2, PactStatus.SIGNED));
        assertThat(p.allowedActs(amending)).contains(PathwayAct.EDIT_PACT, PathwayAct.SIGN_PACT,
                PathwayAct.UPLOAD_SIGNED_COPY).doesNotContain(PathwayAct.AMEND_PACT);
        assertThat(p.refusal(PathwayAct.AMEND_PACT, amending))
                .hasValueSatisfying(e -> assertThat(e).hasMessage("pathway.pact.amendOnlySigned"));
        assertThat(p.refusal(PathwayAct.UPLOAD_SIGNED_COPY, List.of(pact(1, PactStatus.DRAFT))))
                .hasValueSatisfying(e -> assertThat(e).hasMessage("pathway.pact.notSigned"));
    }

    @Test
    void aStartedPathwayAllowsTheActsOfItsState() {
        Pathway p = started();
        assertThat(p.allowedActs(List.of())).isEqualTo(EnumSet.of(PathwayAct.ASSIGN_TUTOR, PathwayAct.EDIT_PACT,
                PathwayAct.RECORD_HOURS, PathwayAct.RECORD_MEETING, PathwayAct.ADD_DIARY_ENTRY, PathwayAct.EXTEND,
                PathwayAct.SUSPEND, PathwayAct.REPORT_BREACH, PathwayAct.CLOSE));
        meeting(p, START, "09:00", "10:00", MeetingStatus.HELD);
        p.addHours(ServiceTimesheetActivity.GUIDANCE, START, BigDecimal.ONE, null, START, TODAY, "t", NOW);
        p.extend(TODAY, 6, "motivo");
        p.suspend(TODAY, ContractType.FIXED_TERM, "Ditta", null, "t", TODAY);
        assertThat(p.allowedActs(List.of())).contains(PathwayAct.REVIEW_DIARY_ENTRY, PathwayAct.REMOVE_HOURS,
                PathwayAct.RESUME).doesNotContain(PathwayAct.EXTEND, PathwayAct.SUSPEND);
        assertThat(p.refusal(PathwayAct.EXTEND, List.of()))
                .hasValueSatisfying(e -> assertThat(e).hasMessage("pathway.extend.once"));
        assertThat(p.refusal(PathwayAct.SUSPEND, List.of()))
                .hasValueSatisfying(e -> assertThat(e).hasMessage("pathway.suspend.already"));
        p.signTimesheet(TODAY);
        assertThat(p.refusal(PathwayAct.RECORD_HOURS, List.of()))
                .hasValueSatisfying(e -> assertThat(e).hasMessage("pathway.timesheet.signed"));
        assertThat(p.refusal(PathwayAct.REMOVE_HOURS, List.of()))
                .hasValueSatisfying(e -> assertThat(e).hasMessage("pathway.timesheet.signed"));
    }
}
