package it.ricolloca.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ricolloca.audit.internal.AuditVerifier;
import it.ricolloca.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class AuditChainTest {

    @Autowired AuditTrail trail;
    @Autowired AuditVerifier verifier;
    @Autowired JdbcClient jdbc;

    @Test
    void anUntouchedChainVerifies() {
        trail.recordAs("prova.audit", "TEST_EVENT", "Prova", 1, "prima voce");
        trail.recordAs("prova.audit", "TEST_EVENT", "Prova", 2, "seconda voce, con accenti: è à ù");
        AuditVerification result = verifier.verify();
        assertThat(result.intact()).isTrue();
        assertThat(result.checked()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void eachEntryCarriesThePreviousHash() {
        trail.recordAs("prova.audit", "TEST_LINK", "Prova", 3, "a");
        trail.recordAs("prova.audit", "TEST_LINK", "Prova", 4, "b");
        var rows = jdbc.sql("select prev_hash, hash from audit_entry order by id desc limit 2")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        assertThat(rows.get(0)[0]).isEqualTo(rows.get(1)[1]);
    }

    @Test
    void theDatabaseRefusesUpdatesAndDeletes() {
        trail.recordAs("prova.audit", "TEST_IMMUTABLE", "Prova", 5, "non si tocca");
        long id = lastId();
        assertThatThrownBy(() -> jdbc.sql("update audit_entry set details = 'x' where id = ?").param(id).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_entry where id = ?").param(id).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
    }

    @Test
    void tamperingWithOneRowIsDetectedAtThatRow() {
        trail.recordAs("prova.audit", "TEST_TAMPER", "Prova", 6, "importo 100");
        long tampered = lastId();
        trail.recordAs("prova.audit", "TEST_TAMPER", "Prova", 7, "dopo");
        String original = jdbc.sql("select details from audit_entry where id = ?").param(tampered).query(String.class).single();
        try {
            // Someone with database superuser rights bypasses the append-only trigger.
            jdbc.sql("alter table audit_entry disable trigger audit_entry_no_change").update();
            jdbc.sql("update audit_entry set details = 'importo 1000' where id = ?").param(tampered).update();
            AuditVerification result = verifier.verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.firstBrokenId()).isEqualTo(tampered);
        } finally {
            jdbc.sql("update audit_entry set details = ? where id = ?").params(original, tampered).update();
            jdbc.sql("alter table audit_entry enable trigger audit_entry_no_change").update();
        }
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void aDeletedRowBreaksTheLinkOfTheNextOne() {
        trail.recordAs("prova.audit", "TEST_DELETE", "Prova", 8, "da cancellare");
        long deleted = lastId();
        trail.recordAs("prova.audit", "TEST_DELETE", "Prova", 9, "successiva");
        long next = lastId();
        var row = jdbc.sql("select * from audit_entry where id = ?").param(deleted).query().singleRow();
        try {
            jdbc.sql("alter table audit_entry disable trigger audit_entry_no_change").update();
            jdbc.sql("delete from audit_entry where id = ?").param(deleted).update();
            assertThat(verifier.verify().firstBrokenId()).isEqualTo(next);
        } finally {
            jdbc.sql("""
                    insert into audit_entry (id, occurred_at, actor, action, record_type, record_id, details, prev_hash, hash)
                    overriding system value values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(row.get("id"), row.get("occurred_at"), row.get("actor"), row.get("action"),
                            row.get("record_type"), row.get("record_id"), row.get("details"), row.get("prev_hash"),
                            row.get("hash"))
                    .update();
            jdbc.sql("alter table audit_entry enable trigger audit_entry_no_change").update();
        }
        assertThat(verifier.verify().intact()).isTrue();
    }

    private long lastId() {
        return jdbc.sql("select max(id) from audit_entry").query(Long.class).single();
    }
}
