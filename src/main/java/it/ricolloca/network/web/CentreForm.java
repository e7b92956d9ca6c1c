package it.ricolloca.network.web;

import it.ricolloca.network.JobCentre;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.List;

/** The CPI form: identity, contact, the name variants (one per line) and what its letters print. */
public record CentreForm(
        @NotBlank @Size(max = 20) @Pattern(regexp = "[A-Za-z0-9-]*") String code,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 250) String officialName,
        @NotBlank @Pattern(regexp = "[A-Za-z]{2}") String province,
        @NotBlank @Email @Size(max = 200) String email,
        @Size(max = 5000) String variants,
        @Size(max = 300) String address,
        @Size(max = 200) String responsibleOfficer,
        Long version) {

    static CentreForm empty() {
        return new CentreForm("", "", "", "", "", "", "", "", 0L);
    }

    static CentreForm of(JobCentre c) {
        return new CentreForm(c.getCode(), c.getName(), c.getOfficialName(), c.getProvince(), c.getEmail(),
                String.join("\n", c.getNameVariants()), c.getAddress() == null ? "" : c.getAddress(),
                c.getResponsibleOfficer() == null ? "" : c.getResponsibleOfficer(), c.getVersion());
    }

    List<String> variantList() {
        return variants == null ? List.of() : Arrays.stream(variants.split("\\R")).map(String::strip)
                .filter(s -> !s.isEmpty()).distinct().toList();
    }
}
