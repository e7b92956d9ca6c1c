package it.ricolloca.parameters;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Every rule of the measure that the law or the national agency changed over time, or that the
 * sources disagree on (DOMAIN.md, "configurable"), with its default and where it comes from.
 * Decisions read the value valid on their own date through {@link Parameters}.
 */
public enum Parameter {
    NASPI_MIN_MONTHS(Kind.INTEGER, "4", "art. 23 D.Lgs. 150/2015"),
    DECISION_DEADLINE_DAYS(Kind.INTEGER, "7", "regole della sperimentazione 2017 (alcune fonti: 15)"),
    SILENCE_MEANS_APPROVAL(Kind.BOOLEAN, "false", "incerto nelle fonti"),
    OBSERVATION_WINDOW_DAYS(Kind.INTEGER, "10", "art. 10-bis L. 241/1990"),
    PROVIDER_CHANGES_ALLOWED(Kind.INTEGER, "1", "manuale operativo ANPAL"),
    PACT_WITHIN_DAYS(Kind.INTEGER, "14", "manuale operativo ANPAL"),
    PACT_TERM_BINDING(Kind.BOOLEAN, "false", "termine di 14 giorni delle regole AdR-RdC (D.L. 4/2019): nella "
            + "sperimentazione 2017 è solo un avviso"),
    LEGAL_TERMS_MOVE_TO_WORKING_DAY(Kind.BOOLEAN, "true", "art. 2963 c.c. (termine che scade di domenica o in un "
            + "giorno festivo: prorogato al primo giorno non festivo)"),
    SERVICE_MONTHS(Kind.INTEGER, "6", "art. 23 D.Lgs. 150/2015"),
    EXTENSION_MONTHS(Kind.INTEGER, "6", "art. 23 D.Lgs. 150/2015"),
    SERVICE_REQUEST_WITHIN_MONTHS(Kind.INTEGER, "2", "art. 21 c. 7 D.Lgs. 150/2015"),
    SUITABLE_DISTANCE_KM_FIRST_YEAR(Kind.INTEGER, "50", "DM 10 aprile 2018"),
    SUITABLE_TRAVEL_MINUTES_FIRST_YEAR(Kind.INTEGER, "80", "DM 10 aprile 2018"),
    SUITABLE_DISTANCE_KM_LATER(Kind.INTEGER, "80", "DM 10 aprile 2018"),
    SUITABLE_TRAVEL_MINUTES_LATER(Kind.INTEGER, "100", "DM 10 aprile 2018"),
    ROAD_FACTOR(Kind.AMOUNT, "1.30", "stima regionale (da confermare): rapporto tra la distanza stradale e quella in "
            + "linea d'aria tra due comuni, per la stima della distanza nella verifica dell'offerta congrua"),
    TRAVEL_SPEED_KMH(Kind.INTEGER, "30", "stima regionale (da confermare): velocità media con i mezzi pubblici (km/h), "
            + "per la stima del tempo di viaggio nella verifica dell'offerta congrua"),
    SUITABLE_PAY_ABOVE_BENEFIT_PERCENT(Kind.INTEGER, "20", "art. 4 c. 41 L. 92/2012; DM 10 aprile 2018"),
    SUITABLE_MIN_CONTRACT_MONTHS(Kind.INTEGER, "3", "DM 10 aprile 2018"),
    SUITABLE_MIN_HOURS_PERCENT(Kind.INTEGER, "80", "DM 10 aprile 2018"),
    SUCCESS_PERMANENT_MIN_EUR(Kind.AMOUNT, "1000.00", "delibera ANPAL sull'importo dell'assegno"),
    SUCCESS_PERMANENT_MAX_EUR(Kind.AMOUNT, "5000.00", "delibera ANPAL sull'importo dell'assegno"),
    SUCCESS_FIXED_6_MONTHS_MIN_EUR(Kind.AMOUNT, "500.00", "delibera ANPAL sull'importo dell'assegno"),
    SUCCESS_FIXED_6_MONTHS_MAX_EUR(Kind.AMOUNT, "2500.00", "delibera ANPAL sull'importo dell'assegno"),
    SUCCESS_FIXED_3_MONTHS_MIN_EUR(Kind.AMOUNT, "250.00", "delibera ANPAL, solo alcune regioni del Sud"),
    SUCCESS_FIXED_3_MONTHS_MAX_EUR(Kind.AMOUNT, "1250.00", "delibera ANPAL, solo alcune regioni del Sud"),
    SUCCESS_FIXED_3_MONTHS_ALLOWED(Kind.BOOLEAN, "false", "delibera ANPAL, solo alcune regioni del Sud"),
    FEE4SERVICE_HOURLY_EUR(Kind.AMOUNT, "35.50", "delibera ANPAL sul Fee4Service"),
    FEE4SERVICE_MAX_HOURS(Kind.INTEGER, "3", "delibera ANPAL sul Fee4Service"),
    FEE4SERVICE_HOURS_PER_SUCCESS(Kind.INTEGER, "9", "delibera ANPAL sul Fee4Service"),
    MEETING_EVERY_DAYS(Kind.INTEGER, "14", "regola del progetto (documento di avvio): un incontro almeno ogni due settimane"),
    MEETING_MIN_MINUTES(Kind.INTEGER, "60", "regola del progetto (documento di avvio): incontri da 1 ora"),
    MEETING_MAX_MINUTES(Kind.INTEGER, "90", "regola del progetto (documento di avvio): a 1 ora e 30"),
    SUSPENSION_RESUME_WITHIN_MONTHS(Kind.INTEGER, "6", "art. 23 D.Lgs. 150/2015"),
    BREACH_JUSTIFICATION_DAYS(Kind.INTEGER, "5", "regola regionale (da confermare): giorni per giustificare un'inadempienza"),
    RETENTION_CASE_MONTHS(Kind.INTEGER, "120", "da confermare con l'agenzia regionale: conservazione dei documenti delle "
            + "operazioni cofinanziate dal FSE (Reg. UE 1303/2013 art. 140, Reg. UE 2021/1060 art. 82) e prescrizione "
            + "decennale; mesi dalla chiusura dell'ultimo caso del lavoratore"),
    RETENTION_NO_REQUEST_MONTHS(Kind.INTEGER, "24", "da confermare con l'agenzia regionale: mesi dall'ultimo invito o "
            + "dall'inserimento per chi non ha mai chiesto l'assegno"),
    RETENTION_MAIL_LOG_MONTHS(Kind.INTEGER, "12", "da confermare con l'agenzia regionale: mesi di conservazione del "
            + "registro dei messaggi inviati (destinatari e oggetti)");

