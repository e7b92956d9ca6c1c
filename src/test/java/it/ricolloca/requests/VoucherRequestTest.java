package it.ricolloca.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ricolloca.requests.RequestRefusedException.ChecksIncompleteException;
import it.ricolloca.requests.RequestRefusedException.DateOrderException;
import it.ricolloca.requests.RequestRefusedException.NoticeDateMissingException;
import it.ricolloca.requests.RequestRefusedException.NoticeReceiptMissingException;
import it.ricolloca.requests.RequestRefusedException.FinalException;
import it.ricolloca.requests.RequestRefusedException.IllegalTransitionException;
import it.ricolloca.requests.RequestRefusedException.ObservationWindowOpenException;
import it.ricolloca.requests.RequestRefusedException.ObservationsUnansweredException;
import it.ricolloca.requests.RequestRefusedException.ActivePolicyContactMissingException;
import it.ricolloca.requests.RequestRefusedException.ProviderChangeLimitException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Every transition of a voucher request from every status: allowed where the rules allow it,
 * refused otherwise with the typed exception; and the rules inside the transitions (checks,
 * contact about another policy, observation window, answer to observations, provider changes,
 * deadlines suspended by the notice).
 */
class VoucherRequestTest {

    static final LocalDate FILED = LocalDate.of(2026, 3, 2);
    static final LocalDate NOTICE = FILED.plusDays(3);
    static final LocalDate AFTER_WINDOW = NOTICE.plusDays(12);
    /** Ten days for observations, seven to decide, last days carried to a working day. */
    static final TermRules RULES = new TermRules() {
        @Override
        public int observationWindowDays(LocalDate noticeDate) {
            return 10;
        }

        @Override
        public int decisionDays(LocalDate requestDate) {
            return 7;
        }

        @Override
        public LocalDate lastDay(LocalDate nominal) {
            return it.ricolloca.shared.LegalCalendar.nextWorkingDayFrom(nominal);
        }
    };
    static final Provider OFFICE = Provider.office(7, "CPI Torino", "Torino – via Bologna");

    enum Action {
        CHECK, ACTIVE_POLICY_CONTACT, REJECTION_NOTICE, OBSERVATION, RELEASE, REJECT, BLOCK, REENABLE, WITHDRAW, CHANGE_PROVIDER
    }

    static final Set<RequestStatus> REVIEWABLE = EnumSet.of(RequestStatus.REQUESTED, RequestStatus.UNDER_REVIEW,
            RequestStatus.NOTICE_OF_REJECTION, RequestStatus.REENABLED);
    static final Set<RequestStatus> OPEN = EnumSet.complementOf(EnumSet.of(RequestStatus.REJECTED, RequestStatus.WITHDRAWN));

    static final Map<Action, Set<RequestStatus>> ALLOWED = Map.of(
            Action.CHECK, REVIEWABLE,
            Action.ACTIVE_POLICY_CONTACT, REVIEWABLE,
            Action.REJECTION_NOTICE, EnumSet.of(RequestStatus.UNDER_REVIEW, RequestStatus.REENABLED),
            Action.OBSERVATION, EnumSet.of(RequestStatus.NOTICE_OF_REJECTION),
            Action.RELEASE, EnumSet.of(RequestStatus.UNDER_REVIEW, RequestStatus.NOTICE_OF_REJECTION, RequestStatus.REENABLED),
            Action.REJECT, EnumSet.of(RequestStatus.NOTICE_OF_REJECTION),
            Action.BLOCK, EnumSet.of(RequestStatus.REQUESTED, RequestStatus.UNDER_REVIEW, RequestStatus.NOTICE_OF_REJECTION,
                    RequestStatus.RELEASED, RequestStatus.REENABLED),
            Action.REENABLE, EnumSet.of(RequestStatus.BLOCKED),
            Action.WITHDRAW, OPEN,
            Action.CHANGE_PROVIDER, OPEN);

    static Stream<Arguments> everyStatusAndAction() {
        List<Arguments> all = new ArrayList<>();
        for (RequestStatus s : RequestStatus.values()) {
            for (Action a : Action.values()) {
                all.add(Arguments.of(s, a));
            }
        }
        return all.stream();
    }

    /**
     * A request in the given status whose checks, notice and contact would satisfy every action's
     * own rules, so that only the status decides.
     */
    static VoucherRequest inStatus(RequestStatus status, Action action) {
        VoucherRequest r = VoucherRequest.file(1, 2, FILED, RequestChannel.INTERMEDIATED, OFFICE, "operatore", null);
        List<RequestCheck> checks = checks(r);
        CheckOutcome employment = action == Action.REJECTION_NOTICE ? CheckOutcome.FAILED : CheckOutcome.PASSED;
        CheckOutcome policy = action == Action.ACTIVE_POLICY_CONTACT ? CheckOutcome.FAILED : CheckOutcome.PASSED;
        checks.add(new RequestCheck(r, CheckKind.EMPLOYMENT, employment, FILED, "operatore", null, Instant.now()));
        checks.add(new RequestCheck(r, CheckKind.NASPI, CheckOutcome.PASSED, FILED, "operatore", null, Instant.now()));
        checks.add(new RequestCheck(r, CheckKind.OTHER_ACTIVE_POLICY, policy, FILED, "operatore", null, Instant.now()));
        ReflectionTestUtils.setField(r, "rejectionNoticeDate", NOTICE);
        ReflectionTestUtils.setField(r, "observationDeadline", NOTICE.plusDays(10));
        ReflectionTestUtils.setField(r, "status", status);
        return r;
    }

