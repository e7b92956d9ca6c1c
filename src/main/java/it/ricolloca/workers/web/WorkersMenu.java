package it.ricolloca.workers.web;

import it.ricolloca.accounts.Role;
import it.ricolloca.shared.web.MenuArea;
import it.ricolloca.shared.web.MenuEntry;
import it.ricolloca.workers.WorkerRoutes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WorkersMenu {

    @Bean
    MenuEntry workersMenuEntry() {
        return new MenuEntry(MenuArea.WORKERS, 10, "nav.workers", WorkerRoutes.WORKERS, Role.caseFileRoleNames());
    }
}
