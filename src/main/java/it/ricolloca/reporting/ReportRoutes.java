package it.ricolloca.reporting;

/** The URLs of the monitoring. */
public final class ReportRoutes {

    public static final String MONITORING = "/monitoring";
    public static final String CELL = "/monitoring/requests";
    public static final String XLSX = "/monitoring/requests-by-centre.xlsx";
    public static final String ODS = "/monitoring/requests-by-centre.ods";
    public static final String CSV = "/monitoring/requests-by-centre.csv";
    public static final String API = "/api/v1/reports/requests-by-centre";
    public static final String NETWORK = "/monitoring/network";
    public static final String TABLE_XLSX = "/monitoring/network/{table}.xlsx";
    public static final String TABLE_ODS = "/monitoring/network/{table}.ods";
    public static final String TABLE_CSV = "/monitoring/network/{table}.csv";
    public static final String TABLE_API = "/api/v1/reports/tables/{table}";
    public static final String OVERVIEW = "/monitoring/overview";
    public static final String OVERVIEW_XLSX = "/monitoring/overview.xlsx";
    public static final String OVERVIEW_ODS = "/monitoring/overview.ods";
    public static final String CONTACTS = "/monitoring/contacts";
    public static final String CONTACTS_XLSX = "/monitoring/contacts.xlsx";
    public static final String CONTACTS_ODS = "/monitoring/contacts.ods";
    public static final String CONTACTS_CSV = "/monitoring/contacts.csv";
    public static final String PRIVACY = "/privacy";
    public static final String PRIVACY_EXPORT = "/privacy/export";

    private ReportRoutes() {
    }
}
