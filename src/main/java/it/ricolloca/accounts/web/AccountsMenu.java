package it.ricolloca.accounts.web;

import it.ricolloca.shared.web.MenuArea;
import it.ricolloca.shared.web.MenuEntry;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AccountsMenu {

    @Bean
    MenuEntry homeMenu() {
        return new MenuEntry(MenuArea.HOME, 10, "nav.home", AccountRoutes.HOME, Set.of());
    }

    @Bean
    MenuEntry usersMenu() {
        return new MenuEntry(MenuArea.ADMINISTRATION, 20, "nav.users", AccountRoutes.USERS, Set.of("REGIONAL_ADMIN", "CPI_MASTER"));
    }

    /** The systems that call the API with their own client-credentials tokens (ADR 0030). */
    @Bean
    MenuEntry machineClientsMenu() {
        return new MenuEntry(MenuArea.ADMINISTRATION, 25, "nav.machineClients", AccountRoutes.MACHINE_CLIENTS,
                Set.of("REGIONAL_ADMIN"));
    }

    @Bean
    MenuEntry delegationsMenu() {
        return new MenuEntry(MenuArea.ADMINISTRATION, 30, "nav.delegations", AccountRoutes.DELEGATIONS,
                Set.of("REGIONAL_ADMIN", "REGIONAL_ADR_SERVICE", "CPI_MASTER"));
    }

    /** Every user may hold API tokens for the acts their roles allow: a personal setting, not a workplace. */
    @Bean
    MenuEntry tokensMenu() {
        return new MenuEntry(MenuArea.PERSONAL, 30, "nav.tokens", AccountRoutes.TOKENS, Set.of());
    }

    @Bean
    MenuEntry passwordMenu() {
        return new MenuEntry(MenuArea.PERSONAL, 20, "nav.password", AccountRoutes.PASSWORD, Set.of());
    }
}
