package it.ricolloca.workers.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;

/** One job in the worker's work history; the profession code carries its classification (CP2011, CP2021). */
@Embeddable
public record WorkHistoryEntry(
        String employer,
        @Column(name = "employer_vat") String employerVat,
        @Column(name = "profession_code") String professionCode,
        @Column(name = "profession_label") String professionLabel,
        String classification,
        @Column(name = "contract_type") String contractType,
        @Column(name = "start_date") LocalDate startDate,
        @Column(name = "end_date") LocalDate endDate) {
}
