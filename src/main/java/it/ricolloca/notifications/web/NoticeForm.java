package it.ricolloca.notifications.web;

import it.ricolloca.accounts.Role;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A notice to send: its title and text, the CPIs (none: every CPI) and the roles (none: every CPI
 * role) it goes to. The lists keep the names the form posts, one value per chosen option.
 */
public record NoticeForm(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 8000) String body,
        List<Long> centre, List<Role> role) {

    static final NoticeForm EMPTY = new NoticeForm("", "", List.of(), List.of());

    public boolean chose(long centreId) {
        return centre != null && centre.contains(centreId);
    }

    public boolean chose(Role r) {
        return role != null && role.contains(r);
    }

    List<Long> centres() {
        return centre == null ? List.of() : centre.stream().filter(c -> c != null).distinct().toList();
    }

    List<Role> roles() {
        return role == null ? List.of() : role.stream().filter(r -> r != null).distinct().toList();
    }
}
