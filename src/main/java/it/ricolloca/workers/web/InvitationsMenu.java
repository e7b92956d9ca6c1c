package it.ricolloca.workers.web;

import it.ricolloca.shared.web.MenuArea;
import it.ricolloca.shared.web.MenuEntry;
import it.ricolloca.workers.WorkerRoutes;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class InvitationsMenu {

    @Bean
    MenuEntry invitationsMenuEntry() {
        return new MenuEntry(MenuArea.WORKERS, 40, "nav.invitations", WorkerRoutes.INVITATIONS, Set.of("REGIONAL_ADMIN", "REGIONAL_ADR_SERVICE"));
    }
}
