package it.ricolloca.pathway;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/** A meeting of the register: when, held or missed, what was discussed and agreed, and when the next one is. */
@Entity
@Table(name = "pathway_meeting")
public class Meeting {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "pathway_id")
    private long pathwayId;

    @Column(name = "on_date")
    private LocalDate onDate;

    @Column(name = "start_time")
    private LocalTime start;

    @Column(name = "end_time")
    private LocalTime end;

    @Enumerated(EnumType.STRING)
    private MeetingStatus status;

    private String topics;

    @Column(name = "actions_agreed")
    private String actionsAgreed;

    @Column(name = "next_meeting")
    private LocalDate nextMeeting;

    @Column(name = "recorded_by")
    private String recordedBy;

    @Column(name = "recorded_at")
    private Instant recordedAt;

    protected Meeting() {
    }

    Meeting(long pathwayId, LocalDate onDate, LocalTime start, LocalTime end, MeetingStatus status, String topics,
            String actionsAgreed, LocalDate nextMeeting, String recordedBy, Instant recordedAt) {
        this.pathwayId = pathwayId;
        this.onDate = onDate;
        this.start = start;
        this.end = end;
        this.status = status;
        this.topics = topics;
        this.actionsAgreed = actionsAgreed;
        this.nextMeeting = nextMeeting;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public long minutes() {
        return Duration.between(start, end).toMinutes();
    }

    /** A held meeting shorter or longer than the rule allows. */
    public boolean outsideDuration(int minMinutes, int maxMinutes) {
        return status == MeetingStatus.HELD && (minutes() < minMinutes || minutes() > maxMinutes);
    }

    public Long getId() {
        return id;
    }

    public LocalDate getOnDate() {
        return onDate;
    }

    public LocalTime getStart() {
        return start;
    }

    public LocalTime getEnd() {
        return end;
    }

    public MeetingStatus getStatus() {
        return status;
    }

    public String getTopics() {
        return topics;
    }

    public String getActionsAgreed() {
        return actionsAgreed;
    }

    public LocalDate getNextMeeting() {
        return nextMeeting;
    }

    public String getRecordedBy() {
        return recordedBy;
    }
}
