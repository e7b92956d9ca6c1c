package it.ricolloca.requests;

/** What a worker with another active policy in progress chose after the CPI contacted them. */
public enum ActivePolicyChoice {
    END_OTHER_POLICY,
    KEEP_OTHER_POLICY;

    public String labelKey() {
        return "request.activePolicyChoice." + name();
    }
}
