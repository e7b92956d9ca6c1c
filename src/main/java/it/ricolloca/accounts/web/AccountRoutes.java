package it.ricolloca.accounts.web;

/** The URLs of the accounts pages, shared by controllers, templates and tests. */
public final class AccountRoutes {

    public static final String HOME = "/";
    public static final String LOGIN = "/login";
    public static final String LOGOUT = "/logout";
    /** Sign-in through the regional identity provider (Spring Security's authorization request, ADR 0029). */
    public static final String SSO_START = "/oauth2/authorization/regione";
    /** Why Ricolloca refused a person the regional provider signed in (public). */
    public static final String SSO_REFUSED = "/login/regione/rifiutato";
    public static final String USERS = "/users";
    public static final String USER_NEW = "/users/new";
    public static final String USER = "/users/{id}";
    public static final String USER_EDIT = "/users/{id}/edit";
    public static final String USER_ENABLE = "/users/{id}/enable";
    public static final String USER_DISABLE = "/users/{id}/disable";
    public static final String USER_UNLOCK = "/users/{id}/unlock";
    public static final String USER_PASSWORD = "/users/{id}/password";
    public static final String USER_TOKENS = "/users/{id}/tokens";
    public static final String USER_TOKEN_REVOKE = "/users/{id}/tokens/{tokenId}/revoke";
    /** The machine clients (ADR 0030): the regional administrator registers, enables and disables them. */
    public static final String MACHINE_CLIENTS = "/machine-clients";
    public static final String MACHINE_CLIENT_NEW = "/machine-clients/new";
    public static final String MACHINE_CLIENT = "/machine-clients/{id}";
    public static final String MACHINE_CLIENT_ENABLE = "/machine-clients/{id}/enable";
    public static final String MACHINE_CLIENT_DISABLE = "/machine-clients/{id}/disable";
    public static final String DELEGATIONS = "/delegations";
    public static final String DELEGATION_NEW = "/delegations/new";
    public static final String DELEGATION_REVOKE = "/delegations/{id}/revoke";
    public static final String PASSWORD = "/account/password";
    public static final String TOKENS = "/account/tokens";
    public static final String TOKEN_REVOKE = "/account/tokens/{id}/revoke";
    /** The accessibility statement (AgID model), open to everybody. */
    public static final String ACCESSIBILITY = "/dichiarazione-accessibilita";
    /** The privacy notice (GDPR art. 13 and 14), open to everybody; not the administrator's {@code /privacy}. */
    public static final String PRIVACY_NOTICE = "/informativa-privacy";

    private AccountRoutes() {
    }

    public static String user(long id) {
        return "/users/" + id;
    }

    public static String userEdit(long id) {
        return user(id) + "/edit";
    }

    public static String userAction(long id, String action) {
        return user(id) + "/" + action;
    }

    public static String userTokenRevoke(long id, long tokenId) {
        return user(id) + "/tokens/" + tokenId + "/revoke";
    }

    public static String machineClient(long id) {
        return MACHINE_CLIENTS + "/" + id;
    }

    public static String machineClientEnable(long id) {
        return machineClient(id) + "/enable";
    }

    public static String machineClientDisable(long id) {
        return machineClient(id) + "/disable";
    }

    public static String delegationRevoke(long id) {
        return "/delegations/" + id + "/revoke";
    }

    public static String tokenRevoke(long id) {
        return "/account/tokens/" + id + "/revoke";
    }
}
