package it.ricolloca.requests;

import java.time.LocalDate;

/**
 * What a notice of rejection does to the decision term, by the notice's date (art. 10-bis L. 241/1990).
 * Until 16/7/2020 the notice interrupts the term, which runs anew in full from the observations or,
 * without them, from the end of the window; from 17/7/2020 (art. 12 DL 76/2020, converted by L. 120/2020)
 * it suspends the term, which resumes with the days left ten days after the observations or, without
 * them, at the end of the window.
 */
public enum NoticeRegime {
    INTERRUPTED,
    SUSPENDED;

    /** The first day of the text of DL 76/2020. */
    public static final LocalDate SUSPENSION_FROM = LocalDate.of(2020, 7, 17);

    /** Days after the observations after which a suspended term resumes (fixed by the law's text). */
    public static final int RESUMES_AFTER_OBSERVATIONS_DAYS = 10;

    public static NoticeRegime of(LocalDate noticeDate) {
        return noticeDate.isBefore(SUSPENSION_FROM) ? INTERRUPTED : SUSPENDED;
    }

    public String labelKey() {
        return "request.notice.regime." + name();
    }
}
