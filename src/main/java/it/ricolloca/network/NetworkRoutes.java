package it.ricolloca.network;

/** The URLs of the network pages and API, shared by controllers, templates and tests. */
public final class NetworkRoutes {

    public static final String CENTRES = "/centres";
    public static final String CENTRE_NEW = "/centres/new";
    public static final String CENTRE = "/centres/{id}";
    public static final String CENTRE_EDIT = "/centres/{id}/edit";
    public static final String OFFICE_NEW = "/centres/{id}/offices/new";
    public static final String OFFICE_EDIT = "/centres/{id}/offices/{officeId}/edit";
    public static final String API_CENTRES = "/api/v1/centres";

    private NetworkRoutes() {
    }

    public static String centre(long id) {
        return "/centres/" + id;
    }

    public static String centreEdit(long id) {
        return centre(id) + "/edit";
    }

    public static String officeNew(long id) {
        return centre(id) + "/offices/new";
    }

    public static String officeEdit(long id, long officeId) {
        return centre(id) + "/offices/" + officeId + "/edit";
    }
}
