package it.ricolloca.pathway;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** Hours of service for one activity on one day, in the Fee4Service timesheet. */
@Entity
@Table(name = "pathway_timesheet_entry")
public class ServiceTimesheetEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "pathway_id")
    private long pathwayId;

    @Enumerated(EnumType.STRING)
    private ServiceTimesheetActivity activity;

    @Column(name = "on_date")
    private LocalDate onDate;

    private BigDecimal hours;

    private String note;

    @Column(name = "recorded_by")
    private String recordedBy;

    @Column(name = "recorded_at")
    private Instant recordedAt;

    protected ServiceTimesheetEntry() {
    }

    ServiceTimesheetEntry(long pathwayId, ServiceTimesheetActivity activity, LocalDate onDate, BigDecimal hours, String note,
            String recordedBy, Instant recordedAt) {
        this.pathwayId = pathwayId;
        this.activity = activity;
        this.onDate = onDate;
        this.hours = hours;
        this.note = note;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public Long getId() {
        return id;
    }

    public ServiceTimesheetActivity getActivity() {
        return activity;
    }

    public LocalDate getOnDate() {
        return onDate;
    }

    public BigDecimal getHours() {
        return hours;
    }

    public String getNote() {
        return note;
    }

    public String getRecordedBy() {
        return recordedBy;
    }
}
