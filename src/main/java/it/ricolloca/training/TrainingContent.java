package it.ricolloca.training;

/** The four contents of the operators' training in the seed. */
public enum TrainingContent {
    CLAIM_PROCEDURES,
    VACANCY_BOARD,
    CONDITIONALITY,
    ACTIVATION_DIARY;

    public String labelKey() {
        return "training.content." + name();
    }
}
