package it.ricolloca.vacancies;

/** The referent recorded a step of a candidate's evaluation: the proposing tutor is told by e-mail, after commit. */
public record ReferralOutcomeRecorded(long referralId, long eventId, long vacancyId, String vacancyProfile,
        String companyName, String tutorEmail, String workerName, ReferralStatus status, String reason) {
}
