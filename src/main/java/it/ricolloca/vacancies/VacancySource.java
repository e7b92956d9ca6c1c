package it.ricolloca.vacancies;

/** Who fed the offer to the board: a CPI or one of the regional agency's specialist services. */
public enum VacancySource {
    CPI,
    ALTE_PROFESSIONALITA,
    GRANDI_RECLUTAMENTI,
    EURES;

    public String labelKey() {
        return "vacancy.source." + name();
    }
}
