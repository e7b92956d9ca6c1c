package it.ricolloca.workers.internal;

import jakarta.persistence.Embeddable;

/** One title in the worker's education history. */
@Embeddable
public record EducationEntry(String title, String institution, Integer year) {
}
