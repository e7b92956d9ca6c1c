package it.ricolloca.reporting;

/** The URLs of the monitoring. */
public final class ReportRoutes {

    public static final String MONITORING = "/monitoring";
    public static final String CELL = "/monitoring/requests";
    public static final String XLSX = "/monitoring/requests-by-centre.xlsx";
    public static final String CSV = "/monitoring/requests-by-centre.csv";
    public static final String API = "/api/v1/reports/requests-by-centre";

    private ReportRoutes() {
    }
}
