package it.ricolloca.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ricolloca.requests.RequestRefusedException.ChecksIncompleteException;
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

    static void apply(VoucherRequest r, Action a) {
        switch (a) {
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
        }
    }

    @ParameterizedTest(name = "{1} da {0}")
    @MethodSource("everyStatusAndAction")
    void eachActionIsAllowedExactlyFromItsStatuses(RequestStatus status, Action action) {
        VoucherRequest r = inStatus(status, action);
        if (ALLOWED.get(action).contains(status)) {
            apply(r, action);
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
