package it.ricolloca.workers;

/** The state of the worker's NASpI benefit; LAPSED: lost with the unemployment status by a decadenza of the competent CPI. */
public enum NaspiStatus {
    ACTIVE,
    SUSPENDED,
    ENDED,
    LAPSED;

    public String labelKey() {
        return "worker.naspi.status." + name();
    }
}
