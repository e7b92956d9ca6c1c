package it.ricolloca.vacancies;

/** The URLs of the vacancy board. */
public final class VacancyRoutes {

    public static final String BOARD = "/vacancies";
    public static final String NEW = "/vacancies/new";
    public static final String VACANCY = "/vacancies/{id}";
    public static final String EDIT = "/vacancies/{id}/edit";
    public static final String STATUS = "/vacancies/{id}/status";
    public static final String CANDIDATES = "/vacancies/{id}/candidates";
    public static final String REFERRALS = "/vacancies/{id}/referrals";
    public static final String REFERRAL = "/vacancies/referrals/{referralId}";
    public static final String REFERRAL_OUTCOME = "/vacancies/referrals/{referralId}/outcome";
    public static final String REFERRAL_HIRE = "/vacancies/referrals/{referralId}/hire";
    public static final String MATCHES = "/vacancies/matches/{pathwayId}";
    public static final String INTEREST = "/vacancies/interests/{id}";
    public static final String INTEREST_SET_ASIDE = "/vacancies/interests/{id}/set-aside";
    public static final String REFERENTS = "/vacancies/referents";
    public static final String REFERENT_END = "/vacancies/referents/{referentId}/end";
    public static final String IMPORT = "/vacancies/import";
    public static final String EXPORT = "/vacancies/board.xlsx";
    public static final String EXPORT_ODS = "/vacancies/board.ods";
    public static final String API_VACANCIES = "/api/v1/vacancies";
    public static final String API_IMPORT = "/api/v1/imports/vacancies";
    public static final String API_EXPORT = "/api/v1/exports/vacancies.xlsx";
    public static final String API_EXPORT_ODS = "/api/v1/exports/vacancies.ods";

    private VacancyRoutes() {
    }

    public static String vacancy(long id) {
        return "/vacancies/" + id;
    }

    public static String edit(long id) {
        return "/vacancies/" + id + "/edit";
    }

    public static String status(long id) {
        return "/vacancies/" + id + "/status";
    }

    public static String candidates(long id) {
        return "/vacancies/" + id + "/candidates";
    }

    public static String referrals(long id) {
        return "/vacancies/" + id + "/referrals";
    }

    public static String referralOutcome(long id) {
        return "/vacancies/referrals/" + id + "/outcome";
    }

    public static String referralHire(long id) {
        return "/vacancies/referrals/" + id + "/hire";
    }

    /** An offer the worker marked as interesting, for the tutor to decide. */
    public static String interest(long id) {
        return "/vacancies/interests/" + id;
    }

    public static String interestSetAside(long id) {
        return "/vacancies/interests/" + id + "/set-aside";
    }

    public static String referentEnd(long id) {
        return "/vacancies/referents/" + id + "/end";
    }

    public static String referral(long id) {
        return "/vacancies/referrals/" + id;
    }

    public static String matches(long pathwayId) {
        return "/vacancies/matches/" + pathwayId;
    }
}
