package it.ricolloca.network;

/**
 * What heads a CPI's letters: the regional agency, the CPI (its official name, address and e-mail)
 * and the officer responsible for its procedures, {@code null} when none is recorded (the letter
 * leaves a line to fill).
 */
public record Letterhead(String agencyName, String centreName, String centreOfficialName, String address, String email,
        String responsibleOfficer) {
}
