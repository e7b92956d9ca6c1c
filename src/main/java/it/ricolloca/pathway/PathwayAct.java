package it.ricolloca.pathway;

/**
 * What staff may do on a pathway. {@link Pathway#refusal} says whether the pathway's state allows
 * an act (and why not); the page offers only the acts allowed and the aggregate refuses the others
 * with the same reason.
 */
public enum PathwayAct {
    ASSIGN_TUTOR,
    EDIT_PACT,
    SIGN_PACT,
    AMEND_PACT,
    UPLOAD_SIGNED_COPY,
    RECORD_HOURS,
    REMOVE_HOURS,
    RECORD_MEETING,
    ADD_DIARY_ENTRY,
    REVIEW_DIARY_ENTRY,
    EXTEND,
    SUSPEND,
    RESUME,
    REPORT_BREACH,
    CLOSE
}
