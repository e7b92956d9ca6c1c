package it.ricolloca.vacancies;

import java.util.EnumSet;
import java.util.Set;

/** A candidate proposed by a tutor, as the referent evaluates them; hired, not selected and withdrawn are final. */
public enum ReferralStatus {
    PROPOSED,
    SENT_TO_COMPANY,
    INTERVIEW,
    HIRED,
    NOT_SELECTED,
    WITHDRAWN;

    /** The outcomes the referent may record from this status (the withdrawal is the tutor's too). */
    public Set<ReferralStatus> next() {
        return switch (this) {
            case PROPOSED -> EnumSet.of(SENT_TO_COMPANY, NOT_SELECTED, WITHDRAWN);
            case SENT_TO_COMPANY -> EnumSet.of(INTERVIEW, HIRED, NOT_SELECTED, WITHDRAWN);
            case INTERVIEW -> EnumSet.of(HIRED, NOT_SELECTED, WITHDRAWN);
            case HIRED, NOT_SELECTED, WITHDRAWN -> EnumSet.noneOf(ReferralStatus.class);
        };
    }

    public boolean isFinal() {
        return next().isEmpty();
    }

    public String labelKey() {
        return "referral.status." + name();
    }
}
