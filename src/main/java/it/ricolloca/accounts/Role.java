package it.ricolloca.accounts;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a user may do. Regional roles span the network; CPI roles belong to the user's own CPI.
 * Only the roles that follow a worker's case read case files (the register record, requests,
 * pathways, breaches, dossiers); the vacancy roles see of a worker what a referral needs.
 */
public enum Role {
    REGIONAL_ADMIN(true, true),
    REGIONAL_ADR_SERVICE(true, true),
    REGIONAL_VACANCY_MANAGER(true, false),
    CPI_MASTER(false, true),
    CPI_OPERATOR(false, true),
    CPI_TUTOR(false, true),
    CPI_VACANCY_REFERENT(false, false);

    private final boolean regional;
    private final boolean readsCaseFiles;

    Role(boolean regional, boolean readsCaseFiles) {
        this.regional = regional;
        this.readsCaseFiles = readsCaseFiles;
    }

    public boolean isRegional() {
        return regional;
    }

    public boolean readsCaseFiles() {
        return readsCaseFiles;
    }

    /** The names of the roles that read case files, for the menu entries that lead to them. */
    public static Set<String> caseFileRoleNames() {
        return Arrays.stream(values()).filter(Role::readsCaseFiles).map(Role::name)
                .collect(Collectors.toUnmodifiableSet());
    }

    public String authority() {
        return "ROLE_" + name();
    }

    public String labelKey() {
        return "role." + name();
    }
}
