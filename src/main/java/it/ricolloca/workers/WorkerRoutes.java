package it.ricolloca.workers;

/** The URLs of the register's pages and API. */
public final class WorkerRoutes {

    public static final String WORKERS = "/workers";
    public static final String WORKER_NEW = "/workers/new";
    public static final String WORKER = "/workers/{id}";
    public static final String WORKER_EDIT = "/workers/{id}/edit";
    public static final String WORK_ADD = "/workers/{id}/work-history";
    public static final String WORK_REMOVE = "/workers/{id}/work-history/{index}/remove";
    public static final String EDUCATION_ADD = "/workers/{id}/education";
    public static final String EDUCATION_REMOVE = "/workers/{id}/education/{index}/remove";
    public static final String INFORMATION_ADD = "/workers/{id}/information";
    public static final String API_WORKER = "/api/v1/workers/{codiceFiscale}";
    public static final String API_WORKER_INFORMATION = "/api/v1/workers/{codiceFiscale}/information";
    public static final String REGISTER_EXPORT = "/workers/register.xlsx";
    public static final String REGISTER_EXPORT_ODS = "/workers/register.ods";
    public static final String REGISTER_IMPORT = "/workers/register/import";
    public static final String INVITATIONS = "/invitations";
    public static final String INVITATION_NEW = "/invitations/new";
    public static final String INVITATION = "/invitations/{id}";
    public static final String INVITATION_REJECTIONS = "/invitations/{id}/rejections.csv";
    public static final String API_IMPORT_INVITATIONS = "/api/v1/imports/invitations";

    private WorkerRoutes() {
    }

    public static String worker(long id) {
        return "/workers/" + id;
    }
}
