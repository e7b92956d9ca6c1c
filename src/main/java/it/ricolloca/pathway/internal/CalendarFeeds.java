package it.ricolloca.pathway.internal;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.Role;
import it.ricolloca.accounts.StaffDirectory;
import it.ricolloca.agenda.Agenda;
import it.ricolloca.agenda.Appointment;
import it.ricolloca.agenda.AppointmentStatus;
import it.ricolloca.audit.AuditTrail;
import it.ricolloca.network.JobCentres;
import it.ricolloca.network.OfficeSummary;
import it.ricolloca.shared.Detail;
import it.ricolloca.shared.NotFoundException;
import it.ricolloca.shared.acts.ActGuard;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.Messages;
import it.ricolloca.workers.Workers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * ICS feeds of appointments for calendar applications: a tutor's (the appointments of the workers
 * they follow) or an office's. Each feed has a random token, shown once and kept only as its
 * SHA-256; revoking it ends access at once. The feed covers 30 days back and 180 ahead.
 * A feed lives no longer than the access of the person it speaks for: a tutor's feed serves only
 * while its tutor is enabled and still a tutor of that CPI, an office's only while its creator is
 * enabled and still on that CPI's staff (checked at every read, so a disabled user, a lost role or
 * a move to another CPI ends it at once). Calendar providers outside the administration receive the
 * feed, so workers appear by their initials unless the feed was created with full names.
 */
@Service
@Transactional
public class CalendarFeeds {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A feed as listed to its owner (without the token). */
    public record Feed(long id, String kind, String label, String createdBy, Instant createdAt, Instant revokedAt,
            boolean fullNames) {
    }

    /** The roles whose holders may create and keep an office's feed. */
    static final Set<Role> OFFICE_STAFF = EnumSet.of(Role.CPI_MASTER, Role.CPI_OPERATOR,
            Role.CPI_TUTOR);

    private final JdbcClient jdbc;
    private final Agenda agenda;
    private final JobCentres centres;
    private final Workers workers;
    private final Messages messages;
    private final AuditTrail audit;
    private final StaffDirectory staff;
    private final PathwayRights rights;

    CalendarFeeds(JdbcClient jdbc, Agenda agenda, JobCentres centres, Workers workers, Messages messages,
            AuditTrail audit, StaffDirectory staff, PathwayRights rights) {
        this.staff = staff;
        this.rights = rights;
        this.jdbc = jdbc;
        this.agenda = agenda;
        this.centres = centres;
        this.workers = workers;
        this.messages = messages;
        this.audit = audit;
    }

