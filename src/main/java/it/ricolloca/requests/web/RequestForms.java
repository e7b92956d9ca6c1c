package it.ricolloca.requests.web;

import it.ricolloca.requests.CheckKind;
import it.ricolloca.requests.CheckOutcome;
import it.ricolloca.requests.ActivePolicyChoice;
import it.ricolloca.requests.internal.RequestWorkflow.ProviderChoice;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** The forms of the competent CPI's work on a request; each carries the version it was read at, to detect a stale form. */
public final class RequestForms {

    private RequestForms() {
    }

    /** An intermediated request: the worker's codice fiscale and the provider they chose. */
    public record FilingForm(@NotBlank @Size(max = 40) String taxCode, @NotBlank String providerType, Long officeId,
            @Size(max = 200) String agencyName) {

        static FilingForm empty() {
            return new FilingForm("", "CPI", null, "");
        }

        ProviderChoice choice() {
            return new ProviderChoice(providerType, officeId, agencyName);
        }
    }

    /**
     * A check; for the NASpI check, the start of unemployment the months are counted from (the register's
     * NASpI start when left empty).
     */
    public record CheckForm(@NotNull CheckKind kind, @NotNull CheckOutcome outcome,
            @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate checkedOn, @Size(max = 2000) String note,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate unemployedSince, Long version) {
    }

    /** The date of a notice of rejection the ministerial list brought without one. */
    public record NoticeDateForm(@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate noticeOn,
            Long version) {
    }

    /** The day the worker received the notice of rejection. */
    public record NoticeReceiptForm(@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedOn,
            Long version) {
    }

    public record ActivePolicyContactForm(@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate contactedOn,
            @NotNull ActivePolicyChoice choice, @Size(max = 2000) String note, Long version) {
    }

    public record ObservationForm(@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedOn,
            @NotBlank @Size(max = 4000) String text, Long version) {
    }

    /**
     * A decision or another act with its reasons: release (note optional), notice and rejection
     * (reasons required; a rejection also answers the observations), block, re-enabling and
     * withdrawal (reason required). Irreversible acts need {@code confirmed}. The notice is dated
     * {@code noticeOn} (today when empty).
     */
    public record DecisionForm(@Size(max = 4000) String reasons, @Size(max = 4000) String answer, Boolean confirmed,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate noticeOn, Long version) {
    }

    public record ProviderForm(@NotBlank String providerType, Long officeId, @Size(max = 200) String agencyName,
            Long version) {

        ProviderChoice choice() {
            return new ProviderChoice(providerType, officeId, agencyName);
        }
    }
}
