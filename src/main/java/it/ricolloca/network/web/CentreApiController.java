package it.ricolloca.network.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import it.ricolloca.network.NetworkRoutes;
import it.ricolloca.network.internal.JobCentreRepository;
import java.util.List;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The network for other systems, read with an API token. */
@RestController
class CentreApiController {

    /** A CPI as the API returns it. */
    record CentreDto(long id, String code, String name, String officialName, String province, String email,
            List<String> nameVariants, List<OfficeDto> offices) {
    }

    /** An office as the API returns it. */
    record OfficeDto(long id, String name, String address, String municipality, String postcode, String phone,
            String email) {
    }

    private final JobCentreRepository centres;

    CentreApiController(JobCentreRepository centres) {
        this.centres = centres;
    }

    @GetMapping(NetworkRoutes.API_CENTRES)
    @Operation(summary = "Elenco dei CPI della rete con le loro sedi", security = @SecurityRequirement(name = "bearer"))
    @Transactional(readOnly = true)
    List<CentreDto> centres() {
        return centres.findAllWithVariants().stream().map(c -> new CentreDto(c.getId(), c.getCode(), c.getName(),
                c.getOfficialName(), c.getProvince(), c.getEmail(), List.copyOf(c.getNameVariants()),
                c.getOffices().stream().map(o -> new OfficeDto(o.getId(), o.getName(), o.getAddress(),
                        o.getMunicipality(), o.getPostcode(), o.getPhone(), o.getEmail())).toList())).toList();
    }
}
