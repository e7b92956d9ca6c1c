package it.ricolloca.shared.web;

import java.util.List;

/**
 * What the frame of the worker's pages ({@code me/frame.jte}, ADR 0040) needs besides the page's content: the
 * worker's name and the sections of the navigation, the current one marked. Every page under {@code /me} gets it
 * as the model attribute {@code me} (null for anyone who is not a signed-in worker).
 */
public record MeFrame(String workerName, List<Item> sections) {

    /** One section of the navigation. */
    public record Item(String href, String labelKey, boolean active) {
    }

    /** The frame for the worker with this name, on the page at this path. */
    public static MeFrame of(String workerName, String path) {
        return new MeFrame(workerName, MeRoutes.SECTIONS.stream()
                .map(s -> new Item(s.href(), s.labelKey(), s.contains(path))).toList());
    }
}
