package it.ricolloca.places.internal;

import it.ricolloca.places.Municipalities;
import it.ricolloca.shared.BirthPlaces;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the vendored reference file into {@code places_municipality} at start-up, after the migrations: nothing
 * when the file's SHA-256 is the one loaded last, the whole table again (one transaction, one statement) when it
 * changed. Idempotent, so every node of a cluster may run it; the primary key makes a concurrent second load fail
 * rather than duplicate, and the next start sees the checksum.
 */
@Component
@DependsOnDatabaseInitialization
class ReferenceLoader implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(ReferenceLoader.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    ReferenceLoader(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public void afterPropertiesSet() {
        byte[] file = read();
        String checksum = sha256(file);
        String loaded = jdbc.sql("select checksum from places_reference_load where resource = ?")
                .param(BirthPlaces.RESOURCE).query(String.class).optional().orElse(null);
        if (checksum.equals(loaded)) {
            return;
        }
        List<String[]> rows = parse(file);
        tx.executeWithoutResult(status -> {
            jdbc.sql("delete from places_municipality").update();
            jdbc.sql("""
                    insert into places_municipality (code, name, search_name, province, istat_code, region, valid_from,
                        valid_to, latitude, longitude)
                    select * from unnest(cast(:codes as text[]), cast(:names as text[]), cast(:keys as text[]),
                        cast(:provinces as text[]), cast(:istat as text[]), cast(:regions as text[]), cast(cast(:froms as text[]) as date[]),
                        cast(cast(:tos as text[]) as date[]), cast(:lats as double precision[]), cast(:lons as double precision[]))""")
                    .param("codes", column(rows, 0))
                    .param("names", column(rows, 1))
                    .param("keys", rows.stream().map(r -> Municipalities.key(r[1])).toArray(String[]::new))
                    .param("provinces", column(rows, 2))
                    .param("istat", column(rows, 3))
                    .param("regions", column(rows, 4))
                    .param("froms", rows.stream().map(r -> LocalDate.parse(r[5]).toString()).toArray(String[]::new))
                    .param("tos", column(rows, 6))
                    .param("lats", rows.stream().map(r -> r[7].isEmpty() ? null : Double.valueOf(r[7])).toArray(Double[]::new))
                    .param("lons", rows.stream().map(r -> r[8].isEmpty() ? null : Double.valueOf(r[8])).toArray(Double[]::new))
                    .update();
            jdbc.sql("delete from places_reference_load where resource = ?").param(BirthPlaces.RESOURCE).update();
            jdbc.sql("insert into places_reference_load (resource, checksum, row_count, loaded_at) values (?, ?, ?, ?)")
                    .params(BirthPlaces.RESOURCE, checksum, rows.size(), Instant.now().atOffset(ZoneOffset.UTC)).update();
        });
        log.info("Reference data loaded: {} places from {} (sha-256 {})", rows.size(), BirthPlaces.RESOURCE, checksum);
    }

    private static String[] column(List<String[]> rows, int i) {
        return rows.stream().map(r -> r[i].isEmpty() ? null : r[i]).toArray(String[]::new);
    }

    private static byte[] read() {
        try (InputStream in = ReferenceLoader.class.getClassLoader().getResourceAsStream(BirthPlaces.RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + BirthPlaces.RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String[]> parse(byte[] file) {
        try {
            return BirthPlaces.rows(new ByteArrayInputStream(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
