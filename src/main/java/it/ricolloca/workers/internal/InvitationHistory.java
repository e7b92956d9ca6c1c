package it.ricolloca.workers.internal;

import it.ricolloca.shared.NotFoundException;
import it.ricolloca.shared.tabular.ImportReport.Rejection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Past imports of the invited sample and their rejected rows. */
@Component
@Transactional(readOnly = true)
public class InvitationHistory {

    /** One past import of invitations. */
    public record Entry(long id, LocalDate invitationDate, String fileName, String importedBy, Instant importedAt,
            int read, int invited, int alreadyInvited, int rejected, int workersCreated) {
    }

    private static final String SELECT = """
            select id, invitation_date, file_name, imported_by, imported_at, rows_read, invited, already_invited, rejected,
                workers_created from workers_invitation_import""";

    private final JdbcClient jdbc;

    InvitationHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Page<Entry> page(int page, int size) {
        long total = jdbc.sql("select count(*) from workers_invitation_import").query(Long.class).single();
        return new PageImpl<>(jdbc.sql(SELECT + " order by invitation_date desc, id desc limit ? offset ?")
                .params(size, (long) page * size).query(InvitationHistory::entry).list(), PageRequest.of(page, size), total);
    }

    public Entry get(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(InvitationHistory::entry).optional()
                .orElseThrow(NotFoundException::new);
    }

    public List<Rejection> rejections(long id, int limit) {
        return jdbc.sql("select line, tax_code, reason from workers_invitation_rejection where import_id = ? order by line limit ?")
                .params(id, limit).query((rs, n) -> new Rejection(rs.getInt(1), rs.getString(2), rs.getString(3))).list();
    }

    /** The dates a worker was invited on, newest first. */
    public List<LocalDate> invitationsOf(long workerId) {
        return jdbc.sql("select invitation_date from workers_invitation where worker_id = ? order by invitation_date desc")
                .param(workerId).query(LocalDate.class).list();
    }

    private static Entry entry(ResultSet rs, int n) throws SQLException {
        return new Entry(rs.getLong(1), rs.getDate(2).toLocalDate(), rs.getString(3), rs.getString(4),
                rs.getTimestamp(5).toInstant(), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getInt(10));
    }
}
