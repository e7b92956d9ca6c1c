package it.ricolloca.conditionality;

/** A breach of the worker's duties, and the ladder it climbs. */
public enum BreachKind {
    MISSED_APPOINTMENT(Ladder.APPOINTMENT),
    MISSED_ORIENTATION(Ladder.ORIENTATION),
    MISSED_TRAINING(Ladder.TRAINING),
    REFUSED_OFFER(Ladder.OFFER),
    LATE_SERVICE_REQUEST(Ladder.LATE_REQUEST);

    private final Ladder ladder;

    BreachKind(Ladder ladder) {
        this.ladder = ladder;
    }

    public Ladder ladder() {
        return ladder;
    }

    public String labelKey() {
        return "conditionality.kind." + name();
    }
}