    @SuppressWarnings("unchecked")
    static List<RequestCheck> checks(VoucherRequest r) {
        return (List<RequestCheck>) ReflectionTestUtils.getField(r, "checks");
    }

    /** The act, returning the status it left (the workflow records the transition from it). */
    static RequestStatus apply(VoucherRequest r, Action a) {
        return switch (a) {
            case CHECK -> r.recordCheck(CheckKind.NASPI, CheckOutcome.PASSED, AFTER_WINDOW, "op", null, Instant.now());
            case ACTIVE_POLICY_CONTACT -> r.recordActivePolicyContact(AFTER_WINDOW, ActivePolicyChoice.END_OTHER_POLICY, null);
            case REJECTION_NOTICE -> r.sendRejectionNotice("Occupato dal 1 marzo", AFTER_WINDOW, RULES);
            case OBSERVATION -> r.recordObservation(AFTER_WINDOW, "Contratto già cessato", "op", Instant.now(), List.of());
            case RELEASE -> r.release(AFTER_WINDOW, "master", null);
            case REJECT -> r.reject(AFTER_WINDOW, "master", "Occupato", null);
            case BLOCK -> r.block(AFTER_WINDOW);
            case REENABLE -> r.reenable(AFTER_WINDOW);
            case WITHDRAW -> r.withdraw(AFTER_WINDOW);
            case CHANGE_PROVIDER -> r.changeProvider(Provider.agency("Agenzia Lavoro Più"), 1);
        };
    }

    /** The status an allowed act leads to from {@code from}. */
    static RequestStatus next(RequestStatus from, Action a) {
        return switch (a) {
            case CHECK -> from == RequestStatus.REQUESTED || from == RequestStatus.REENABLED ? RequestStatus.UNDER_REVIEW : from;
            case REJECTION_NOTICE -> RequestStatus.NOTICE_OF_REJECTION;
            case RELEASE -> RequestStatus.RELEASED;
            case REJECT -> RequestStatus.REJECTED;
            case BLOCK -> RequestStatus.BLOCKED;
            case REENABLE -> RequestStatus.REENABLED;
            case WITHDRAW -> RequestStatus.WITHDRAWN;
            case ACTIVE_POLICY_CONTACT, OBSERVATION, CHANGE_PROVIDER -> from;
        };
    }

    @ParameterizedTest(name = "{1} da {0}")
    @MethodSource("everyStatusAndAction")
    void eachActionIsAllowedExactlyFromItsStatuses(RequestStatus status, Action action) {
        VoucherRequest r = inStatus(status, action);
        if (ALLOWED.get(action).contains(status)) {
            assertThat(apply(r, action)).as("the status it left").isEqualTo(status);
            assertThat(r.getStatus()).isEqualTo(next(status, action));
            if (r.getStatus() != status) {
                assertThat(r.getStatusDate()).isEqualTo(AFTER_WINDOW);
            }
        } else if (status.isFinal()) {
            assertThatThrownBy(() -> apply(r, action)).isInstanceOf(FinalException.class);
            assertThat(r.getStatus()).isEqualTo(status);
        } else {
            assertThatThrownBy(() -> apply(r, action)).isInstanceOf(IllegalTransitionException.class);
            assertThat(r.getStatus()).isEqualTo(status);
        }
    }

