package it.ricolloca.agenda;

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

/** The opening pattern of an office over a period: weekly, or a special period that replaces it. */
@Entity
@Table(name = "agenda_template")
public class AgendaTemplate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "office_id")
    private long officeId;

    private String name;

    @Enumerated(EnumType.STRING)
    private TemplateKind kind;

    @Column(name = "valid_from")
    private LocalDate validFrom;

    @Column(name = "valid_to")
    private LocalDate validTo;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "created_at")
    private Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "agenda_template_rule", joinColumns = @JoinColumn(name = "template_id"))
    @OrderColumn(name = "position")
    private List<TemplateRule> rules = new ArrayList<>();

    @Version
    private long version;

    protected AgendaTemplate() {
    }

    public AgendaTemplate(long officeId, String name, TemplateKind kind, LocalDate validFrom, LocalDate validTo,
            List<TemplateRule> rules, String createdBy, Instant createdAt) {
        if (rules.isEmpty()) {
            throw new AgendaRefusedException("agenda.template.noRules");
        }
        if (validTo != null && validTo.isBefore(validFrom)) {
            throw new AgendaRefusedException("agenda.period.invalid");
        }
        this.officeId = officeId;
        this.name = name;
        this.kind = kind;
        this.validFrom = validFrom;
        this.validTo = validTo;
        this.rules = new ArrayList<>(rules);
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    /** Ends the template's validity the day before {@code from} (from then on another template applies). */
    public void endBefore(LocalDate from) {
        if (!from.isAfter(validFrom)) {
            throw new AgendaRefusedException("agenda.template.endBeforeStart");
        }
        this.validTo = from.minusDays(1);
    }

    /** Still in force after that day, so it can still be ended. */
    public boolean endsAfter(LocalDate day) {
        return validTo == null || validTo.isAfter(day);
    }

    public boolean appliesOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }

    public Long getId() {
        return id;
    }

    public long getOfficeId() {
        return officeId;
    }

    public String getName() {
        return name;
    }

    public TemplateKind getKind() {
        return kind;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public LocalDate getValidTo() {
        return validTo;
    }

    public List<TemplateRule> getRules() {
        return List.copyOf(rules);
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public long getVersion() {
        return version;
    }
}
