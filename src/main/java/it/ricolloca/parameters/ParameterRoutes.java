package it.ricolloca.parameters;

/** The URLs of the parameters pages. */
public final class ParameterRoutes {

    public static final String PARAMETERS = "/parameters";
    public static final String PARAMETER = "/parameters/{name}";

    private ParameterRoutes() {
    }
}
