package it.ricolloca.workers;

/** The state of the worker's NASpI benefit. */
public enum NaspiStatus {
    ACTIVE,
    SUSPENDED,
    ENDED;

    public String labelKey() {
        return "worker.naspi.status." + name();
    }
}
