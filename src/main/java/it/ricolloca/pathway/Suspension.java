package it.ricolloca.pathway;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** A period in which the service is suspended because the worker was hired on probation or for a fixed term. */
@Entity
@Table(name = "pathway_suspension")
public class Suspension {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "pathway_id")
    private long pathwayId;

    @Column(name = "suspended_on")
    private LocalDate suspendedOn;

    @Column(name = "resumed_on")
    private LocalDate resumedOn;

    @Enumerated(EnumType.STRING)
    private ContractType contract;

    private String employer;

    private String note;

    @Column(name = "recorded_by")
    private String recordedBy;

    protected Suspension() {
    }

    Suspension(long pathwayId, LocalDate suspendedOn, ContractType contract, String employer, String note,
            String recordedBy) {
        this.pathwayId = pathwayId;
        this.suspendedOn = suspendedOn;
        this.contract = contract;
        this.employer = employer;
        this.note = note;
        this.recordedBy = recordedBy;
    }

    void resume(LocalDate on) {
        this.resumedOn = on;
    }

    /** Days the service stood still, up to {@code today} while still suspended. */
    public long days(LocalDate today) {
        LocalDate end = resumedOn == null ? today : resumedOn;
        return Math.max(0, ChronoUnit.DAYS.between(suspendedOn, end));
    }

    public boolean isOpen() {
        return resumedOn == null;
    }

    public Long getId() {
        return id;
    }

    public LocalDate getSuspendedOn() {
        return suspendedOn;
    }

    public LocalDate getResumedOn() {
        return resumedOn;
    }

    public ContractType getContract() {
        return contract;
    }

    public String getEmployer() {
        return employer;
    }

    public String getNote() {
        return note;
    }
}
