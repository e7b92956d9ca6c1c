package it.ricolloca.network.web;

import it.ricolloca.network.JobCentre;

/** One line of the CPI list. */
public record CentreRow(long id, String code, String name, String province, String email, int offices) {

    static CentreRow of(JobCentre c) {
        return new CentreRow(c.getId(), c.getCode(), c.getName(), c.getProvince(), c.getEmail(), c.getOffices().size());
    }
}
