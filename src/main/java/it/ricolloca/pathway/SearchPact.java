package it.ricolloca.pathway;

import it.ricolloca.shared.web.Dates;
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
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One version of the intensive search pact (*Patto di ricerca intensiva*): drafted with the agreed
 * actions and the next appointments, then signed on a date within the days allowed after the first
 * appointment. A signed version never changes: amending it drafts the next version.
 */
@Entity
@Table(name = "pathway_pact")
public class SearchPact {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "pathway_id")
    private long pathwayId;

    @Column(name = "version_no")
    private int versionNo;

    @Enumerated(EnumType.STRING)
    private PactStatus status;

    @Column(name = "next_appointments")
    private String nextAppointments;

    @Column(name = "signed_on")
    private LocalDate signedOn;

    @Column(name = "document_id")
    private Long documentId;

    @Column(name = "signed_copy_id")
    private Long signedCopyId;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "created_at")
    private Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "pathway_pact_action", joinColumns = @JoinColumn(name = "pact_id"))
    @OrderColumn(name = "position")
    private List<PactAction> actions = new ArrayList<>();

    @Version
    private long version;

    protected SearchPact() {
    }

    public static SearchPact draft(long pathwayId, int versionNo, List<PactAction> actions, String nextAppointments,
            String by, Instant now) {
        SearchPact p = new SearchPact();
        p.pathwayId = pathwayId;
        p.versionNo = versionNo;
        p.status = PactStatus.DRAFT;
        p.actions = new ArrayList<>(actions);
        p.nextAppointments = nextAppointments;
        p.createdBy = by;
        p.createdAt = now;
        return p;
    }

    /** The next version, a draft with the same actions and appointments, to amend this signed one. */
    public SearchPact amend(String by, Instant now) {
        if (status != PactStatus.SIGNED) {
            throw new PathwayRefusedException("pathway.pact.amendOnlySigned");
        }
        return draft(pathwayId, versionNo + 1, actions, nextAppointments, by, now);
    }

    public void revise(List<PactAction> newActions, String newNextAppointments) {
        requireDraft();
        this.actions = new ArrayList<>(newActions);
        this.nextAppointments = newNextAppointments;
    }

    /**
     * Signs the draft on {@code on}: not before the first appointment held, not in the future, and
     * with at least one action. After {@code lastDay} (the pact term) it is refused only when the term
     * binds; otherwise it is signed late, and the answer says so (a warning for the provider).
     */
    public boolean sign(LocalDate on, LocalDate firstAppointment, LocalDate lastDay, boolean binding, LocalDate today) {
        requireDraft();
        if (firstAppointment == null) {
            throw new PathwayRefusedException("pathway.pact.notStarted");
        }
        if (actions.isEmpty()) {
            throw new PathwayRefusedException("pathway.pact.noActions");
        }
        if (on.isAfter(today) || on.isBefore(firstAppointment)) {
            throw new PathwayRefusedException("pathway.pact.signDate", Dates.format(firstAppointment));
        }
        boolean late = on.isAfter(lastDay);
        if (late && binding) {
            throw new PathwayRefusedException("pathway.pact.signLate", Dates.format(lastDay));
        }
        this.status = PactStatus.SIGNED;
        this.signedOn = on;
        return late;
    }

    public void supersede() {
        if (status != PactStatus.SIGNED) {
            throw new PathwayRefusedException("pathway.pact.amendOnlySigned");
        }
        this.status = PactStatus.SUPERSEDED;
    }

    public void attachDocument(long id) {
        this.documentId = id;
    }

    public void attachSignedCopy(long id) {
        if (status == PactStatus.DRAFT) {
            throw new PathwayRefusedException("pathway.pact.notSigned");
        }
        this.signedCopyId = id;
    }

    private void requireDraft() {
        if (status != PactStatus.DRAFT) {
            throw new PathwayRefusedException("pathway.pact.signedIsFinal", versionNo);
        }
    }

    public Long getId() {
        return id;
    }

    public long getPathwayId() {
        return pathwayId;
    }

    public int getVersionNo() {
        return versionNo;
    }

    public PactStatus getStatus() {
        return status;
    }

    public String getNextAppointments() {
        return nextAppointments;
    }

    public LocalDate getSignedOn() {
        return signedOn;
    }

    public Long getDocumentId() {
        return documentId;
    }

    public Long getSignedCopyId() {
        return signedCopyId;
    }

    public List<PactAction> getActions() {
        return List.copyOf(actions);
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public long getVersion() {
        return version;
    }
}