    @Test
    void theLawfulPathFromRequestToReleaseAfterObservations() {
        VoucherRequest r = VoucherRequest.file(1, 2, FILED, RequestChannel.INTERMEDIATED, OFFICE, "op", null);
        assertThat(r.getStatus()).isEqualTo(RequestStatus.REQUESTED);
        assertThat(r.decisionDeadline(RULES)).contains(FILED.plusDays(7));

        r.recordCheck(CheckKind.EMPLOYMENT, CheckOutcome.FAILED, FILED.plusDays(1), "op", "risulta occupato", Instant.now());
        assertThat(r.getStatus()).isEqualTo(RequestStatus.UNDER_REVIEW);
        r.recordCheck(CheckKind.NASPI, CheckOutcome.PASSED, FILED.plusDays(1), "op", null, Instant.now());
        r.recordCheck(CheckKind.OTHER_ACTIVE_POLICY, CheckOutcome.PASSED, FILED.plusDays(1), "op", null, Instant.now());

        r.sendRejectionNotice("Dalle comunicazioni obbligatorie risulta occupato", NOTICE, RULES);
        assertThat(r.getStatus()).isEqualTo(RequestStatus.NOTICE_OF_REJECTION);
        // Sent here on Thursday 5/3/2026: the window waits for the receipt, and so does the deadline.
        assertThat(r.getObservationDeadline()).isNull();
        assertThat(r.decisionDeadline(RULES)).isEmpty();
        r.recordNoticeReceipt(NOTICE.plusDays(1), RULES);
        // Received on 6/3: ten days to Monday 16/3; 4 days were left at the notice (deadline 9/3), suspended
        // (notice after 17/7/2020): they run from the window's last day, to Friday 20/3.
        assertThat(r.getObservationDeadline()).isEqualTo(LocalDate.of(2026, 3, 16));
        assertThat(r.decisionDeadline(RULES)).contains(LocalDate.of(2026, 3, 20));

        r.recordObservation(NOTICE.plusDays(4), "Il contratto è cessato il 28 febbraio", "op", Instant.now(), List.of(5L));
        r.refreshTerms(RULES);
        // Observations on 9/3: the 4 days resume ten days later, on 19/3, to Monday 23/3.
        assertThat(r.decisionDeadline(RULES)).contains(LocalDate.of(2026, 3, 23));
        assertThat(r.getObservations()).singleElement().satisfies(o -> assertThat(o.isLate()).isFalse());
        assertThatThrownBy(() -> r.release(NOTICE.plusDays(5), "master", "osservazioni accolte"))
                .isInstanceOf(ChecksIncompleteException.class);

        r.recordCheck(CheckKind.EMPLOYMENT, CheckOutcome.PASSED, NOTICE.plusDays(5), "op", "cessazione verificata", Instant.now());
        assertThat(r.getStatus()).isEqualTo(RequestStatus.NOTICE_OF_REJECTION);
        r.release(NOTICE.plusDays(5), "master", "osservazioni accolte");
        assertThat(r.getStatus()).isEqualTo(RequestStatus.RELEASED);
        assertThat(r.getDecisionReasons()).isEqualTo("osservazioni accolte");
        assertThat(r.getObservationsAnswer()).isEqualTo("osservazioni accolte");
        assertThat(r.getChecks()).hasSize(4);
        assertThat(r.latest()).hasSize(3);
    }

    @Test
    void aRejectionWaitsForTheWindowOrTheObservationsAndMustAnswerThem() {
        VoucherRequest unreceived = VoucherRequest.file(1, 2, FILED, RequestChannel.INTERMEDIATED, OFFICE, "op", null);
        unreceived.recordCheck(CheckKind.EMPLOYMENT, CheckOutcome.FAILED, FILED, "op", null, Instant.now());
        unreceived.sendRejectionNotice("Occupato", NOTICE, RULES);
        assertThatThrownBy(() -> unreceived.reject(NOTICE.plusDays(30), "master", "Occupato", null))
                .hasMessage("request.refused.receiptMissing");

        VoucherRequest r = noticed();
        // Received on 5/3: the tenth day is Sunday 15/3, carried to Monday 16/3.
        assertThatThrownBy(() -> r.reject(NOTICE.plusDays(11), "master", "Occupato", null))
                .isInstanceOf(ObservationWindowOpenException.class);
        r.reject(NOTICE.plusDays(12), "master", "Occupato", null);
        assertThat(r.getStatus()).isEqualTo(RequestStatus.REJECTED);

        VoucherRequest withObservations = noticed();
        withObservations.recordObservation(NOTICE.plusDays(2), "Non sono d'accordo", "op", Instant.now(), List.of());
        assertThatThrownBy(() -> withObservations.reject(NOTICE.plusDays(3), "master", "Occupato", " "))
                .isInstanceOf(ObservationsUnansweredException.class);
        withObservations.reject(NOTICE.plusDays(3), "master", "Occupato", "Il contratto risulta in corso");
        assertThat(withObservations.getObservationsAnswer()).isEqualTo("Il contratto risulta in corso");
    }

    @Test
    void aRejectedRequestNeverChangesAgain() {
        VoucherRequest r = noticed();
        r.reject(AFTER_WINDOW, "master", "Occupato", null);
        for (Action a : Action.values()) {
            assertThatThrownBy(() -> apply(r, a)).as(a.name()).isInstanceOf(FinalException.class);
        }
        assertThatThrownBy(() -> r.attachRejectionNoticeLetter(9)).isInstanceOf(FinalException.class);
        assertThat(r.getStatus()).isEqualTo(RequestStatus.REJECTED);
        assertThat(r.getDecisionReasons()).isEqualTo("Occupato");
    }

