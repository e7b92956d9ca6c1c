package it.ricolloca.accounts;

/** What a user may do. Regional roles span the network; CPI roles belong to the user's own CPI. */
public enum Role {
    REGIONAL_ADMIN(true),
    REGIONAL_ADR_SERVICE(true),
    REGIONAL_VACANCY_MANAGER(true),
    CPI_MASTER(false),
    CPI_OPERATOR(false),
    CPI_TUTOR(false),
    CPI_VACANCY_REFERENT(false);

    private final boolean regional;

    Role(boolean regional) {
        this.regional = regional;
    }

    public boolean isRegional() {
        return regional;
    }

    public String authority() {
        return "ROLE_" + name();
    }

    public String labelKey() {
        return "role." + name();
    }
}
