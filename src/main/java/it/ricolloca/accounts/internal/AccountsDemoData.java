package it.ricolloca.accounts.internal;

import it.ricolloca.accounts.DelegatedFunction;
import it.ricolloca.accounts.Role;
import it.ricolloca.audit.AuditTrail;
import it.ricolloca.network.CentreSummary;
import it.ricolloca.network.JobCentres;
import it.ricolloca.shared.Detail;
import it.ricolloca.shared.DemoMode;
import it.ricolloca.shared.web.Dates;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Loads, once, the demo users listed in the README, their delegations and the administrator's API token. */
@Component
@Order(20)
class AccountsDemoData implements ApplicationRunner {

    static final String PASSWORD = "demo-ricolloca";
    static final String TOKEN = "demo-token-regione";
    private static final Logger log = LoggerFactory.getLogger(AccountsDemoData.class);

    private final DemoMode demo;
    private final UserAccountRepository users;
    private final DelegationRepository delegations;
    private final ApiTokens tokens;
    private final JobCentres centres;
    private final PasswordEncoder encoder;
    private final AuditTrail audit;

    AccountsDemoData(DemoMode demo, UserAccountRepository users, DelegationRepository delegations, ApiTokens tokens,
            JobCentres centres, PasswordEncoder encoder, AuditTrail audit) {
        this.demo = demo;
        this.users = users;
        this.delegations = delegations;
        this.tokens = tokens;
        this.centres = centres;
        this.encoder = encoder;
        this.audit = audit;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!demo.isEnabled() || users.existsByUsername("regione")) {
            return;
        }
        String hash = encoder.encode(PASSWORD);
        UserAccount admin = users.save(new UserAccount("regione", "Amministrazione regionale", "regione@example.org",
                null, Set.of(Role.REGIONAL_ADMIN), hash));
        users.save(new UserAccount("adr.regione", "Servizio AdR regionale", "adr.regione@example.org", null,
                Set.of(Role.REGIONAL_ADR_SERVICE), hash));
        users.save(new UserAccount("reclutamenti.regione", "Servizio Grandi Reclutamenti",
                "reclutamenti.regione@example.org", null, Set.of(Role.REGIONAL_VACANCY_MANAGER), hash));
        centre("TORINO-BOLOGNA", "torino", "Torino", hash);
        centre("NOVARA", "novara", "Novara", hash);
        users.flush();
        tokens.createWithValue(admin.getId(), "Token dimostrativo", "regione", TOKEN);
        audit.record("DEMO_USERS_LOADED", "UserAccount", "", Detail.of("audit.detail.demoUsers", 11).encoded());
        log.info("Utenti dimostrativi caricati (password {})", PASSWORD);
    }

    private void centre(String code, String suffix, String city, String hash) {
        CentreSummary centre = centres.all().stream().filter(c -> c.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalStateException("CPI dimostrativo mancante: " + code));
        long id = centre.id();
        users.save(new UserAccount("master." + suffix, "Utente master " + city, "master." + suffix + "@example.org", id,
                Set.of(Role.CPI_MASTER), hash));
        UserAccount operator = users.save(new UserAccount("operatore." + suffix, "Operatore " + city,
                "operatore." + suffix + "@example.org", id, Set.of(Role.CPI_OPERATOR), hash));
        users.save(new UserAccount("tutor." + suffix, "Tutor " + city, "tutor." + suffix + "@example.org", id,
                Set.of(Role.CPI_TUTOR), hash));
        users.save(new UserAccount("referente." + suffix, "Referente offerte " + city,
                "referente." + suffix + "@example.org", id, Set.of(Role.CPI_VACANCY_REFERENT), hash));
        for (DelegatedFunction f : List.of(DelegatedFunction.INTERMEDIATED_REQUEST, DelegatedFunction.RELEASE)) {
            delegations.save(new Delegation(operator, f, Dates.today(), null, "master." + suffix));
        }
    }
}
