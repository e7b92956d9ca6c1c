package it.ricolloca.vacancies;

import java.util.List;

/** An offer whose details break rules of the board: every problem, each with its field. */
public class VacancyInvalidException extends VacancyRefusedException {

    private final transient List<VacancyDetails.Problem> problems;

    public VacancyInvalidException(List<VacancyDetails.Problem> problems) {
        super(problems.get(0).key(), problems.get(0).args());
        this.problems = List.copyOf(problems);
    }

    public List<VacancyDetails.Problem> problems() {
        return problems;
    }
}
