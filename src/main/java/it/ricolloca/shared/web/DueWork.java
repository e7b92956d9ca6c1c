package it.ricolloca.shared.web;

import java.time.LocalDate;

/**
 * One kind of work due on a user's home page: how many items, the oldest deadline among them and the
 * list that shows exactly those items. A module contributes it through its {@link DueWorkSource}.
 *
 * @param order where the card stands on the page (lower first, then the oldest date)
 * @param labelKey bundle key of the card's title, a choice on the count ({@code {0,choice,...}})
 * @param dateKey bundle key of the line that gives the oldest date ({@code {0}} is the date gg/mm/aaaa)
 * @param count how many items are due
 * @param oldest the oldest deadline among them, or {@code null} when the kind has none
 * @param href the list filtered to exactly these items
 */
public record DueWork(int order, String labelKey, String dateKey, long count, LocalDate oldest, String href) {

    /** Whether there is anything to do. */
    public boolean due() {
        return count > 0;
    }
}
