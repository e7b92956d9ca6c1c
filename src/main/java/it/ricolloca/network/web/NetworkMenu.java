package it.ricolloca.network.web;

import it.ricolloca.network.NetworkRoutes;
import it.ricolloca.shared.web.MenuArea;
import it.ricolloca.shared.web.MenuEntry;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class NetworkMenu {

    @Bean
    MenuEntry centresMenu() {
        return new MenuEntry(MenuArea.NETWORK, 10, "nav.centres", NetworkRoutes.CENTRES, Set.of());
    }
}
