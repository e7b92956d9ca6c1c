package it.ricolloca.shared.web;

import java.util.List;

/**
 * The addresses of the worker's own pages, all under {@code /me} (ADR 0040): a worker session reaches these and
 * nothing else; an operator session reaches none of them. Only {@link #SIGN_IN} and {@link #REFUSED} are public.
 */
public final class MeRoutes {

    public static final String PREFIX = "/me";
    public static final String HOME = "/me";
    /** Where a worker's sign-in starts (public): the button to the regional provider (SPID, CIE). */
    public static final String SIGN_IN = "/me/accedi";
    /** Why a person the provider signed in is not let in (public). */
    public static final String REFUSED = "/me/rifiutato";
    /** Spring Security's authorization request through the workers' registration (ADR 0040). */
    public static final String SSO_START = "/oauth2/authorization/cittadino";

    public static final String REQUEST = "/me/richiesta";
    public static final String REQUEST_OBSERVATION = "/me/richiesta/osservazioni";
    public static final String PATHWAY = "/me/percorso";
    public static final String DOCUMENTS = "/me/documenti";
    /** A document of the worker's own dossier (letters, pact, timesheet, uploads): another's is not found. */
    public static final String DOCUMENT = "/me/documenti/{id}";
    public static final String MESSAGES = "/me/messaggi";
    public static final String PACT = "/me/patto";
    public static final String CONTACTS = "/me/contatti";

    // Reserved for the worker's acts of issue 22 (diary, appointments, offers): their pages live at these addresses.
    public static final String DIARY = "/me/diario";
    public static final String APPOINTMENTS = "/me/appuntamenti";
    public static final String OFFERS = "/me/offerte";
    public static final String DIARY_ENTRY = "/me/diario/{id}";
    public static final String DIARY_DELETE = "/me/diario/{id}/elimina";
    public static final String DIARY_PROOF = "/me/diario/{id}/prova";
    public static final String APPOINTMENT_ICS = "/me/appuntamenti/{id}/calendario.ics";
    public static final String APPOINTMENT_MOVE = "/me/appuntamenti/{id}/spostamento";
    public static final String OFFER_INTEREST = "/me/offerte/{id}/interesse";

    /** The sections of the worker's navigation, in order: address and bundle key of its label. */
    public static final List<Section> SECTIONS = List.of(
            new Section(HOME, "me.nav.home"),
            new Section(REQUEST, "me.nav.request"),
            new Section(PATHWAY, "me.nav.pathway"),
            new Section(APPOINTMENTS, "me.nav.appointments"),
            new Section(DIARY, "me.nav.diary"),
            new Section(PACT, "me.nav.pact"),
            new Section(OFFERS, "me.nav.offers"),
            new Section(DOCUMENTS, "me.nav.documents"),
            new Section(MESSAGES, "me.nav.messages"),
            new Section(CONTACTS, "me.nav.contacts"));

    /** One entry of the worker's navigation. */
    public record Section(String href, String labelKey) {

        /** Whether the page at this path belongs to the section (the home only on its own address). */
        public boolean contains(String path) {
            return href.equals(HOME) ? path.equals(HOME) || path.equals(HOME + "/")
                    : path.equals(href) || path.startsWith(href + "/");
        }
    }

    /** An address with its {@code {name}} placeholders filled in order. */
    public static String of(String route, Object... values) {
        String s = route;
        for (Object v : values) {
            s = s.replaceFirst("\\{[^}]+}", String.valueOf(v));
        }
        return s;
    }

    private MeRoutes() {
    }
}
