package it.ricolloca.accounts.web;

import it.ricolloca.shared.web.MenuEntry;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AccountsMenu {

    @Bean
    MenuEntry homeMenu() {
        return new MenuEntry(10, "nav.home", AccountRoutes.HOME, Set.of());
    }

    @Bean
    MenuEntry usersMenu() {
        return new MenuEntry(40, "nav.users", AccountRoutes.USERS, Set.of("REGIONAL_ADMIN", "CPI_MASTER"));
    }

    @Bean
    MenuEntry delegationsMenu() {
        return new MenuEntry(50, "nav.delegations", AccountRoutes.DELEGATIONS,
                Set.of("REGIONAL_ADMIN", "REGIONAL_ADR_SERVICE", "CPI_MASTER"));
    }

    @Bean
    MenuEntry tokensMenu() {
        return new MenuEntry(80, "nav.tokens", AccountRoutes.TOKENS, Set.of());
    }

    @Bean
    MenuEntry passwordMenu() {
        return new MenuEntry(90, "nav.password", AccountRoutes.PASSWORD, Set.of());
    }
}