    @Test
    void anotherActivePolicyRequiresTheContactBeforeANoticeOrARejection() {
        VoucherRequest r = VoucherRequest.file(1, 2, FILED, RequestChannel.INTERMEDIATED, OFFICE, "op", null);
        r.recordCheck(CheckKind.OTHER_ACTIVE_POLICY, CheckOutcome.FAILED, FILED, "op", "GOL in corso", Instant.now());
        assertThat(r.needsActivePolicyContact()).isTrue();
        assertThatThrownBy(() -> r.sendRejectionNotice("Altra politica", NOTICE, RULES))
                .isInstanceOf(ActivePolicyContactMissingException.class);
        r.recordActivePolicyContact(FILED.plusDays(1), ActivePolicyChoice.KEEP_OTHER_POLICY, "telefonata");
        assertThat(r.needsActivePolicyContact()).isFalse();
        r.sendRejectionNotice("Altra politica in corso", NOTICE, RULES);
        assertThat(r.getStatus()).isEqualTo(RequestStatus.NOTICE_OF_REJECTION);

        VoucherRequest noPolicy = VoucherRequest.file(1, 2, FILED, RequestChannel.INTERMEDIATED, OFFICE, "op", null);
        noPolicy.recordCheck(CheckKind.OTHER_ACTIVE_POLICY, CheckOutcome.PASSED, FILED, "op", null, Instant.now());
        assertThatThrownBy(() -> noPolicy.recordActivePolicyContact(FILED, ActivePolicyChoice.END_OTHER_POLICY, null))
                .isInstanceOf(RequestRefusedException.class).hasMessage("request.refused.noOtherPolicy");
    }

    @Test
    void aNoticeNeedsAFailedCheckAndObservationsCannotPredateIt() {
        VoucherRequest r = VoucherRequest.file(1, 2, FILED, RequestChannel.INTERMEDIATED, OFFICE, "op", null);
        r.recordCheck(CheckKind.NASPI, CheckOutcome.PASSED, FILED, "op", null, Instant.now());
        assertThatThrownBy(() -> r.sendRejectionNotice("?", NOTICE, RULES))
                .hasMessage("request.refused.noFailedCheck");
        VoucherRequest noticed = noticed();
        assertThatThrownBy(() -> noticed.recordObservation(NOTICE.minusDays(1), "x", "op", Instant.now(), List.of()))
                .hasMessage("request.refused.observationBeforeNotice");
    }

    @Test
    void theProviderChangesOnlyAsManyTimesAsAllowed() {
        VoucherRequest r = VoucherRequest.file(1, 2, FILED, RequestChannel.INTERMEDIATED, OFFICE, "op", null);
        r.changeProvider(Provider.agency("Agenzia Uno"), 1);
        assertThat(r.getProvider()).isEqualTo(Provider.agency("Agenzia Uno"));
        assertThatThrownBy(() -> r.changeProvider(OFFICE, 1)).isInstanceOf(ProviderChangeLimitException.class);
        r.changeProvider(OFFICE, 2);
        assertThat(r.getProviderChanges()).isEqualTo(2);
        assertThat(r.getProvider()).isEqualTo(OFFICE);
    }

    @Test
    void blockedRequestsAreReenabledAndReviewedAgain() {
        VoucherRequest r = VoucherRequest.file(1, 2, FILED, RequestChannel.INTERMEDIATED, OFFICE, "op", null);
        r.block(FILED.plusDays(1));
        assertThat(r.getStatus()).isEqualTo(RequestStatus.BLOCKED);
        assertThat(r.getStatusDate()).isEqualTo(FILED.plusDays(1));
        r.reenable(FILED.plusDays(2));
        assertThat(r.getStatus()).isEqualTo(RequestStatus.REENABLED);
        r.recordCheck(CheckKind.NASPI, CheckOutcome.PASSED, FILED.plusDays(2), "op", null, Instant.now());
        assertThat(r.getStatus()).isEqualTo(RequestStatus.UNDER_REVIEW);
    }

