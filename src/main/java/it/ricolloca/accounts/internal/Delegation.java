package it.ricolloca.accounts.internal;

import it.ricolloca.accounts.DelegatedFunction;
import it.ricolloca.shared.DomainException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/** A CPI master user's grant of one function to an operator of the same CPI, for a period. */
@Entity
@Table(name = "accounts_delegation")
public class Delegation {

    /** Revoking a delegation that is already revoked or over. */
    public static class NotRevocableException extends DomainException {
        NotRevocableException() {
            super("delegation.notRevocable");
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "centre_id")
    private Long centreId;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "delegate_id")
    private UserAccount delegate;

    @Enumerated(EnumType.STRING)
    private DelegatedFunction function;

    @Column(name = "start_date")
    private LocalDate startDate;

    @Column(name = "end_date")
    private LocalDate endDate;

    @Column(name = "granted_by")
    private String grantedBy;

    @Column(name = "granted_at")
    private Instant grantedAt;

    @Column(name = "revoked_by")
    private String revokedBy;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Version
    private long version;

    protected Delegation() {
    }

    public Delegation(UserAccount delegate, DelegatedFunction function, LocalDate startDate, LocalDate endDate,
            String grantedBy) {
        this.centreId = delegate.getCentreId();
        this.delegate = delegate;
        this.function = function;
        this.startDate = startDate;
        this.endDate = endDate;
        this.grantedBy = grantedBy;
        this.grantedAt = Instant.now();
    }

    public void revoke(String by, LocalDate today) {
        if (revokedAt != null || (endDate != null && endDate.isBefore(today))) {
            throw new NotRevocableException();
        }
        this.revokedBy = by;
        this.revokedAt = Instant.now();
    }

    public boolean isActiveOn(LocalDate day) {
        return revokedAt == null && !startDate.isAfter(day) && (endDate == null || !endDate.isBefore(day));
    }

    public boolean overlaps(LocalDate from, LocalDate to) {
        if (revokedAt != null) {
            return false;
        }
        LocalDate myEnd = endDate == null ? LocalDate.MAX : endDate;
        LocalDate otherEnd = to == null ? LocalDate.MAX : to;
        return !startDate.isAfter(otherEnd) && !from.isAfter(myEnd);
    }

    public Long getId() {
        return id;
    }

    public Long getCentreId() {
        return centreId;
    }

    public UserAccount getDelegate() {
        return delegate;
    }

    public DelegatedFunction getFunction() {
        return function;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public String getGrantedBy() {
        return grantedBy;
    }

    public Instant getGrantedAt() {
        return grantedAt;
    }

    public String getRevokedBy() {
        return revokedBy;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public long getVersion() {
        return version;
    }
}
