package it.ricolloca.vacancies.internal;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.DelegatedFunction;
import it.ricolloca.accounts.Delegations;
import it.ricolloca.accounts.Role;
import it.ricolloca.accounts.StaffDirectory;
import it.ricolloca.accounts.StaffMember;
import it.ricolloca.audit.AuditTrail;
import it.ricolloca.network.JobCentres;
import it.ricolloca.shared.NotFoundException;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.vacancies.VacancyRefusedException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The vacancy referents each CPI names among its own staff (a tutor may be one). The regional
 * service (role Servizio Grandi Reclutamenti) counts as a referent of every CPI. A CPI's master,
 * an operator with the vacancy-board delegation and the regional service name and end them.
 */
@Service
@Transactional
public class Referents {

    /** A naming, current or ended. */
    public record ReferentRow(long id, long centreId, String centre, long userId, String name, String email,
            LocalDate namedOn, String namedBy, LocalDate endedOn) {
    }

    private final JdbcClient jdbc;
    private final StaffDirectory staff;
    private final Delegations delegations;
    private final JobCentres centres;
    private final AuditTrail audit;

    Referents(JdbcClient jdbc, StaffDirectory staff, Delegations delegations, JobCentres centres, AuditTrail audit) {
        this.jdbc = jdbc;
        this.staff = staff;
        this.delegations = delegations;
        this.centres = centres;
        this.audit = audit;
    }

    /** Whether the user is the regional service, which edits the whole board. */
    public static boolean isRegionalService(CurrentUser user) {
        return user.centreId() == null && user.hasRole(Role.REGIONAL_VACANCY_MANAGER);
    }

    /** Whether the user is, today, a named referent of that CPI. */
    @Transactional(readOnly = true)
    public boolean isReferent(long userId, long centreId) {
        return jdbc.sql("select exists (select 1 from vacancies_referent where user_id = ? and centre_id = ? and ended_on is null)")
                .params(userId, centreId).query(Boolean.class).single();
    }

    /** Whether the user may name and end the referents of that CPI. */
    @Transactional(readOnly = true)
    public boolean canName(CurrentUser user, long centreId) {
        if (isRegionalService(user) || user.isAdmin()) {
            return true;
        }
        if (user.centreId() == null || user.centreId() != centreId) {
            return false;
        }
        return user.hasRole(Role.CPI_MASTER) || user.hasRole(Role.CPI_OPERATOR)
                && delegations.isActive(user.id(), DelegatedFunction.VACANCIES, Dates.today());
    }

    /** The namings of one CPI (or of every CPI for the region), current first. */
    @Transactional(readOnly = true)
    public List<ReferentRow> list(CurrentUser user, Long centreId) {
        Long scope = centreId != null ? centreId : user.scopeCentreId();
        if (scope != null && !user.canSeeCentre(scope)) {
            throw new NotFoundException();
        }
        Map<Long, String> names = centres.names();
        return jdbc.sql("""
                select id, centre_id, user_id, named_on, named_by, ended_on from vacancies_referent
                where cast(:centre as bigint) is null or centre_id = :centre
                order by ended_on is not null, centre_id, named_on desc, id desc limit 2000""")
                .param("centre", scope)
                .query((rs, n) -> {
                    StaffMember m = staff.find(rs.getLong(3)).orElse(null);
                    return new ReferentRow(rs.getLong(1), rs.getLong(2), names.getOrDefault(rs.getLong(2), ""),
                            rs.getLong(3), m == null ? "" : m.fullName(), m == null ? "" : m.email(),
                            rs.getObject(4, LocalDate.class), rs.getString(5), rs.getObject(6, LocalDate.class));
                }).list();
    }

    /** Whom the CPI may name: its enabled staff not already a referent. */
    @Transactional(readOnly = true)
    public List<StaffMember> candidates(long centreId) {
        return staff.of(centreId).stream().filter(m -> !isReferent(m.id(), centreId)).toList();
    }

    /** The current referents of a CPI, for the vacancy form's choice. */
    @Transactional(readOnly = true)
    public List<StaffMember> current(long centreId) {
        return jdbc.sql("select user_id from vacancies_referent where centre_id = ? and ended_on is null")
                .param(centreId).query(Long.class).list().stream()
                .map(id -> staff.find(id).orElse(null)).filter(java.util.Objects::nonNull)
                .sorted(java.util.Comparator.comparing(StaffMember::fullName)).toList();
    }

    public void name(CurrentUser user, long centreId, long userId) {
        if (!canName(user, centreId)) {
            throw new AccessDeniedException("referents");
        }
        StaffMember m = staff.of(centreId).stream().filter(s -> s.id() == userId).findFirst()
                .orElseThrow(() -> new VacancyRefusedException("referent.error.notStaff"));
        jdbc.sql("select 1 from (select pg_advisory_xact_lock(?, ?)) l").params(7001, (int) centreId).query(Integer.class).single();
        if (isReferent(userId, centreId)) {
            throw new VacancyRefusedException("referent.error.already", m.fullName());
        }
        long id = jdbc.sql("""
                insert into vacancies_referent (centre_id, user_id, named_on, named_by) values (?, ?, ?, ?) returning id""")
                .params(centreId, userId, Dates.today(), user.username()).query(Long.class).single();
        audit.recordAs(user.username(), "VACANCY_REFERENT_NAMED", "VacancyReferent", id,
                m.username() + " per il CPI " + centreId);
    }

    public void end(CurrentUser user, long referentId) {
        var row = jdbc.sql("select centre_id, ended_on is not null from vacancies_referent where id = ?")
                .param(referentId).query((rs, n) -> new Object[] {rs.getLong(1), rs.getBoolean(2)}).optional()
                .orElseThrow(NotFoundException::new);
        long centreId = (Long) row[0];
        if (!user.canSeeCentre(centreId)) {
            throw new NotFoundException();
        }
        if (!canName(user, centreId)) {
            throw new AccessDeniedException("referents");
        }
        if ((Boolean) row[1]) {
            throw new VacancyRefusedException("referent.error.ended");
        }
        jdbc.sql("update vacancies_referent set ended_on = ?, ended_by = ? where id = ? and ended_on is null")
                .params(Dates.today(), user.username(), referentId).update();
        audit.recordAs(user.username(), "VACANCY_REFERENT_ENDED", "VacancyReferent", referentId, "CPI " + centreId);
    }

    /** The demo network's naming: the CPI's referent user, named by the system. */
    void nameAtStart(long centreId, long userId) {
        jdbc.sql("""
                insert into vacancies_referent (centre_id, user_id, named_on, named_by)
                select ?, ?, ?, 'sistema' where not exists
                    (select 1 from vacancies_referent where centre_id = ? and user_id = ? and ended_on is null)""")
                .params(centreId, userId, Dates.today(), centreId, userId).update();
    }
}
