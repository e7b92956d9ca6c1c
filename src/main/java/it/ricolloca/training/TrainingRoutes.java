package it.ricolloca.training;

/** The URLs of the operators' training. */
public final class TrainingRoutes {

    public static final String COURSES = "/training";
    public static final String COURSE = "/training/courses/{id}";
    public static final String SESSIONS = "/training/courses/{id}/sessions";
    public static final String SESSION = "/training/sessions/{id}";
    public static final String ENROLMENTS = "/training/sessions/{id}/enrolments";
    public static final String ATTENDANCE = "/training/sessions/{id}/attendance";
    public static final String WITHDRAW = "/training/enrolments/{id}/withdraw";
    public static final String CERTIFICATE = "/training/enrolments/{id}/certificate.pdf";
    public static final String COVERAGE = "/training/coverage";

    private TrainingRoutes() {
    }

    public static String course(long id) {
        return "/training/courses/" + id;
    }

    public static String session(long id) {
        return "/training/sessions/" + id;
    }

}
