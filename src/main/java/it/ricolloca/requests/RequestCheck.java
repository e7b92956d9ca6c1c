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
}
