package it.ricolloca.vacancies.web;

/** What the board's pages show, as the templates read it. */
public final class VacancyViews {

    private VacancyViews() {
    }

    /** A worker the user may propose, as the select shows them. */
    public record Proposable(long pathwayId, String name) {
    }
}
