package it.ricolloca.conditionality;

import java.util.Arrays;
import java.util.List;

/**
 * The ladders of DOMAIN.md section 5, counted per worker: the sanction for the first breach, the
 * second, and every later one. A justified breach does not count.
 */
public enum Ladder {
    APPOINTMENT(List.of(Sanction.CUT_QUARTER_MONTH, Sanction.CUT_ONE_MONTH, Sanction.LOSS_OF_BENEFIT)),
    ORIENTATION(List.of(Sanction.CUT_QUARTER_MONTH, Sanction.CUT_ONE_MONTH, Sanction.LOSS_OF_BENEFIT)),
    TRAINING(List.of(Sanction.CUT_ONE_MONTH, Sanction.LOSS_OF_BENEFIT)),
    OFFER(List.of(Sanction.LOSS_OF_BENEFIT)),
    LATE_REQUEST(List.of(Sanction.LOSS_OF_BENEFIT));

    private final List<Sanction> steps;

    Ladder(List<Sanction> steps) {
        this.steps = steps;
    }

    /** The sanction for a breach after {@code earlierSanctioned} sanctioned breaches on this ladder. */
    public Sanction proposal(long earlierSanctioned) {
        return steps.get((int) Math.min(earlierSanctioned, steps.size() - 1));
    }

    /** The kinds of breach that climb this ladder: the earlier breaches counted are those of these kinds. */
    public List<BreachKind> kinds() {
        return Arrays.stream(BreachKind.values()).filter(k -> k.ladder() == this).toList();
    }
}
