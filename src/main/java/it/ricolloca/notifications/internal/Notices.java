package it.ricolloca.notifications.internal;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.Role;
import it.ricolloca.accounts.StaffDirectory;
import it.ricolloca.accounts.StaffMember;
import it.ricolloca.network.JobCentres;
import it.ricolloca.shared.acts.ActGuard;
import it.ricolloca.audit.AuditTrail;
import it.ricolloca.notifications.NoticeSent;
import it.ricolloca.shared.DomainException;
import it.ricolloca.shared.NotFoundException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The regional agency's notices: sent to the enabled staff of chosen CPIs holding chosen roles
 * (all CPIs, all CPI roles when none is chosen), read in the application, mailed after commit.
 * Opening a notice records the recipient's read receipt; the senders see every receipt.
 */
@Service
@Transactional
public class Notices {

    /** A notice as a list shows it: to a recipient with their receipt, to the senders with the counts. */
    public record Line(long id, String title, String sentBy, Instant sentAt, Instant readAt, int recipients, int read) {
    }

    /** A whole notice. */
    public record Notice(long id, String title, String body, String audience, String sentBy, Instant sentAt) {
    }

    /** One recipient's receipt. */
    public record Receipt(String fullName, String username, String centre, Instant readAt) {
    }

    /** A recipient's address, for the e-mail. */
    record MailTo(long userId, String email) {
    }

    /** A refused notice, with the message key that says why. */
    public static class NoticeRefusedException extends DomainException {
        NoticeRefusedException(String key, Object... args) {
            super(key, args);
        }
    }

    /** The roles a notice can be sent to (staff of the CPIs). */
    public static final List<Role> CPI_ROLES = List.of(Role.CPI_MASTER, Role.CPI_OPERATOR, Role.CPI_TUTOR,
            Role.CPI_VACANCY_REFERENT);

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final StaffDirectory staff;
    private final JobCentres centres;

    Notices(JdbcClient jdbc, AuditTrail audit, ApplicationEventPublisher events, StaffDirectory staff, JobCentres centres) {
        this.jdbc = jdbc;
        this.staff = staff;
        this.centres = centres;
        this.audit = audit;
        this.events = events;
    }

    public boolean canSend(CurrentUser user) {
        return user.hasRole(Role.REGIONAL_ADMIN) || user.hasRole(Role.REGIONAL_ADR_SERVICE);
    }

    /** Refuses (403) a user who may not send notices. */
    public void requireSender(CurrentUser user) {
        ActGuard.require(canSend(user), "notices");
    }

    /** Sends a notice; returns its id. Refused without a title, a text or anybody to receive it. */
    public long send(CurrentUser user, String title, String body, Collection<Long> centres, Collection<Role> roles,
            String audience) {
        ActGuard.require(canSend(user), "notices");
        String t = title == null ? "" : title.strip();
        String b = body == null ? "" : body.strip();
        if (t.isEmpty() || t.length() > 200) {
            throw new NoticeRefusedException("notice.title.required");
        }
        if (b.isEmpty() || b.length() > 8000) {
            throw new NoticeRefusedException("notice.body.required");
        }
        List<Role> chosen = (roles == null || roles.isEmpty() ? CPI_ROLES : roles).stream().filter(CPI_ROLES::contains)
                .distinct().toList();
        Long[] userIds = staff.atCentresWithRoles(centres == null ? List.of() : centres, chosen).stream()
                .map(StaffMember::id).distinct().toArray(Long[]::new);
        long id = jdbc.sql("""
                insert into notifications_notice (title, body, audience, sent_by, sent_at) values (?, ?, ?, ?, ?)
                returning id""").params(t, b, audience.length() > 1000 ? audience.substring(0, 1000) : audience,
                        user.username(), Timestamp.from(Instant.now())).query(Long.class).single();
        int recipients = jdbc.sql("""
                insert into notifications_notice_recipient (notice_id, user_id)
                select :notice, unnest(cast(:users as bigint[]))""")
                .param("notice", id).param("users", userIds).update();
        if (recipients == 0) {
            throw new NoticeRefusedException("notice.nobody");
        }
        audit.recordAs(user.username(), "NOTICE_SENT", "Notice", id, t + " → " + audience + " (" + recipients + ")");
        events.publishEvent(new NoticeSent(id));
        return id;
    }

