package it.ricolloca.requests;

import java.time.LocalDate;

/**
 * The rules a request's terms are counted with, each read on its own date: the days of the
 * observation window (on the notice's date), the days of the decision term (on the request's date)
 * and the carry of a term's last day to the next working day (on that day).
 */
public interface TermRules {

    /** Days the worker has to send observations, counted from the notice's receipt. */
    int observationWindowDays(LocalDate noticeDate);

    /** Days the competent CPI has to decide, counted from the request. */
    int decisionDays(LocalDate requestDate);

    /** A term's nominal last day, carried to the next working day when the rule is on for that day. */
    LocalDate lastDay(LocalDate nominal);
}
