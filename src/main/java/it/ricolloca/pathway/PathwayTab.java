package it.ricolloca.pathway;

import java.util.Arrays;

/**
 * The sections of a pathway's page, one shown per request and addressed by the URL
 * ({@code /pathways/7?tab=pact}); the meetings and the diary are pages of their own under the same tabs.
 * Another module's contribution ({@link PathwaySection}) names the tab it belongs to.
 */
public enum PathwayTab {
    OVERVIEW,
    APPOINTMENTS,
    PACT,
    TIMESHEET,
    MEETINGS,
    DIARY,
    OFFERS,
    CONDITIONALITY,
    OUTCOME;

    /** The tab's name in the URL. */
    public String param() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public String labelKey() {
        return "pathway.tab." + param();
    }

    /** The tab named in the URL; the overview when none or an unknown one is named. */
    public static PathwayTab of(String param) {
        return Arrays.stream(values()).filter(t -> t.param().equals(param)).findFirst().orElse(OVERVIEW);
    }

    /** The address of this tab of the pathway {@code id}. */
    public String href(long id) {
        return switch (this) {
            case OVERVIEW -> PathwayRoutes.pathway(id);
            case MEETINGS -> PathwayRoutes.meetings(id);
            case DIARY -> PathwayRoutes.diary(id);
            default -> PathwayRoutes.pathway(id) + "?tab=" + param();
        };
    }
}
