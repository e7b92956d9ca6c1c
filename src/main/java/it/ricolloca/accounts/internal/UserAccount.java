package it.ricolloca.accounts.internal;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.Role;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.BatchSize;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** A person who signs in: regional, or attached to one CPI, with their roles. */
@Entity
@Table(name = "accounts_user")
public class UserAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String username;

    @Column(name = "full_name")
    private String fullName;

    private String email;

    @Column(name = "centre_id")
    private Long centreId;

    @Column(name = "password_hash")
    private String passwordHash;

    private boolean enabled = true;

    @Column(name = "failed_attempts")
    private int failedAttempts;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "password_changed_at")
    private Instant passwordChangedAt;

    @Column(name = "created_at")
    private Instant createdAt = Instant.now();

    /** The codice fiscale a single sign-on provider may identify this person by (ADR 0029); null when unknown. */
    @Column(name = "fiscal_code")
    private String fiscalCode;

    @ElementCollection(fetch = FetchType.EAGER)
    @BatchSize(size = 100)
    @CollectionTable(name = "accounts_user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @Version
    private long version;

    protected UserAccount() {
    }

    public UserAccount(String username, String fullName, String email, Long centreId, Collection<Role> roles,
            String passwordHash) {
        this.username = username.strip().toLowerCase();
        this.passwordHash = passwordHash;
        this.passwordChangedAt = Instant.now();
        update(fullName, email, centreId, roles);
    }

    public void update(String fullName, String email, Long centreId, Collection<Role> roles) {
        this.fullName = fullName.strip();
        this.email = email.strip();
        this.centreId = centreId;
        this.roles.clear();
        this.roles.addAll(roles);
    }

    public void changePassword(String newHash) {
        this.passwordHash = newHash;
        this.passwordChangedAt = Instant.now();
    }

    public void enable() {
        this.enabled = true;
    }

    public void disable() {
        this.enabled = false;
    }

    public void unlock() {
        this.lockedUntil = null;
        this.failedAttempts = 0;
    }

    public boolean isLocked(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public CurrentUser toCurrentUser() {
        return new CurrentUser(id, username, fullName, centreId, roles);
    }

    public Long getId() {
        return id;
    }

    public String getFiscalCode() {
        return fiscalCode;
    }

    /** The codice fiscale matched against the single sign-on claim (upper case), or null. */
    public void setFiscalCode(String fiscalCode) {
        this.fiscalCode = fiscalCode == null || fiscalCode.isBlank() ? null
                : fiscalCode.strip().toUpperCase(java.util.Locale.ROOT);
    }

    public String getUsername() {
        return username;
    }

    public String getFullName() {
        return fullName;
    }

    public String getEmail() {
        return email;
    }

    public Long getCentreId() {
        return centreId;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public int getFailedAttempts() {
        return failedAttempts;
    }

    public Instant getLockedUntil() {
        return lockedUntil;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Set<Role> getRoles() {
        return Collections.unmodifiableSet(roles);
    }

    public long getVersion() {
        return version;
    }
}