    @Test
    void importedRequestsCannotBeFiledHere() {
        assertThatThrownBy(() -> VoucherRequest.file(1, 2, FILED, RequestChannel.IMPORTED, OFFICE, "op", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- the rules each transition checks, on both sides (issue 23) ----

    private static VoucherRequest filed() {
        return VoucherRequest.file(1, 2, FILED, RequestChannel.INTERMEDIATED, OFFICE, "op", null);
    }

    /** A request whose notice came with the ministerial list, without its date. */
    private static VoucherRequest noticeFromListWithoutDate() {
        VoucherRequest r = filed();
        r.recordCheck(CheckKind.EMPLOYMENT, CheckOutcome.FAILED, FILED, "op", null, Instant.now());
        ReflectionTestUtils.setField(r, "status", RequestStatus.NOTICE_OF_REJECTION);
        ReflectionTestUtils.setField(r, "rejectionNoticeFromList", true);
        return r;
    }

    @Test
    void aFiledRequestKeepsWhatItWasFiledWith() {
        VoucherRequest r = VoucherRequest.file(11, 12, FILED, RequestChannel.ONLINE, OFFICE, "lavoratore", 9L);
        assertThat(r.getId()).isNull();
        assertThat(r.getWorkerId()).isEqualTo(11);
        assertThat(r.getCompetentCentreId()).isEqualTo(12);
        assertThat(r.getRequestDate()).isEqualTo(FILED);
        assertThat(r.getStatusDate()).isEqualTo(FILED);
        assertThat(r.getChannel()).isEqualTo(RequestChannel.ONLINE);
        assertThat(r.getFiledBy()).isEqualTo("lavoratore");
        assertThat(r.getPreviousRequestId()).isEqualTo(9L);
        assertThat(r.getProvider()).isEqualTo(OFFICE);
        assertThat(r.getProviderChanges()).isZero();
        assertThat(r.getVersion()).isZero();
        ReflectionTestUtils.setField(r, "version", 7L);
        assertThat(r.getVersion()).as("the version a form carries back").isEqualTo(7);
        assertThat(r.regime()).isNull();
        assertThat(r.needsNoticeDate()).isFalse();
        assertThat(r.awaitsNoticeReceipt()).isFalse();
        VoucherRequest noProvider = VoucherRequest.file(11, 12, FILED, RequestChannel.ONLINE, null, "lavoratore", null);
        assertThat(noProvider.getProvider()).isNull();
        noProvider.changeProvider(null, 1);
        assertThat(noProvider.getProvider()).as("a change to no provider keeps none").isNull();
    }

    @Test
    void theWorkerWithdrawsAndTheRequestIsClosedForEver() {
        VoucherRequest r = filed();
        assertThat(r.withdraw(FILED.plusDays(2))).isEqualTo(RequestStatus.REQUESTED);
        assertThat(r.getStatus()).isEqualTo(RequestStatus.WITHDRAWN);
        assertThat(r.getStatusDate()).isEqualTo(FILED.plusDays(2));
        assertThatThrownBy(() -> r.withdraw(FILED.plusDays(3))).isInstanceOf(FinalException.class);
        assertThatThrownBy(() -> r.changeProvider(OFFICE, 5)).isInstanceOf(FinalException.class);
    }

    @Test
    void noActDatedBeforeTheRequestIsRecorded() {
        VoucherRequest r = filed();
        LocalDate before = FILED.minusDays(1);
        assertThatThrownBy(() -> r.recordCheck(CheckKind.NASPI, CheckOutcome.PASSED, before, "op", null, Instant.now()))
                .isInstanceOf(DateOrderException.class).hasMessage("request.refused.beforeRequest");
        assertThat(r.getChecks()).isEmpty();
        assertThat(r.getStatus()).isEqualTo(RequestStatus.REQUESTED);
        r.recordCheck(CheckKind.OTHER_ACTIVE_POLICY, CheckOutcome.FAILED, FILED, "op", null, Instant.now());
        assertThatThrownBy(() -> r.recordActivePolicyContact(before, ActivePolicyChoice.END_OTHER_POLICY, null))
                .isInstanceOf(DateOrderException.class);
        assertThat(r.recordActivePolicyContact(FILED, ActivePolicyChoice.END_OTHER_POLICY, "al telefono"))
                .isEqualTo(RequestStatus.UNDER_REVIEW);
        assertThat(r.getActivePolicyContactDate()).isEqualTo(FILED);
        assertThat(r.getActivePolicyChoice()).isEqualTo(ActivePolicyChoice.END_OTHER_POLICY);
        assertThat(r.getActivePolicyContactNote()).isEqualTo("al telefono");
        assertThatThrownBy(() -> r.sendRejectionNotice("Altra politica", before, RULES)).isInstanceOf(DateOrderException.class)
                .hasMessage("request.refused.beforeRequest");
        // a notice on the request's own day: 7 days of the term are left when it suspends them (filed Monday 2/3)
        assertThat(r.sendRejectionNotice("Altra politica", FILED, RULES)).isEqualTo(RequestStatus.UNDER_REVIEW);
        assertThat(r.getRejectionNoticeReasons()).isEqualTo("Altra politica");
        assertThat(r.getDaysLeftAtRejectionNotice()).isEqualTo(7);
        assertThat(r.awaitsNoticeReceipt()).isTrue();
        assertThat(r.regime()).isEqualTo(NoticeRegime.SUSPENDED);
    }

    @Test
    void aCheckKeepsTheComputedMonthsOfUnemployment() {
        VoucherRequest r = filed();
        assertThat(r.recordCheck(CheckKind.NASPI, CheckOutcome.PASSED, FILED, "op", null, Instant.now(),
                LocalDate.of(2025, 10, 1), true)).isEqualTo(RequestStatus.REQUESTED);
        assertThat(r.latest().get(CheckKind.NASPI)).satisfies(c -> {
            assertThat(c.getUnemployedSince()).isEqualTo(LocalDate.of(2025, 10, 1));
            assertThat(c.getNaspiMonthsMet()).isTrue();
            assertThat(c.getCheckedOn()).isEqualTo(FILED);
        });
        assertThat(r.latestOutcome(CheckKind.EMPLOYMENT)).isEmpty();
    }

    @Test
    void aReleaseStraightFromTheReviewNeedsEveryCheckPassedAndNoNotice() {
        VoucherRequest r = filed();
        r.recordCheck(CheckKind.EMPLOYMENT, CheckOutcome.PASSED, FILED, "op", null, Instant.now());
        r.recordCheck(CheckKind.NASPI, CheckOutcome.PASSED, FILED, "op", null, Instant.now());
        assertThatThrownBy(() -> r.release(FILED.plusDays(1), "master", "ok")).isInstanceOf(ChecksIncompleteException.class);
        r.recordCheck(CheckKind.OTHER_ACTIVE_POLICY, CheckOutcome.PASSED, FILED, "op", null, Instant.now());
        assertThat(r.release(FILED.plusDays(1), "master", "requisiti verificati")).isEqualTo(RequestStatus.UNDER_REVIEW);
        assertThat(r.getStatus()).isEqualTo(RequestStatus.RELEASED);
        assertThat(r.getDecisionDate()).isEqualTo(FILED.plusDays(1));
        assertThat(r.getDecidedBy()).isEqualTo("master");
        assertThat(r.getDecisionReasons()).isEqualTo("requisiti verificati");
        assertThat(r.getObservationsAnswer()).isNull();
    }

    @Test
    void silenceReleasesARequestNotUnderANotice() {
        VoucherRequest r = filed();
        assertThat(r.releaseBySilence(FILED.plusDays(8), "sistema", "silenzio-assenso")).isEqualTo(RequestStatus.REQUESTED);
        assertThat(r.getStatus()).isEqualTo(RequestStatus.RELEASED);
        assertThat(r.getStatusDate()).isEqualTo(FILED.plusDays(8));
        assertThat(r.getDecisionDate()).isEqualTo(FILED.plusDays(8));
        assertThat(r.getDecidedBy()).isEqualTo("sistema");
        assertThat(r.getDecisionReasons()).isEqualTo("silenzio-assenso");
        assertThatThrownBy(() -> noticed().releaseBySilence(AFTER_WINDOW, "sistema", "x"))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void aRejectionNeedsTheContactAboutTheOtherActivePolicy() {
        VoucherRequest r = inStatus(RequestStatus.NOTICE_OF_REJECTION, Action.ACTIVE_POLICY_CONTACT);
        assertThatThrownBy(() -> r.reject(AFTER_WINDOW, "master", "Altra politica", null))
                .isInstanceOf(ActivePolicyContactMissingException.class);
        assertThat(r.getStatus()).isEqualTo(RequestStatus.NOTICE_OF_REJECTION);
        r.recordActivePolicyContact(AFTER_WINDOW, ActivePolicyChoice.KEEP_OTHER_POLICY, null);
        assertThat(r.reject(AFTER_WINDOW, "master", "Altra politica", null)).isEqualTo(RequestStatus.NOTICE_OF_REJECTION);
        assertThat(r.getStatus()).isEqualTo(RequestStatus.REJECTED);
        assertThat(r.getDecisionDate()).isEqualTo(AFTER_WINDOW);
        assertThat(r.getDecidedBy()).isEqualTo("master");
        assertThat(r.getObservationsAnswer()).isNull();
    }

    @Test
    void theLettersOfTheNoticeAndOfTheRejection() {
        VoucherRequest r = noticed();
        r.attachRejectionNoticeLetter(8);
        assertThat(r.getRejectionNoticeLetterId()).isEqualTo(8L);
        assertThatThrownBy(() -> r.attachRejectionDecisionLetter(9)).isInstanceOf(IllegalStateException.class);
        r.reject(AFTER_WINDOW, "master", "Occupato", null);
        r.attachRejectionDecisionLetter(9);
        assertThat(r.getRejectionDecisionLetterId()).isEqualTo(9L);
    }

    @Test
    void aNoticeFromTheListWithoutItsDateWaitsForItBeforeAnyDecision() {
        VoucherRequest r = noticeFromListWithoutDate();
        assertThat(r.needsNoticeDate()).isTrue();
        assertThat(r.awaitsNoticeReceipt()).isFalse();
        assertThat(r.regime()).isNull();
        assertThat(r.windowStart()).isNull();
        assertThat(r.decisionDeadline(RULES)).isEmpty();
        assertThatThrownBy(() -> r.release(AFTER_WINDOW, "master", null)).isInstanceOf(NoticeDateMissingException.class);
        assertThatThrownBy(() -> r.reject(AFTER_WINDOW, "master", "x", null)).isInstanceOf(NoticeDateMissingException.class);
        assertThatThrownBy(() -> r.recordNoticeReceipt(NOTICE, RULES)).isInstanceOf(NoticeDateMissingException.class);
        assertThatThrownBy(() -> r.recordObservation(NOTICE, "x", "op", Instant.now(), List.of()))
                .isInstanceOf(NoticeDateMissingException.class);
        assertThatThrownBy(() -> r.recordNoticeDate(FILED.minusDays(1), RULES)).isInstanceOf(DateOrderException.class);

        assertThat(r.recordNoticeDate(NOTICE, RULES)).isEqualTo(RequestStatus.NOTICE_OF_REJECTION);
        assertThat(r.getRejectionNoticeDate()).isEqualTo(NOTICE);
        assertThat(r.isRejectionNoticeFromList()).isTrue();
        assertThat(r.needsNoticeDate()).isFalse();
        assertThat(r.awaitsNoticeReceipt()).as("the window counts from the list's date").isFalse();
        assertThat(r.windowStart()).isEqualTo(NOTICE);
        // Thursday 5/3 + 10 = Sunday 15/3, carried to Monday 16/3; 4 days left (deadline 9/3) resume then: 20/3
        assertThat(r.getObservationDeadline()).isEqualTo(LocalDate.of(2026, 3, 16));
        assertThat(r.getDaysLeftAtRejectionNotice()).isEqualTo(4);
        assertThat(r.decisionDeadline(RULES)).contains(LocalDate.of(2026, 3, 20));
        assertThat(r.regime()).isEqualTo(NoticeRegime.SUSPENDED);

        assertThat(r.recordNoticeReceipt(NOTICE.plusDays(2), RULES)).isEqualTo(RequestStatus.NOTICE_OF_REJECTION);
        assertThat(r.getRejectionNoticeReceivedOn()).isEqualTo(NOTICE.plusDays(2));
        assertThat(r.windowStart()).isEqualTo(NOTICE.plusDays(2));
        assertThat(r.getObservationDeadline()).isEqualTo(LocalDate.of(2026, 3, 17));
        assertThatThrownBy(() -> r.recordNoticeDate(NOTICE.plusDays(3), RULES)).isInstanceOf(DateOrderException.class)
                .hasMessage("request.refused.noticeAfterReceipt");
        r.recordNoticeDate(NOTICE.plusDays(2), RULES);
        assertThat(r.getRejectionNoticeDate()).as("on the day of the receipt").isEqualTo(NOTICE.plusDays(2));

        VoucherRequest observed = noticeFromListWithoutDate();
        observed.recordNoticeDate(NOTICE, RULES);
        observed.recordObservation(NOTICE.plusDays(1), "Non sono d'accordo", "op", Instant.now(), List.of());
        assertThatThrownBy(() -> observed.recordNoticeDate(NOTICE.plusDays(2), RULES)).isInstanceOf(DateOrderException.class)
                .hasMessage("request.refused.noticeAfterObservations");
        observed.recordNoticeDate(NOTICE.plusDays(1), RULES);
        assertThat(observed.getRejectionNoticeDate()).isEqualTo(NOTICE.plusDays(1));

        assertThat(noticed().isRejectionNoticeFromList()).isFalse();
        assertThatThrownBy(() -> noticed().recordNoticeDate(NOTICE, RULES)).hasMessage("request.refused.noticeDateOwn");
    }

    @Test
    void theReceiptAndTheObservationsAreDatedInOrder() {
        VoucherRequest r = filed();
        r.recordCheck(CheckKind.EMPLOYMENT, CheckOutcome.FAILED, FILED, "op", null, Instant.now());
        r.sendRejectionNotice("Occupato", NOTICE, RULES);
        assertThatThrownBy(() -> r.recordNoticeReceipt(NOTICE.minusDays(1), RULES)).isInstanceOf(DateOrderException.class)
                .hasMessage("request.refused.receiptBeforeNotice");
        r.recordObservation(NOTICE.plusDays(2), "Non sono d'accordo", "op", Instant.now(), List.of());
        assertThatThrownBy(() -> r.recordNoticeReceipt(NOTICE.plusDays(3), RULES)).isInstanceOf(DateOrderException.class)
                .hasMessage("request.refused.receiptAfterObservations");
        r.recordNoticeReceipt(NOTICE.plusDays(2), RULES);
        assertThat(r.awaitsNoticeReceipt()).isFalse();
        assertThatThrownBy(() -> r.recordObservation(NOTICE.plusDays(1), "x", "op", Instant.now(), List.of()))
                .isInstanceOf(DateOrderException.class).hasMessage("request.refused.observationBeforeReceipt");
        assertThat(r.recordObservation(NOTICE.plusDays(2), "ancora", "op", Instant.now(), List.of()))
                .isEqualTo(RequestStatus.NOTICE_OF_REJECTION);
        assertThat(r.currentObservations()).hasSize(2);
    }

    @Test
    void theObservationsOnAnEarlierNoticeDoNotCountForALaterOne() {
        VoucherRequest r = noticed();
        r.recordObservation(NOTICE.plusDays(1), "prime osservazioni", "op", Instant.now(), List.of());
        assertThat(r.currentObservations()).hasSize(1);
        r.block(NOTICE.plusDays(2));
        r.reenable(NOTICE.plusDays(3));
        r.sendRejectionNotice("Di nuovo occupato", NOTICE.plusDays(3), RULES);
        assertThat(r.getObservations()).hasSize(1);
        assertThat(r.currentObservations()).isEmpty();
        assertThatThrownBy(() -> r.reject(AFTER_WINDOW.plusDays(30), "master", "Occupato", null))
                .as("no observations on this notice, and no receipt yet").isInstanceOf(NoticeReceiptMissingException.class);
    }

    @Test
    void anInterruptingNoticeRestartsTheWholeTermFromTheObservationsOrTheWindowsEnd() {
        // up to 16/7/2020 the notice interrupts the term: the 7 days run anew
        LocalDate filed = LocalDate.of(2020, 7, 10);
        LocalDate notice = LocalDate.of(2020, 7, 16);
        // window from Thursday 16/7: 26/7 is a Sunday, carried to Monday 27/7; the term runs to Monday 3/8
        VoucherRequest.NoticeTerms none = VoucherRequest.noticeTerms(filed, notice, notice, List.of(), RULES);
        assertThat(none.observationDeadline()).isEqualTo(LocalDate.of(2020, 7, 27));
        assertThat(none.daysLeft()).isNull();
        assertThat(none.decisionDeadline()).isEqualTo(LocalDate.of(2020, 8, 3));
        assertThat(VoucherRequest.noticeTerms(filed, notice, notice, List.of(LocalDate.of(2020, 7, 20)), RULES)
                .decisionDeadline()).isEqualTo(LocalDate.of(2020, 7, 27));
        assertThat(VoucherRequest.noticeTerms(filed, notice, notice, List.of(notice.minusDays(1), LocalDate.of(2020, 7, 28)),
                RULES).decisionDeadline()).as("before the notice or after the window: not counted")
                .isEqualTo(LocalDate.of(2020, 8, 3));
        assertThat(VoucherRequest.noticeTerms(filed, notice, notice, List.of(notice, LocalDate.of(2020, 7, 27)), RULES)
                .decisionDeadline()).as("on the notice's day and on the window's last day: counted, the latest")
                .isEqualTo(LocalDate.of(2020, 8, 3));
        VoucherRequest.NoticeTerms waiting = VoucherRequest.noticeTerms(filed, notice, null, List.of(), RULES);
        assertThat(waiting.observationDeadline()).isNull();
        assertThat(waiting.decisionDeadline()).isNull();
        assertThat(VoucherRequest.noticeTerms(filed, notice, null, List.of(LocalDate.of(2020, 8, 20)), RULES)
                .decisionDeadline()).as("window unknown: every observation counts").isEqualTo(LocalDate.of(2020, 8, 27));
    }

    @Test
    void aSuspendingNoticeKeepsTheDaysLeftForAfterTheObservationsOrTheWindow() {
        // from 17/7/2020 the notice suspends the term: filed Monday 13/7, due 20/7, 3 days left at the notice
        LocalDate filed = LocalDate.of(2020, 7, 13);
        LocalDate notice = LocalDate.of(2020, 7, 17);
        VoucherRequest.NoticeTerms none = VoucherRequest.noticeTerms(filed, notice, notice, List.of(), RULES);
        assertThat(none.daysLeft()).isEqualTo(3);
        assertThat(none.observationDeadline()).isEqualTo(LocalDate.of(2020, 7, 27));
        assertThat(none.decisionDeadline()).isEqualTo(LocalDate.of(2020, 7, 30));
        // observations on 20/7: the days resume ten days later, on 30/7, to Sunday 2/8, carried to Monday 3/8
        assertThat(VoucherRequest.noticeTerms(filed, notice, notice, List.of(LocalDate.of(2020, 7, 20)), RULES)
                .decisionDeadline()).isEqualTo(LocalDate.of(2020, 8, 3));
        assertThat(VoucherRequest.noticeTerms(LocalDate.of(2020, 7, 1), notice, notice, List.of(), RULES).daysLeft())
                .as("a notice after the deadline leaves no days, never fewer").isZero();
        assertThat(VoucherRequest.noticeTerms(filed, notice, null, List.of(), RULES).decisionDeadline()).isNull();
    }

    private static VoucherRequest noticed() {
        VoucherRequest r = VoucherRequest.file(1, 2, FILED, RequestChannel.INTERMEDIATED, OFFICE, "op", null);
        Consumer<CheckKind> pass = k -> r.recordCheck(k, CheckOutcome.PASSED, FILED, "op", null, Instant.now());
        pass.accept(CheckKind.NASPI);
        pass.accept(CheckKind.OTHER_ACTIVE_POLICY);
        r.recordCheck(CheckKind.EMPLOYMENT, CheckOutcome.FAILED, FILED, "op", null, Instant.now());
        r.sendRejectionNotice("Occupato", NOTICE, RULES);
        r.recordNoticeReceipt(NOTICE, RULES);
        return r;
    }
}
