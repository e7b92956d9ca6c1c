package it.ricolloca.vacancies;

/** A tutor proposed a candidate: the offer's referent is told by e-mail, after commit. */
public record ReferralProposed(long referralId, long vacancyId, String vacancyProfile, String companyName,
        String referentEmail, String workerName, String proposedBy, String note) {
}
