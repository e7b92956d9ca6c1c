package it.ricolloca.requests.internal;

import it.ricolloca.network.Letterhead;
import it.ricolloca.workers.Workers.PostalAddress;
import java.time.LocalDate;
import java.util.List;

/**
 * What the decision letter of a rejection says (art. 10-bis L. 241/1990): the request and its notice,
 * the observations received with the reasons for not accepting them (or that none came within the
 * window), the reasons of the rejection and the remedies.
 */
public record RejectionDecisionLetter(Letterhead head, String workerName, String taxCode, PostalAddress address,
        long requestId, LocalDate requestDate, LocalDate noticeDate, LocalDate decisionDate, List<Observation> observations,
        String observationsAnswer, String reasons) {

    /** An observation the worker sent: when it arrived and what it said. */
    public record Observation(LocalDate receivedOn, String text) {
    }
}
