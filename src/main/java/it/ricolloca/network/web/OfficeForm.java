package it.ricolloca.network.web;

import it.ricolloca.network.Office;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The office form. */
public record OfficeForm(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 300) String address,
        @NotBlank @Size(max = 100) String municipality,
        @Pattern(regexp = "(\\d{5})?") String postcode,
        @Size(max = 30) @Pattern(regexp = "[0-9 +./-]*") String phone,
        @Email @Size(max = 200) String email,
        Long version) {

    static OfficeForm empty() {
        return new OfficeForm("", "", "", "", "", "", 0L);
    }

    static OfficeForm of(Office o) {
        return new OfficeForm(o.getName(), nz(o.getAddress()), o.getMunicipality(), nz(o.getPostcode()),
                nz(o.getPhone()), nz(o.getEmail()), o.getVersion());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
