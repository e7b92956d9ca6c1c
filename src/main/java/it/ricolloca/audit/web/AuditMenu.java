package it.ricolloca.audit.web;

import it.ricolloca.audit.AuditRoutes;
import it.ricolloca.shared.web.MenuArea;
import it.ricolloca.shared.web.MenuEntry;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AuditMenu {

    @Bean
    MenuEntry auditMenuEntry() {
        return new MenuEntry(MenuArea.ADMINISTRATION, 40, "nav.audit", AuditRoutes.ENTRIES, Set.of("REGIONAL_ADMIN"));
    }
}
