package it.ricolloca.pathway;

import java.util.ArrayList;
import java.util.List;

/**
 * A tutor's qualifying experience (the seed: experience in accompaniment, orientation or
 * pre-selection), recorded once per tutor when first named for a pathway: at least one kind, the
 * years (0 to 60) and a short note.
 */
public record TutorExperience(boolean accompaniment, boolean orientation, boolean preSelection, int years, String note) {

    public TutorExperience {
        if (!accompaniment && !orientation && !preSelection) {
            throw new PathwayRefusedException("pathway.tutor.experience.kind");
        }
        if (years < 0 || years > 60) {
            throw new PathwayRefusedException("pathway.tutor.experience.years");
        }
        note = note == null || note.isBlank() ? null : note.strip();
        if (note != null && note.length() > 500) {
            throw new PathwayRefusedException("pathway.tutor.experience.note");
        }
    }

    /** The bundle keys of the kinds, in order. */
    public List<String> kindKeys() {
        List<String> keys = new ArrayList<>();
        if (accompaniment) {
            keys.add("pathway.tutor.experience.ACCOMPANIMENT");
        }
        if (orientation) {
            keys.add("pathway.tutor.experience.ORIENTATION");
        }
        if (preSelection) {
            keys.add("pathway.tutor.experience.PRE_SELECTION");
        }
        return keys;
    }
}
