package it.ricolloca.requests;

/** How a request reached the system: filed online by the worker, intermediated by the CPI, or read from the ministerial list. */
public enum RequestChannel {
    ONLINE,
    INTERMEDIATED,
    IMPORTED;

    public String labelKey() {
        return "request.channel." + name();
    }
}
