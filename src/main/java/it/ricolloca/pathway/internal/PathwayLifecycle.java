package it.ricolloca.pathway.internal;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.Role;
import it.ricolloca.accounts.StaffDirectory;
import it.ricolloca.accounts.StaffMember;
import it.ricolloca.audit.AuditTrail;
import it.ricolloca.conditionality.BreachKind;
import it.ricolloca.conditionality.Conditionality;
import it.ricolloca.network.JobCentres;
import it.ricolloca.network.OfficeSummary;
import it.ricolloca.parameters.Parameter;
import it.ricolloca.parameters.Parameters;
import it.ricolloca.pathway.ContractType;
import it.ricolloca.pathway.Pathway;
import it.ricolloca.pathway.PathwayClosed;
import it.ricolloca.pathway.PathwayOutcome;
import it.ricolloca.pathway.PathwayRefusedException;
import it.ricolloca.pathway.Suspension;
import it.ricolloca.pathway.TutorExperience;
import it.ricolloca.shared.Detail;
import it.ricolloca.shared.web.Dates;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The life of a pathway after its start: naming the tutor, the one extension, suspensions for a
 * hiring and the resumption, a breach of the worker's duties reported to the competent CPI, and
 * the closing outcome (announced as {@link PathwayClosed}).
 */
@Service
@Transactional
public class PathwayLifecycle {

    private final PathwayRecords records;
    private final PathwayRights rights;
    private final StaffDirectory staff;
    private final Parameters parameters;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final PathwayWork work;
    private final Conditionality conditionality;
    private final JobCentres centres;

    PathwayLifecycle(PathwayRecords records, PathwayRights rights, StaffDirectory staff, Parameters parameters,
            AuditTrail audit, JdbcClient jdbc, ApplicationEventPublisher events, PathwayWork work,
            Conditionality conditionality, JobCentres centres) {
        this.work = work;
        this.conditionality = conditionality;
        this.centres = centres;
        this.records = records;
        this.rights = rights;
        this.staff = staff;
        this.parameters = parameters;
        this.audit = audit;
        this.jdbc = jdbc;
        this.events = events;
    }

    // ---- tutor ----

    public void assignTutor(CurrentUser user, long id, Long version, long tutorId, String reason) {
        assignTutor(user, id, version, tutorId, reason, null);
    }

    /**
     * Names the tutor and, when the tutor's qualifying experience is not yet on record, records the one
     * given (once per tutor; a later one does not replace it).
     */
    public void assignTutor(CurrentUser user, long id, Long version, long tutorId, String reason,
            TutorExperience experience) {
        Pathway p = records.open(user, id, version, "tutor", rights::canAssignTutor);
        assign(user, p, tutorId, reason);
        if (experience != null && tutorExperience(tutorId).isEmpty()) {
            saveExperience(user, tutorId, experience);
        }
    }

