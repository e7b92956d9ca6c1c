package it.ricolloca.network.web;

import it.ricolloca.network.JobCentre;
import it.ricolloca.network.Office;
import java.util.List;

/** A CPI with its offices as its page shows them (a template takes this, not the entity). */
public record CentreDetail(long id, String name, String officialName, String code, String province, String email,
        List<String> nameVariants, List<OfficeLine> offices) {

    /** One office of the CPI. */
    public record OfficeLine(long id, String name, String address, String postcode, String municipality, String phone,
            String email) {
    }

    static CentreDetail of(JobCentre c) {
        return new CentreDetail(c.getId(), c.getName(), c.getOfficialName(), c.getCode(), c.getProvince(), c.getEmail(),
                List.copyOf(c.getNameVariants()), c.getOffices().stream().map(CentreDetail::line).toList());
    }

    private static OfficeLine line(Office o) {
        return new OfficeLine(o.getId(), o.getName(), o.getAddress(), o.getPostcode(), o.getMunicipality(), o.getPhone(),
                o.getEmail());
    }
}
