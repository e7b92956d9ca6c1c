package it.ricolloca.pathway;

/** The two parts of the activation diary: preparatory activities (A) and active search actions (B). */
public enum DiaryPart {
    PREPARATORY,
    ACTIVE_SEARCH;

    public String labelKey() {
        return "pathway.diary.part." + name();
    }
}
