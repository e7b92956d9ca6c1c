package it.ricolloca.pathway;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A line of the worker's activation diary, with the seed's fields: action, date, how, company
 * address or e-mail, profile sought or offered, outcome; transcribed from the paper diary or
 * declared by the worker; marked reviewed in a meeting.
 */
@Entity
@Table(name = "pathway_diary_entry")
public class DiaryEntry {

    /** Where an entry comes from. */
    public enum Source {
        PAPER_DIARY,
        WORKER
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "pathway_id")
    private long pathwayId;

    @Enumerated(EnumType.STRING)
    private DiaryAction action;

    @Column(name = "on_date")
    private LocalDate onDate;

    private String how;

    private String company;

    private String profile;

    private String outcome;

    @Enumerated(EnumType.STRING)
    private Source source;

    @Column(name = "reviewed_meeting_id")
    private Long reviewedMeetingId;

    @Column(name = "recorded_by")
    private String recordedBy;

    @Column(name = "recorded_at")
    private Instant recordedAt;

    @Column(name = "proof_document_id")
    private Long proofDocumentId;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected DiaryEntry() {
    }

    DiaryEntry(long pathwayId, DiaryAction action, LocalDate onDate, String how, String company, String profile,
            String outcome, Source source, String recordedBy, Instant recordedAt) {
        this.pathwayId = pathwayId;
        this.action = action;
        this.onDate = onDate;
        this.how = how;
        this.company = company;
        this.profile = profile;
        this.outcome = outcome;
        this.source = source;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    void edit(DiaryAction action, LocalDate onDate, String how, String company, String profile, String outcome,
            Instant now) {
        this.action = action;
        this.onDate = onDate;
        this.how = how;
        this.company = company;
        this.profile = profile;
        this.outcome = outcome;
        this.updatedAt = now;
    }

    void proof(Long documentId) {
        this.proofDocumentId = documentId;
    }

    /** Whether it was reviewed in a meeting: then it no longer changes. */
    public boolean isReviewed() {
        return reviewedMeetingId != null;
    }

    /** Whether the worker entered it (from their own pages). */
    public boolean byWorker() {
        return source == Source.WORKER;
    }

    public Long getProofDocumentId() {
        return proofDocumentId;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    void reviewedIn(long meetingId) {
        this.reviewedMeetingId = meetingId;
    }

    public Long getId() {
        return id;
    }

    public DiaryAction getAction() {
        return action;
    }

    public LocalDate getOnDate() {
        return onDate;
    }

    public String getHow() {
        return how;
    }

    public String getCompany() {
        return company;
    }

    public String getProfile() {
        return profile;
    }

    public String getOutcome() {
        return outcome;
    }

    public Source getSource() {
        return source;
    }

    public Long getReviewedMeetingId() {
        return reviewedMeetingId;
    }

    public String getRecordedBy() {
        return recordedBy;
    }
}
