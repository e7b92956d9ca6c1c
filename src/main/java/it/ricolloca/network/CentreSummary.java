package it.ricolloca.network;

/** What other modules need of a CPI: its identity and how to address it. */
public record CentreSummary(long id, String code, String name, String officialName, String province, String email) {

    static CentreSummary of(JobCentre c) {
        return new CentreSummary(c.getId(), c.getCode(), c.getName(), c.getOfficialName(), c.getProvince(), c.getEmail());
    }
}
