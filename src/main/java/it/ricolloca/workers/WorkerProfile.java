package it.ricolloca.workers;

import java.util.List;

/**
 * What the vacancy board matches of a worker: the name as lists show it ({@code Cognome Nome}, empty
 * when the register has none), the residence, the competent CPI, the skills and the professions of
 * the work history (ISTAT codes and labels).
 */
public record WorkerProfile(long id, String taxCode, String name, String municipality, Long competentCentreId,
        String skills, List<String> professionCodes, List<String> professionLabels) {
}
