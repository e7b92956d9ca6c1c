package it.ricolloca.reporting.internal;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.agenda.AppointmentPurpose;
import it.ricolloca.agenda.AppointmentStatus;
import it.ricolloca.conditionality.BreachKind;
import it.ricolloca.conditionality.BreachStatus;
import it.ricolloca.conditionality.Sanction;
import it.ricolloca.pathway.MeetingStatus;
import it.ricolloca.pathway.PathwayOutcome;
import it.ricolloca.requests.CheckKind;
import it.ricolloca.requests.CheckOutcome;
import it.ricolloca.requests.RequestAction;
import it.ricolloca.shared.NotFoundException;
import it.ricolloca.shared.acts.ActGuard;
import it.ricolloca.shared.tabular.TabularWriter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contacts a CPI records by hand in SILP (the regional job-centre system, contacts section), drawn from
 * the acts Ricolloca keeps, so that nobody types them twice: as competent CPI the checks of a request and
 * the decisions on it (filing, notice, release, rejection and the other steps of the procedure), the
 * decisions on breaches; as provider CPI the appointments booked and their outcomes, the signed pact, the
 * meetings of the register, the breaches reported and the closing. Each contact carries the worker's codice
 * fiscale, the day of the act (not the day it was typed), its kind, the operator who did it and a note.
 * The acts are read from the modules' own tables (the day of the act, the worker and the CPI are there; the
 * audit trail has the moment of recording and the record, not the worker): only the closing's operator,
 * which the pathway does not keep, is taken from the audit trail's entry of the closing. A CPI's users see
 * their CPI's contacts, the region sees every CPI's; the vacancy roles, which do not follow cases, none.
 */
@Service
@Transactional(readOnly = true)
public class SilpContacts {

    /** The most contacts the page lists; the download has them all. */
    public static final int PAGE_ROWS = 200;

    /** What the contact is, in the words of SILP's contacts section (labels {@code contacts.kind.*}). */
    public enum Kind {
        CHECK, DECISION, APPOINTMENT, APPOINTMENT_OUTCOME, PACT, MEETING, BREACH, BREACH_DECISION, CLOSING;

        public String labelKey() {
            return "contacts.kind." + name();
        }
    }

    /** Whether the CPI acted as the worker's competent CPI or as the provider of the service. */
    public enum Role {
        COMPETENT, PROVIDER;

        public String labelKey() {
            return "contacts.role." + name();
        }
    }

    /** The period (both days included) and the CPI (null: every CPI the user may see). */
    public record Filter(LocalDate from, LocalDate to, Long centreId) {
    }

    /**
     * One contact as SILP records it: codice fiscale, day, kind, its detail (the labels that name it: the check
     * and its outcome, the step of the procedure, the outcome of the appointment...), operator, CPI and its role, note.
     */
    public record Contact(String taxCode, LocalDate on, Kind kind, List<String> detailKeys, String operator,
            String operatorName, String centre, Role role, String note) {
    }

    private static final String CONTACTS = """
            with contact (centre_id, worker_id, on_date, kind, detail, actor, note, role) as (
                select r.competent_centre_id, r.worker_id, c.checked_on, 'CHECK', c.kind || ':' || c.outcome,
                    c.checked_by, c.note, 'COMPETENT'
                from requests_check c join requests_voucher_request r on r.id = c.request_id
                union all
                select r.competent_centre_id, r.worker_id, e.effective_on, 'DECISION', e.kind, e.actor, e.note, 'COMPETENT'
                from requests_event e join requests_voucher_request r on r.id = e.request_id
                where e.kind not in ('IMPORT', 'CHECK')
                union all
                select o.centre_id, a.worker_id, (a.starts_at at time zone 'Europe/Rome')::date, 'APPOINTMENT',
                    a.purpose, a.booked_by, a.contact_note, 'PROVIDER'
                from agenda_appointment a join network_office o on o.id = a.office_id
                union all
                select o.centre_id, a.worker_id, (a.starts_at at time zone 'Europe/Rome')::date, 'APPOINTMENT_OUTCOME',
                    a.status, coalesce(a.outcome_by, a.booked_by), a.outcome_note, 'PROVIDER'
                from agenda_appointment a join network_office o on o.id = a.office_id
                where a.status in ('HELD', 'ABSENT_JUSTIFIED', 'ABSENT_UNJUSTIFIED')
                union all
                select p.centre_id, p.worker_id, k.signed_on, 'PACT', k.version_no::text, k.created_by,
                    k.next_appointments, 'PROVIDER'
                from pathway_pact k join pathway_pathway p on p.id = k.pathway_id
                where k.signed_on is not null
                union all
                select p.centre_id, p.worker_id, m.on_date, 'MEETING', m.status, m.recorded_by,
                    nullif(concat_ws(' - ', m.topics, m.actions_agreed), ''), 'PROVIDER'
                from pathway_meeting m join pathway_pathway p on p.id = m.pathway_id
                union all
                select coalesce(p.centre_id, b.competent_centre_id), b.worker_id, b.reported_on, 'BREACH', b.kind,
                    b.reported_by, b.evidence, case when p.centre_id is null then 'COMPETENT' else 'PROVIDER' end
                from conditionality_breach b left join pathway_pathway p on p.request_id = b.request_id
                union all
                select b.competent_centre_id, b.worker_id, b.decided_on, 'BREACH_DECISION',
                    coalesce(b.sanction, b.status), b.decided_by, b.decision_reason, 'COMPETENT'
                from conditionality_breach b
                where b.decided_on is not null
                union all
                select p.centre_id, p.worker_id, p.closed_on, 'CLOSING', p.outcome,
                    (select a.actor from audit_entry a where a.record_type = 'Pathway' and a.record_id = p.id::text
                        and a.action = 'PATHWAY_CLOSED' order by a.id desc limit 1),
                    p.outcome_note, 'PROVIDER'
                from pathway_pathway p
                where p.closed_on is not null
            )
            """;

