package it.ricolloca.documents.internal;

import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Contents in PostgreSQL (table {@code documents_content}), in the same transaction as the document's record. */
@Component
@ConditionalOnProperty(name = "ricolloca.documents.storage", havingValue = "database", matchIfMissing = true)
class DatabaseDocumentStorage implements DocumentStorage {

    private final JdbcClient jdbc;

    DatabaseDocumentStorage(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String write(byte[] content) {
        String key = "db-" + UUID.randomUUID();
        jdbc.sql("insert into documents_content (storage_key, content) values (?, ?)").params(key, content).update();
        return key;
    }

    @Override
    public void delete(String key) {
        jdbc.sql("delete from documents_content where storage_key = ?").param(key).update();
    }

    @Override
    public byte[] read(String key) {
        return jdbc.sql("select content from documents_content where storage_key = ?").param(key)
                .query((rs, n) -> rs.getBytes(1)).optional()
                .orElseThrow(() -> new IllegalStateException("contenuto mancante: " + key));
    }
}
