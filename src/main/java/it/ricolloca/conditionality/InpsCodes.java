package it.ricolloca.conditionality;

import java.util.Map;

/**
 * The one mapping table from our breaches, outcomes and sanctions to the codes the export for the
 * benefit authority writes. TO BE CONFIRMED by the regional agency: no official code list of the
 * INPS/ANPAL flow of conditionality decisions could be sourced (ANPAL note 7122 of 11/6/2018 and
 * INPS message 2378 of 13/6/2018 have the decisions sent by certified e-mail pending a procedure);
 * the codes below name the legal provision instead (art. 21 c.7 letters a to d, art. 23 c.4
 * D.Lgs. 150/2015) and the sanction of art. 21 c.7.
 */
public final class InpsCodes {

    static final Map<BreachKind, String> BREACH = Map.of(
            BreachKind.MISSED_APPOINTMENT, "ART21C7A",
            BreachKind.MISSED_ORIENTATION, "ART21C7B",
            BreachKind.MISSED_TRAINING, "ART21C7C",
            BreachKind.REFUSED_OFFER, "ART21C7D",
            BreachKind.LATE_SERVICE_REQUEST, "ART23C4");

    static final Map<Sanction, String> SANCTION = Map.of(
            Sanction.CUT_QUARTER_MONTH, "DECURTAZIONE_1_4",
            Sanction.CUT_ONE_MONTH, "DECURTAZIONE_1_MENSILITA",
            Sanction.LOSS_OF_BENEFIT, "DECADENZA");

    static final Map<BreachStatus, String> OUTCOME = Map.of(
            BreachStatus.REPORTED, "IN_ISTRUTTORIA",
            BreachStatus.JUSTIFIED, "GIUSTIFICATA",
            BreachStatus.SANCTIONED, "SANZIONATA",
            BreachStatus.CLOSED_AFTER_DECADENZA, "NON_SANZIONABILE_DECADENZA");

    private InpsCodes() {
    }

    public static String breach(BreachKind kind) {
        return BREACH.get(kind);
    }

    public static String sanction(Sanction sanction) {
        return sanction == null ? null : SANCTION.get(sanction);
    }

    public static String outcome(BreachStatus status) {
        return OUTCOME.get(status);
    }
}
