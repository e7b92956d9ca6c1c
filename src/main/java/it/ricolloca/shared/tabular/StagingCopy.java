package it.ricolloca.shared.tabular;

import java.io.IOException;
import java.io.StringReader;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;

/** Bulk paths of the imports: the file's fingerprint and COPY into a staging table on the transaction's connection. */
public final class StagingCopy {

    private StagingCopy() {
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Appends one line in COPY text format: tab-separated, {@code \N} for null, special characters escaped. */
    public static void line(StringBuilder out, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append('\t');
            }
            Object v = values[i];
            if (v == null) {
                out.append("\\N");
            } else {
                String s = v.toString();
                for (int j = 0; j < s.length(); j++) {
                    char c = s.charAt(j);
                    switch (c) {
                        case '\\' -> out.append("\\\\");
                        case '\t' -> out.append("\\t");
                        case '\n' -> out.append("\\n");
                        case '\r' -> out.append("\\r");
                        default -> out.append(c);
                    }
                }
            }
        }
        out.append('\n');
    }

    /** COPY the lines into a table, on the connection of the current transaction. */
    public static void copyIn(DataSource dataSource, String table, CharSequence lines) {
        if (!table.matches("[a-z_]{1,40}")) {
            throw new IllegalArgumentException("table name");
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + table + " from stdin",
                    new StringReader(lines.toString()));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("COPY nella tabella " + table + " non riuscita", e);
        }
    }
}
