package it.ricolloca.pathway;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.LocalDate;

/** One agreed action of a pact: its kind from the catalogue, what exactly, and by when. */
@Embeddable
public class PactAction {

    @Enumerated(EnumType.STRING)
    private PactActionKind kind;

    private String description;

    @Column(name = "due_on")
    private LocalDate dueOn;

    protected PactAction() {
    }

    public PactAction(PactActionKind kind, String description, LocalDate dueOn) {
        if (kind == null || description == null || description.isBlank() || description.length() > 1000) {
            throw new PathwayRefusedException("pathway.pact.actionInvalid");
        }
        this.kind = kind;
        this.description = description.strip();
        this.dueOn = dueOn;
    }

    public PactActionKind getKind() {
        return kind;
    }

    public String getDescription() {
        return description;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }
}
