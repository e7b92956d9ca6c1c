package it.ricolloca.pathway;

/** A meeting of the register: held, or missed with or without a justified reason. */
public enum MeetingStatus {
    HELD,
    MISSED_JUSTIFIED,
    MISSED_UNJUSTIFIED;

    public String labelKey() {
        return "pathway.meeting.status." + name();
    }
}
