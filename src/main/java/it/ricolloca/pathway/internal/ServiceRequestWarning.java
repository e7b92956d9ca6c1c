package it.ricolloca.pathway.internal;

import java.time.LocalDate;

/**
 * A warning of the two-month rule for a request not yet asked for: the last day to ask for the
 * service, and whether it is near ({@code passed} false) or passed.
 */
public record ServiceRequestWarning(LocalDate lastDay, boolean passed) {

    public String messageKey() {
        return passed ? "pathway.serviceRequest.passed" : "pathway.serviceRequest.approaching";
    }
}
