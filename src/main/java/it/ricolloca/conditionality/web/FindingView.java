package it.ricolloca.conditionality.web;

import it.ricolloca.conditionality.SuitabilityFinding;
import it.ricolloca.conditionality.SuitableOffer.Criterion;
import it.ricolloca.conditionality.SuitableOffer.Facts;
import it.ricolloca.conditionality.SuitableOffer.Limits;
import it.ricolloca.conditionality.SuitableOffer.Result;
import it.ricolloca.conditionality.SuitableOffer.Rules;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/** A saved suitable-offer finding as the breach page shows it: the offer, the facts, the thresholds and each verdict. */
public record FindingView(long id, LocalDate offerDate, Long vacancyId, String offerDescription, Rules rules,
        Facts facts, Limits limits, Map<Criterion, Result> results, Result overall, String recordedBy,
        Instant recordedAt) {

    static FindingView of(SuitabilityFinding f) {
        return new FindingView(f.getId(), f.getOfferDate(), f.getVacancyId(), f.getOfferDescription(), f.getRules(),
                f.facts(), f.limits(), f.results(), f.getOverall(), f.getRecordedBy(), f.getRecordedAt());
    }
}