    /** What kind of value a parameter takes. */
    public enum Kind {
        INTEGER, AMOUNT, BOOLEAN
    }

    private final Kind kind;
    private final String defaultValue;
    private final String defaultSource;

    Parameter(Kind kind, String defaultValue, String defaultSource) {
        this.kind = kind;
        this.defaultValue = defaultValue;
        this.defaultSource = defaultSource;
    }

    public Kind kind() {
        return kind;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String defaultSource() {
        return defaultSource;
    }

    public String labelKey() {
        return "parameter." + name();
    }

    /** The value in its canonical form, or empty when the text is not a valid value of this kind. */
    public Optional<String> canonical(String text) {
        String s = text == null ? "" : text.strip().replace(',', '.');
        try {
            return switch (kind) {
                case INTEGER -> {
                    int v = Integer.parseInt(s);
                    yield v < 0 || v > 100_000 ? Optional.empty() : Optional.of(Integer.toString(v));
                }
                case AMOUNT -> {
                    BigDecimal v = new BigDecimal(s);
                    yield v.signum() < 0 || v.scale() > 2 || v.compareTo(new BigDecimal("1000000")) > 0
                            ? Optional.empty()
                            : Optional.of(v.setScale(2).toPlainString());
                }
                case BOOLEAN -> s.equalsIgnoreCase("true") || s.equalsIgnoreCase("sì") || s.equalsIgnoreCase("si")
                        ? Optional.of("true")
                        : s.equalsIgnoreCase("false") || s.equalsIgnoreCase("no") ? Optional.of("false")
                        : Optional.empty();
            };
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
