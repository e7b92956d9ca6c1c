package it.ricolloca.accounts.internal;

import it.ricolloca.accounts.Role;
import it.ricolloca.audit.AuditTrail;
import it.ricolloca.shared.web.Messages;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first regional administrator of an empty database (a new deployment on an external PostgreSQL):
 * created at start from {@code ricolloca.first-admin.*} only while no user exists at all, so the settings
 * can stay in place and never change anyone afterwards. A username or password that breaks the rules stops
 * the start with an Italian message instead of creating a weak account. Two nodes starting together on the
 * empty database create it once (advisory lock).
 */
@Component
@Order(25)
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{3,60}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,100}@[^@\\s]{1,98}\\.[^@\\s]{2,}");

    private final UserAccountRepository users;
    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final AuditTrail audit;
    private final Messages messages;
    private final String username;
    private final String password;
    private final String email;

    FirstAdministrator(UserAccountRepository users, JdbcClient jdbc, PasswordEncoder encoder, AuditTrail audit,
            Messages messages, @Value("${ricolloca.first-admin.username:}") String username,
            @Value("${ricolloca.first-admin.password:}") String password,
            @Value("${ricolloca.first-admin.email:}") String email) {
        this.users = users;
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.audit = audit;
        this.messages = messages;
        this.username = username.strip().toLowerCase(Locale.ROOT);
        this.password = password;
        this.email = email.strip();
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (username.isEmpty()) {
            return;
        }
        jdbc.sql("select pg_advisory_xact_lock(hashtext('accounts.first-admin'))").query(Object.class).single();
        if (users.count() > 0) {
            log.info("ricolloca.first-admin ignorato: nel database esistono già utenti");
            return;
        }
        if (!USERNAME.matcher(username).matches()) {
            throw new IllegalStateException(messages.t("firstAdmin.username.invalid", username));
        }
        if (!EMAIL.matcher(email).matches()) {
            throw new IllegalStateException(messages.t("firstAdmin.email.invalid", email));
        }
        PasswordPolicy.violation(password, username).ifPresent(key -> {
            throw new IllegalStateException(messages.t("firstAdmin.password.invalid", messages.t(key)));
        });
        UserAccount admin = users.saveAndFlush(new UserAccount(username, messages.t("firstAdmin.fullName"),
                email, null, Set.of(Role.REGIONAL_ADMIN), encoder.encode(password)));
        audit.record("FIRST_ADMIN_CREATED", "UserAccount", admin.getId(), admin.getUsername());
        log.info("Primo amministratore regionale creato: {}", admin.getUsername());
    }
}
