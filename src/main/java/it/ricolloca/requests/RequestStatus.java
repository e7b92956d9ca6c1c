package it.ricolloca.requests;

import it.ricolloca.shared.tabular.HeaderNames;
import java.util.Map;
import java.util.Optional;

/**
 * The status of a voucher request, as the ministerial list writes it, plus {@link #UNDER_REVIEW},
 * which only this system knows: the competent CPI has started its checks.
 */
public enum RequestStatus {
    REQUESTED,
    UNDER_REVIEW,
    NOTICE_OF_REJECTION,
    RELEASED,
    REJECTED,
    BLOCKED,
    REENABLED,
    WITHDRAWN;

    private static final Map<String, RequestStatus> WORDS = Map.ofEntries(
            Map.entry("richiesto", REQUESTED), Map.entry("richiesta", REQUESTED), Map.entry("inattesa", REQUESTED),
            Map.entry("preavvisodirigetto", NOTICE_OF_REJECTION), Map.entry("preavviso", NOTICE_OF_REJECTION),
            Map.entry("rilasciato", RELEASED), Map.entry("rilasciata", RELEASED),
            Map.entry("rigettato", REJECTED), Map.entry("rigettata", REJECTED), Map.entry("respinto", REJECTED),
            Map.entry("respinta", REJECTED),
            Map.entry("bloccato", BLOCKED), Map.entry("bloccata", BLOCKED),
            Map.entry("riabilitato", REENABLED), Map.entry("riabilitata", REENABLED),
            Map.entry("ritirato", WITHDRAWN), Map.entry("ritirata", WITHDRAWN), Map.entry("rinuncia", WITHDRAWN));

    /** The status a cell of the list names, whatever its case, accents or spacing. */
    public static Optional<RequestStatus> fromList(String text) {
        return Optional.ofNullable(WORDS.get(HeaderNames.key(text)));
    }

    /** Rejected and withdrawn requests are closed for ever: nothing about them may change. */
    public boolean isFinal() {
        return this == REJECTED || this == WITHDRAWN;
    }

    /** Still waiting for the competent CPI's decision. */
    public boolean isUndecided() {
        return this == REQUESTED || this == UNDER_REVIEW || this == NOTICE_OF_REJECTION || this == REENABLED;
    }

    public String labelKey() {
        return "request.status." + name();
    }
}