    /** The feeds the user created or, for their CPI's offices, may manage. */
    @Transactional(readOnly = true)
    public List<Feed> feeds(CurrentUser user) {
        return jdbc.sql("""
                select id, kind, label, created_by, created_at, revoked_at, full_names from pathway_calendar_feed
                where (kind = 'TUTOR' and owner_id = :user) or (kind = 'OFFICE' and centre_id = :centre)
                order by revoked_at nulls first, created_at desc""")
                .param("user", user.id()).param("centre", user.centreId() == null ? -1L : user.centreId())
                .query((rs, n) -> new Feed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(), rs.getBoolean(7)))
                .list();
    }

    /** Creates a feed of the user's own appointments as tutor; returns the token, shown once. */
    public String createTutorFeed(CurrentUser user, boolean fullNames) {
        ActGuard.require(rights.canFollowOwnAppointments(user), "tutor feed");
        return create(user, "TUTOR", user.id(), user.centreId(), messages.t("pathway.feeds.tutorLabel", user.fullName()),
                fullNames);
    }

    /** Creates a feed of an office of the user's CPI; returns the token, shown once. */
    public String createOfficeFeed(CurrentUser user, long officeId, boolean fullNames) {
        OfficeSummary office = agenda.office(user, officeId);
        ActGuard.require(rights.canWork(user, office.centreId()), "office feed");
        return create(user, "OFFICE", office.id(), office.centreId(), office.label(), fullNames);
    }

    public void revoke(CurrentUser user, long id) {
        Feed feed = feeds(user).stream().filter(f -> f.id() == id).findFirst().orElseThrow(NotFoundException::new);
        jdbc.sql("update pathway_calendar_feed set revoked_at = ? where id = ? and revoked_at is null")
                .params(Timestamp.from(Instant.now()), id).update();
        audit.recordAs(user.username(), "CALENDAR_FEED_REVOKED", "CalendarFeed", id, feed.kind());
    }

    /** The ICS text of the feed with this token, or empty when the token is unknown or revoked. */
    @Transactional(readOnly = true)
    public Optional<String> ics(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{20,100}")) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select kind, owner_id, centre_id, created_by_user_id, full_names from pathway_calendar_feed
                where token_sha256 = ? and revoked_at is null""")
                .param(sha256(token))
                .query((rs, n) -> new Served(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getBoolean(5)))
                .optional().filter(this::ownerStillEntitled).map(f -> render(f.kind(), f.owner(), f.fullNames()));
    }

    private record Served(String kind, long owner, long centre, long createdBy, boolean fullNames) {
    }

    /** The person the feed speaks for is still enabled, at that CPI, in a role that sees those appointments. */
    private boolean ownerStillEntitled(Served feed) {
        return feed.kind().equals("TUTOR") ? staff.find(feed.owner(), feed.centre(), Role.CPI_TUTOR).isPresent()
                : staff.holdsAnyAt(feed.createdBy(), feed.centre(), OFFICE_STAFF);
    }

    private String render(String kind, long owner, boolean fullNames) {
        LocalDate today = Dates.today();
        LocalDate from = today.minusDays(30);
        LocalDate to = today.plusDays(180);
        List<Appointment> appointments;
        if (kind.equals("OFFICE")) {
            appointments = agenda.appointmentsAt(owner, from, to);
        } else {
            List<Long> requests = jdbc.sql("select request_id from pathway_pathway where tutor_user_id = ?").param(owner)
                    .query(Long.class).list();
            appointments = agenda.ofRequests(requests, from, to);
        }
        var offices = agenda.offices();
        Map<Long, String> names = new HashMap<>();
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Ricolloca//Agenda AdR//IT"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        for (Appointment a : appointments) {
            if (a.getStatus() == AppointmentStatus.MOVED) {
                continue;
            }
            String worker = names.computeIfAbsent(a.getWorkerId(),
                    id -> workers.find(id).map(w -> fullNames ? w.listName() : w.initials()).orElse(""));
            String purpose = messages.t(a.getPurpose().labelKey());
            VEvent event = new VEvent(a.getStartsAt(), a.getEndsAt(), worker.isEmpty()
                    ? messages.t("pathway.feeds.summaryNoName", purpose)
                    : messages.t("pathway.feeds.summary", purpose, worker));
            event.add(new Uid("appuntamento-" + a.getId() + "@ricolloca"));
            OfficeSummary office = offices.get(a.getOfficeId());
            if (office != null) {
                event.add(new Location(office.label() + ", " + office.municipality()));
            }
            event.add(new Description(messages.t(a.getStatus().labelKey())));
            if (a.getStatus() == AppointmentStatus.CANCELLED) {
                event.add(new Status("CANCELLED"));
            }
            calendar.add(event);
        }
        return calendar.toString();
    }

    private String create(CurrentUser user, String kind, long owner, long centre, String label, boolean fullNames) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long id = jdbc.sql("""
                insert into pathway_calendar_feed (token_sha256, kind, owner_id, centre_id, label, created_by,
                    created_by_user_id, created_at, full_names)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(sha256(token), kind, owner, centre, label.length() > 200 ? label.substring(0, 200) : label,
                        user.username(), user.id(), Timestamp.from(Instant.now()), fullNames)
                .query(Long.class).single();
        audit.recordAs(user.username(), "CALENDAR_FEED_CREATED", "CalendarFeed", id,
                Detail.of(fullNames ? "audit.detail.feedFullNames" : "audit.detail.feedInitials", kind, owner).encoded());
        return token;
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
