package it.ricolloca.requests.web;

import it.ricolloca.requests.CheckKind;
import it.ricolloca.requests.CheckOutcome;
import it.ricolloca.requests.ActivePolicyChoice;
import it.ricolloca.requests.internal.RequestWorkflow.CheckEntry;
import it.ricolloca.requests.internal.RequestWorkflow.ProviderChoice;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/** The forms of the competent CPI's work on a request; each carries the version it was read at, to detect a stale form. */
public final class RequestForms {

    private RequestForms() {
    }

    /** An intermediated request: the worker's codice fiscale and the provider they chose. */
    public record FilingForm(@NotBlank @Size(max = 40) String taxCode, @NotBlank String providerType, Long officeId,
            @Size(max = 200) String agencyName) {

        static FilingForm of(String taxCode) {
            return new FilingForm(taxCode, "CPI", null, "");
        }

        ProviderChoice choice() {
            return new ProviderChoice(providerType, officeId, agencyName);
        }
    }

    /**
     * The three checks in one form: for each kind an outcome (left empty: not recorded now) and a note,
     * one date for all; for the NASpI check, the start of unemployment the months are counted from (the
     * register's NASpI start when left empty).
     */
    public record ChecksForm(CheckOutcome employment, @Size(max = 2000) String employmentNote, CheckOutcome naspi,
            @Size(max = 2000) String naspiNote, CheckOutcome otherActivePolicy,
            @Size(max = 2000) String otherActivePolicyNote,
            @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate checkedOn,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate unemployedSince, Long version) {

        static ChecksForm empty(LocalDate today, long version) {
            return new ChecksForm(null, "", null, "", null, "", today, null, version);
        }

        /** The name of the outcome's field for a kind of check; its note's is this name followed by {@code Note}. */
        public static String field(CheckKind kind) {
            return switch (kind) {
                case EMPLOYMENT -> "employment";
                case NASPI -> "naspi";
                case OTHER_ACTIVE_POLICY -> "otherActivePolicy";
            };
        }

        public CheckOutcome outcome(CheckKind kind) {
            return switch (kind) {
                case EMPLOYMENT -> employment;
                case NASPI -> naspi;
                case OTHER_ACTIVE_POLICY -> otherActivePolicy;
            };
        }

        public String note(CheckKind kind) {
            String note = switch (kind) {
                case EMPLOYMENT -> employmentNote;
                case NASPI -> naspiNote;
                case OTHER_ACTIVE_POLICY -> otherActivePolicyNote;
            };
            return note == null ? "" : note;
        }

        /** The checks given an outcome, in the order of the kinds. */
        List<CheckEntry> entries() {
            List<CheckEntry> entries = new ArrayList<>();
            for (CheckKind kind : CheckKind.values()) {
                if (outcome(kind) != null) {
                    entries.add(new CheckEntry(kind, outcome(kind), note(kind)));
                }
            }
            return entries;
        }
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
