package it.ricolloca.workers;

/** How a worker was informed at the CPI's reception (accoglienza e informazione). */
public enum InformationChannel {
    IN_PERSON, GROUP_SESSION, PHONE, VIDEO_CALL, EMAIL;

    public String labelKey() {
        return "worker.information.channel." + name();
    }
}
