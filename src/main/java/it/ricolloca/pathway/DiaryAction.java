package it.ricolloca.pathway;

/** The actions of the seed's activation diary: part A, preparatory activities; part B, active search. */
public enum DiaryAction {
    CV('A'),
    COVER_LETTER('A'),
    INFORMATION_INTERVIEW('A'),
    TRAINING_COURSE('A'),
    JOB_AD_REPLY('B'),
    SPONTANEOUS_APPLICATION('B'),
    JOB_INTERVIEW('B'),
    AGENCY_REGISTRATION('B'),
    JOB_SITE_REGISTRATION('B');

    private final char part;

    DiaryAction(char part) {
        this.part = part;
    }

    public char part() {
        return part;
    }

    public String labelKey() {
        return "pathway.diary.action." + name();
    }
}