    private static final String FROM = """
            from contact c
            join workers_worker w on w.id = c.worker_id
            join network_job_centre j on j.id = c.centre_id
            left join accounts_user u on u.username = c.actor
            where c.on_date between :from and :to and (cast(:centre as bigint) is null or c.centre_id = :centre)
            """;

    private static final String COLUMNS = """
            select w.tax_code, c.on_date, c.kind, c.detail, c.actor, u.full_name, j.name, c.role, c.note
            """;

    private static final String ORDER = " order by j.name, c.on_date, w.tax_code, c.kind, c.detail";

    private final JdbcClient jdbc;

    SilpContacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the user may read contacts at all: those who follow workers' cases. */
    public static boolean canRead(CurrentUser user) {
        return user.readsCaseFiles();
    }

    /**
     * The filter as the user may apply it: a CPI's user reads only their CPI (another CPI asked for does not
     * exist for them); the region reads the CPI asked for, or all.
     */
    public Filter scoped(CurrentUser user, LocalDate from, LocalDate to, Long centreId) {
        ActGuard.require(canRead(user), "contacts");
        Long scope = user.caseScopeCentreId();
        if (scope != null && centreId != null && !scope.equals(centreId)) {
            throw new NotFoundException();
        }
        return new Filter(from, to, scope != null ? scope : centreId);
    }

    /** How many contacts the filter selects, by one query. */
    public long count(Filter filter) {
        return bind(jdbc.sql(CONTACTS + "select count(*) " + FROM), filter).query(Long.class).single();
    }

    /** The first {@link #PAGE_ROWS} contacts, by CPI, day, codice fiscale and kind: one query. */
    public List<Contact> page(Filter filter) {
        return bind(jdbc.sql(CONTACTS + COLUMNS + FROM + ORDER + " limit " + PAGE_ROWS), filter)
                .query((rs, n) -> contact(rs)).list();
    }

    /** Every contact of the filter, written row by row (fetched 500 at a time): the contacts file. */
    public void write(Filter filter, Function<String, String> t, TabularWriter out) {
        out.header(List.of("contacts.col.taxCode", "contacts.col.date", "contacts.col.kind", "contacts.col.detail",
                "contacts.col.operator", "contacts.col.operatorName", "contacts.col.centre", "contacts.col.role",
                "contacts.col.note").stream().map(t).toList());
        each(filter, c ->
            out.row(c.taxCode(), c.on(), t.apply(c.kind().labelKey()),
                    String.join(" - ", c.detailKeys().stream().map(t).toList()), c.operator(), c.operatorName(), c.centre(),
                    t.apply(c.role().labelKey()), c.note()));
    }

    /** Every contact of the filter in the file's order, one at a time (fetched 500 at a time, never all held). */
    public void each(Filter filter, Consumer<Contact> action) {
        bind(jdbc.sql(CONTACTS + COLUMNS + FROM + ORDER), filter).withFetchSize(500)
                .query((ResultSet rs) -> action.accept(contact(rs)));
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Filter f) {
        return spec.param("from", f.from()).param("to", f.to()).param("centre", f.centreId());
    }

    private static Contact contact(ResultSet rs) throws SQLException {
        Kind kind = Kind.valueOf(rs.getString(3));
        String detail = rs.getString(4);
        return new Contact(rs.getString(1), rs.getObject(2, LocalDate.class), kind, detailKeys(kind, detail),
                rs.getString(5), rs.getString(6), rs.getString(7), Role.valueOf(rs.getString(8)), rs.getString(9));
    }

    /** The bundle keys that name the detail of a contact (a check: its kind and its outcome); none when unknown. */
    static List<String> detailKeys(Kind kind, String detail) {
        if (detail == null) {
            return List.of();
        }
        try {
            return switch (kind) {
                case CHECK -> {
                    int colon = detail.indexOf(':');
                    yield List.of(CheckKind.valueOf(detail.substring(0, colon)).labelKey(),
                            CheckOutcome.valueOf(detail.substring(colon + 1)).labelKey());
                }
                case DECISION -> List.of(RequestAction.valueOf(detail).labelKey());
                case APPOINTMENT -> List.of(AppointmentPurpose.valueOf(detail).labelKey());
                case APPOINTMENT_OUTCOME -> List.of(AppointmentStatus.valueOf(detail).labelKey());
                case MEETING -> List.of(MeetingStatus.valueOf(detail).labelKey());
                case BREACH -> List.of(BreachKind.valueOf(detail).labelKey());
                case BREACH_DECISION -> List.of(sanctionOrStatus(detail));
                case CLOSING -> List.of(PathwayOutcome.valueOf(detail).labelKey());
                case PACT -> List.of();
            };
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            return List.of();
        }
    }

    private static String sanctionOrStatus(String detail) {
        for (Sanction s : Sanction.values()) {
            if (s.name().equals(detail)) {
                return s.labelKey();
            }
        }
        return BreachStatus.valueOf(detail).labelKey();
    }
}
