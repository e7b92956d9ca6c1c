package it.ricolloca.requests;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** One check of a request, as recorded: kind, outcome, date, operator, note. A later check of the same kind supersedes it. */
@Entity
@Table(name = "requests_check")
public class RequestCheck {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "request_id")
    private VoucherRequest request;

    @Enumerated(EnumType.STRING)
    private CheckKind kind;

    @Enumerated(EnumType.STRING)
    private CheckOutcome outcome;

    @Column(name = "checked_on")
    private LocalDate checkedOn;

    @Column(name = "checked_by")
    private String checkedBy;

    private String note;

    @Column(name = "recorded_at")
    private Instant recordedAt;

    @Column(name = "unemployed_since")
    private LocalDate unemployedSince;

    @Column(name = "naspi_months_met")
    private Boolean naspiMonthsMet;

    protected RequestCheck() {
    }

    RequestCheck(VoucherRequest request, CheckKind kind, CheckOutcome outcome, LocalDate checkedOn, String checkedBy,
            String note, Instant recordedAt) {
        this.request = request;
        this.kind = kind;
        this.outcome = outcome;
        this.checkedOn = checkedOn;
        this.checkedBy = checkedBy;
        this.note = note;
        this.recordedAt = recordedAt;
    }

    void computedNaspiMonths(LocalDate unemployedSince, Boolean met) {
        this.unemployedSince = unemployedSince;
        this.naspiMonthsMet = met;
    }

    public Long getId() {
        return id;
    }

    public CheckKind getKind() {
        return kind;
    }

    public CheckOutcome getOutcome() {
        return outcome;
    }

    public LocalDate getCheckedOn() {
        return checkedOn;
    }

    public String getCheckedBy() {
        return checkedBy;
    }

    public String getNote() {
        return note;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    /** For a NASpI check: the start of unemployment the months were counted from, when known. */
    public LocalDate getUnemployedSince() {
        return unemployedSince;
    }

    /** For a NASpI check: whether unemployment exceeded the months required on the request date (computed, not decided). */
    public Boolean getNaspiMonthsMet() {
        return naspiMonthsMet;
    }
}
