package it.ricolloca.requests;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Observations the worker sent after a notice of rejection, with the documents attached. */
@Entity
@Table(name = "requests_observation")
public class RequestObservation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "request_id")
    private VoucherRequest request;

    @Column(name = "received_on")
    private LocalDate receivedOn;

    private String text;

    @Column(name = "recorded_by")
    private String recordedBy;

    @Column(name = "recorded_at")
    private Instant recordedAt;

    @ElementCollection
    @CollectionTable(name = "requests_observation_document", joinColumns = @JoinColumn(name = "observation_id"))
    @Column(name = "document_id")
    private List<Long> documentIds = new ArrayList<>();

    protected RequestObservation() {
    }

    RequestObservation(VoucherRequest request, LocalDate receivedOn, String text, String recordedBy, Instant recordedAt,
            List<Long> documentIds) {
        this.request = request;
        this.receivedOn = receivedOn;
        this.text = text;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
        this.documentIds = new ArrayList<>(documentIds);
    }

    public Long getId() {
        return id;
    }

    public LocalDate getReceivedOn() {
        return receivedOn;
    }

    public String getText() {
        return text;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public List<Long> getDocumentIds() {
        return List.copyOf(documentIds);
    }

    /** Arrived after the observation window closed. */
    public boolean isLate() {
        return request.getObservationDeadline() != null && receivedOn.isAfter(request.getObservationDeadline());
    }
}
