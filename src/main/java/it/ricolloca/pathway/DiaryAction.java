package it.ricolloca.pathway;

/** The actions of the seed's activation diary: part A, preparatory activities; part B, active search. */
public enum DiaryAction {
    CV(DiaryPart.PREPARATORY),
    COVER_LETTER(DiaryPart.PREPARATORY),
    INFORMATION_INTERVIEW(DiaryPart.PREPARATORY),
    TRAINING_COURSE(DiaryPart.PREPARATORY),
    JOB_AD_REPLY(DiaryPart.ACTIVE_SEARCH),
    SPONTANEOUS_APPLICATION(DiaryPart.ACTIVE_SEARCH),
    JOB_INTERVIEW(DiaryPart.ACTIVE_SEARCH),
    AGENCY_REGISTRATION(DiaryPart.ACTIVE_SEARCH),
    JOB_SITE_REGISTRATION(DiaryPart.ACTIVE_SEARCH);

    private final DiaryPart part;

    DiaryAction(DiaryPart part) {
        this.part = part;
    }

    public DiaryPart part() {
        return part;
    }

    public String labelKey() {
        return "pathway.diary.action." + name();
    }
}
