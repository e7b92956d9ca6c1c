package it.ricolloca.places;

/** The URLs of the places module. */
public final class PlaceRoutes {

    /** The municipality picker's search, as JSON ({@code ?q=tor}). */
    public static final String SEARCH = "/places/municipalities";

    private PlaceRoutes() {
    }
}