    /** The tutor's qualifying experience, if recorded. */
    @Transactional(readOnly = true)
    public Optional<TutorExperience> tutorExperience(long tutorId) {
        return jdbc.sql("""
                select accompaniment, orientation, pre_selection, years, note from pathway_tutor_experience
                where tutor_user_id = ?""").param(tutorId)
                .query((rs, n) -> new TutorExperience(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3), rs.getInt(4),
                        rs.getString(5))).optional();
    }

    /**
     * Records (or corrects) the qualifying experience of a tutor of the user's CPI: its master user or an
     * operator, as for naming tutors.
     */
    public void recordTutorExperience(CurrentUser user, long tutorId, TutorExperience experience) {
        it.ricolloca.shared.acts.ActGuard.require(rights.canRecordTutorExperience(user), "tutor");
        StaffMember tutor = staff.find(tutorId, user.centreId(), Role.CPI_TUTOR)
                .orElseThrow(() -> new PathwayRefusedException("pathway.tutor.notATutor"));
        if (experience == null) {
            throw new PathwayRefusedException("pathway.tutor.experience.kind");
        }
        saveExperience(user, tutor.id(), experience);
    }

    private void saveExperience(CurrentUser user, long tutorId, TutorExperience e) {
        jdbc.sql("""
                insert into pathway_tutor_experience (tutor_user_id, accompaniment, orientation, pre_selection, years, note,
                    recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (tutor_user_id) do update set accompaniment = excluded.accompaniment,
                    orientation = excluded.orientation, pre_selection = excluded.pre_selection, years = excluded.years,
                    note = excluded.note, recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at""")
                .params(tutorId, e.accompaniment(), e.orientation(), e.preSelection(), e.years(), e.note(),
                        user.username(), Timestamp.from(Instant.now()))
                .update();
        audit.recordAs(user.username(), "PATHWAY_TUTOR_EXPERIENCE", "UserAccount", tutorId,
                Detail.of("audit.detail.tutorExperience", tutorId, e.years()).encoded());
    }

    void assign(CurrentUser user, Pathway p, long tutorId, String reason) {
        StaffMember tutor = staff.find(tutorId, p.getCentreId(), Role.CPI_TUTOR)
                .orElseThrow(() -> new PathwayRefusedException("pathway.tutor.notATutor"));
        Long previous = p.assignTutor(tutor.id(), reason);
        jdbc.sql("""
                insert into pathway_tutor_assignment (pathway_id, tutor_user_id, assigned_on, reason, assigned_by, assigned_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(p.getId(), tutor.id(), Dates.today(), reason == null || reason.isBlank() ? null : reason.strip(),
                        user.username(), Timestamp.from(Instant.now()))
                .update();
        records.touch(p);
        audit.recordAs(user.username(), "PATHWAY_TUTOR_ASSIGNED", "Pathway", p.getId(),
                (previous == null ? Detail.of("audit.detail.tutor", tutor.id())
                        : Detail.of("audit.detail.tutorReplacing", tutor.id(), previous)).encoded());
    }

    // ---- breach of the worker's duties ----

    /** The provider reports a breach of the worker's duties to the competent CPI; returns the breach's id. */
    public long reportBreach(CurrentUser user, long id, BreachKind kind, LocalDate occurredOn, String evidence) {
        Pathway p = work.worked(user, id, "breach");
        return conditionality.reportFromProvider(user.username(), p.getWorkerId(), p.getRequestId(),
                centres.office(p.getOfficeId()).map(OfficeSummary::label).orElse(""), kind, occurredOn, evidence).getId();
    }

    // ---- the six months: extension, suspension, closing ----

    /** Extends the service once, by {@code EXTENSION_MONTHS} in force today. */
    public void extend(CurrentUser user, long id, Long version, String reason) {
        Pathway p = records.open(user, id, version, "extend");
        int months = parameters.integer(Parameter.EXTENSION_MONTHS, Dates.today());
        p.extend(Dates.today(), months, reason);
        records.touch(p);
        audit.recordAs(user.username(), "PATHWAY_EXTENDED", "Pathway", p.getId(), Detail.of("audit.detail.months", months).encoded());
    }

    public void suspend(CurrentUser user, long id, Long version, LocalDate on, ContractType contract, String employer,
            String note) {
        Pathway p = records.open(user, id, version, "suspend");
        p.suspend(on, contract, employer, note, user.username(), Dates.today());
        records.touch(p);
        audit.recordAs(user.username(), "PATHWAY_SUSPENDED", "Pathway", p.getId(),
                Detail.of("audit.detail.suspended", on,
                contract == null ? "" : Detail.label(contract.labelKey())).encoded());
    }

    /** Resumes within {@code SUSPENSION_RESUME_WITHIN_MONTHS} (in force on the suspension's date) of the hiring. */
    public void resume(CurrentUser user, long id, Long version, LocalDate on) {
        Pathway p = records.open(user, id, version, "resume");
        LocalDate suspendedOn = p.getSuspensions().stream().filter(Suspension::isOpen)
                .map(Suspension::getSuspendedOn).findFirst()
                .orElseThrow(() -> new PathwayRefusedException("pathway.resume.notSuspended"));
        p.resume(on, parameters.integer(Parameter.SUSPENSION_RESUME_WITHIN_MONTHS, suspendedOn), Dates.today());
        records.touch(p);
        audit.recordAs(user.username(), "PATHWAY_RESUMED", "Pathway", p.getId(), Detail.of("audit.detail.from", on).encoded());
    }

    public void close(CurrentUser user, long id, Long version, PathwayOutcome outcome, LocalDate on, String note,
            Pathway.Hire hire) {
        Pathway p = records.open(user, id, version, "close");
        if (!PathwayOutcome.byOperator().contains(outcome)) {
            throw new PathwayRefusedException("pathway.close.notByOperator");
        }
        p.close(outcome, on, note, hire, Dates.today());
        records.touch(p);
        audit.recordAs(user.username(), "PATHWAY_CLOSED", "Pathway", p.getId(), Detail.of("audit.detail.closed",
                Detail.label(outcome.labelKey()), on, hire == null || hire.contract() == null ? "" : Detail.label(hire.contract().labelKey())).encoded());
        events.publishEvent(new PathwayClosed(p.getId(), p.getRequestId(), p.getWorkerId(),
                p.getCentreId(), p.getOfficeId(), p.getOutcome(), p.getClosedOn(), p.getHireContract(), p.getHireStart(),
                p.getHireDurationMonths(), p.totalHours(), p.getTimesheetSignedOn(), user.username()));
    }
}
