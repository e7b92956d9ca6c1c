package it.ricolloca.requests.web;

import it.ricolloca.requests.RequestRoutes;
import it.ricolloca.shared.web.MenuArea;
import it.ricolloca.shared.web.MenuEntry;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RequestsMenu {

    @Bean
    MenuEntry importsMenuEntry() {
        return new MenuEntry(MenuArea.WORKERS, 30, "nav.imports", RequestRoutes.IMPORTS, Set.of("REGIONAL_ADMIN", "REGIONAL_ADR_SERVICE"));
    }
}
