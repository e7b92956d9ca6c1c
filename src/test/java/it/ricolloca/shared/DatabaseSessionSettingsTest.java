package it.ricolloca.shared;

import static org.assertj.core.api.Assertions.assertThat;

import it.ricolloca.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded database's settings (ADR 0045): a pooled connection plans each statement for its own values,
 * and the server's cache is the configured 1 GB, not initdb's 128 MB.
 */
@IntegrationTest
class DatabaseSessionSettingsTest {

    @Autowired JdbcClient jdbc;

    @Test
    void aConnectionPlansEachStatementForItsValues() {
        assertThat(jdbc.sql("show plan_cache_mode").query(String.class).single()).isEqualTo("force_custom_plan");
    }

    @Test
    void theServersCacheIsSizedAsConfigured() {
        assertThat(jdbc.sql("show shared_buffers").query(String.class).single()).isEqualTo("1GB");
    }
}