    /** The user's notices, unread first; for the senders, every notice sent, with its counts. */
    @Transactional(readOnly = true)
    public Page<Line> list(CurrentUser user, boolean sent, int page, int size) {
        return list(user, sent, false, page, size);
    }

    /** As above; only the user's unread notices when {@code unread} (the home page's link), the oldest first. */
    @Transactional(readOnly = true)
    public Page<Line> list(CurrentUser user, boolean sent, boolean unread, int page, int size) {
        boolean all = sent && canSend(user);
        boolean onlyUnread = unread && !all;
        // The user's own receipt, joined once: it filters a recipient's list, orders it and shows the reading.
        String from = " from notifications_notice n " + (all ? "left" : "") + " join notifications_notice_recipient me"
                + " on me.notice_id = n.id and me.user_id = :user" + (onlyUnread ? " and me.read_at is null" : "");
        long total = jdbc.sql("select count(*)" + from).param("user", user.id()).query(Long.class).single();
        List<Line> lines = jdbc.sql("""
                select n.id, n.title, n.sent_by, n.sent_at, me.read_at,
                    (select count(*) from notifications_notice_recipient x where x.notice_id = n.id),
                    (select count(read_at) from notifications_notice_recipient x where x.notice_id = n.id)"""
                + from + (all ? " order by n.sent_at desc, n.id desc"
                        : onlyUnread ? " order by n.sent_at, n.id"
                        : " order by me.read_at is not null, n.sent_at desc, n.id desc") + " limit :size offset :offset")
                .param("user", user.id()).param("size", size).param("offset", (long) page * size)
                .query((rs, n) -> new Line(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(), rs.getInt(6), rs.getInt(7)))
                .list();
        return new PageImpl<>(lines, PageRequest.of(page, size), total);
    }

    /** How many of the user's notices are unread. */
    @Transactional(readOnly = true)
    public int unread(CurrentUser user) {
        return unread(user.id());
    }

    /** How many of a user's notices are unread: one count. */
    @Transactional(readOnly = true)
    public int unread(long userId) {
        return jdbc.sql("select count(*) from notifications_notice_recipient where user_id = ? and read_at is null")
                .param(userId).query(Integer.class).single();
    }

    /** Opens a notice: a recipient's first reading records the receipt; the senders read any notice. */
    public Notice open(CurrentUser user, long id) {
        Notice n = find(id).orElseThrow(NotFoundException::new);
        int mine = jdbc.sql("""
                update notifications_notice_recipient set read_at = coalesce(read_at, ?) where notice_id = ? and user_id = ?""")
                .params(Timestamp.from(Instant.now()), id, user.id()).update();
        if (mine == 0 && !canSend(user)) {
            throw new NotFoundException();
        }
        return n;
    }

    /** Every recipient of a notice with their receipt, for the senders. */
    @Transactional(readOnly = true)
    public List<Receipt> receipts(CurrentUser user, long id) {
        if (!canSend(user)) {
            return List.of();
        }
        Map<Long, Instant> readAt = new HashMap<>();
        jdbc.sql("select user_id, read_at from notifications_notice_recipient where notice_id = ?").param(id)
                .query(rs -> {
                    readAt.put(rs.getLong(1), rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant());
                });
        Map<Long, String> centreNames = centres.names();
        return staff.find(readAt.keySet()).values().stream()
                .map(u -> new Receipt(u.fullName(), u.username(),
                        u.centreId() == null ? "" : centreNames.getOrDefault(u.centreId(), ""), readAt.get(u.id())))
                .sorted(Comparator.comparing((Receipt r) -> r.readAt() == null).thenComparing(Receipt::centre)
                        .thenComparing(Receipt::fullName))
                .toList();
    }

    /** The recipients' addresses, for the e-mails. */
    @Transactional(readOnly = true)
    List<MailTo> mailTo(long id) {
        List<Long> userIds = jdbc.sql("select user_id from notifications_notice_recipient where notice_id = ?").param(id)
                .query(Long.class).list();
        return staff.find(userIds).values().stream().filter(u -> u.email() != null && !u.email().isBlank())
                .map(u -> new MailTo(u.id(), u.email())).toList();
    }

    @Transactional(readOnly = true)
    Optional<Notice> find(long id) {
        return jdbc.sql("select id, title, body, audience, sent_by, sent_at from notifications_notice where id = ?")
                .param(id).query((rs, i) -> new Notice(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant())).optional();
    }
}
