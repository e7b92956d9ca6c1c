package it.ricolloca.notifications;

/** The URLs of the regional agency's notices. */
public final class NoticeRoutes {

    public static final String NOTICES = "/notices";
    public static final String NOTICE = "/notices/{id}";

    private NoticeRoutes() {
    }

    public static String notice(long id) {
        return "/notices/" + id;
    }
}
