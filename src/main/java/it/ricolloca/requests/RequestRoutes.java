package it.ricolloca.requests;

import java.util.UUID;

/** The URLs of the requests and of the imports of the ministerial list. */
public final class RequestRoutes {

    public static final String IMPORTS = "/imports";
    public static final String IMPORT_NEW = "/imports/new";
    public static final String IMPORT = "/imports/{id}";
    public static final String IMPORT_REJECTIONS = "/imports/{id}/rejections.csv";
    public static final String IMPORT_COMPARE = "/imports/compare";
    public static final String IMPORT_JOB = "/imports/jobs/{id}";
    public static final String API_IMPORT_REQUESTS = "/api/v1/imports/requests";
    public static final String REQUESTS = "/requests";
    public static final String REQUEST = "/requests/{id}";
    public static final String REQUEST_NEW = "/requests/new";
    public static final String REQUEST_CHECKS = "/requests/{id}/checks";
    public static final String REQUEST_ACTIVE_POLICY_CONTACT = "/requests/{id}/active-policy-contact";
    public static final String REQUEST_OBSERVATIONS = "/requests/{id}/observations";
    public static final String REQUEST_NOTICE_DATE = "/requests/{id}/notice-date";
    public static final String REQUEST_NOTICE_RECEIPT = "/requests/{id}/notice-receipt";
    public static final String REQUEST_PROVIDER = "/requests/{id}/provider";
    public static final String REQUEST_ACT = "/requests/{id}/{act:rejection-notice|release|reject|block|reenable|withdraw}";
    public static final String REQUEST_DOCUMENT = "/requests/{id}/documents/{documentId}";
    public static final String API_REQUEST_RELEASE = "/api/v1/requests/{id}/release";
    public static final String API_REQUEST_REJECT = "/api/v1/requests/{id}/reject";
    public static final String API_REQUEST_CHECKS = "/api/v1/requests/{id}/checks";
    public static final String API_REQUEST_ACTIVE_POLICY_CONTACT = "/api/v1/requests/{id}/active-policy-contact";
    public static final String API_REQUEST_REJECTION_NOTICE = "/api/v1/requests/{id}/rejection-notice";
    public static final String API_REQUEST_OBSERVATIONS = "/api/v1/requests/{id}/observations";
    public static final String API_REQUEST_BLOCK = "/api/v1/requests/{id}/block";
    public static final String API_REQUEST_REENABLE = "/api/v1/requests/{id}/reenable";
    public static final String API_REQUEST_WITHDRAW = "/api/v1/requests/{id}/withdraw";
    public static final String API_REQUEST_PROVIDER = "/api/v1/requests/{id}/provider";
    public static final String API_REQUEST_NOTICE_DATE = "/api/v1/requests/{id}/notice-date";
    public static final String API_REQUEST_NOTICE_RECEIPT = "/api/v1/requests/{id}/notice-receipt";
    public static final String API_REQUESTS = "/api/v1/requests";
    public static final String API_REQUEST = "/api/v1/requests/{id}";

    private RequestRoutes() {
    }

    public static String job(UUID id) {
        return "/imports/jobs/" + id;
    }

    public static String request(long id) {
        return "/requests/" + id;
    }

    public static String importPage(long id) {
        return "/imports/" + id;
    }
}
