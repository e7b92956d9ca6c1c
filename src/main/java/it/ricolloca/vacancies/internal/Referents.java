package it.ricolloca.vacancies.internal;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.StaffDirectory;
import it.ricolloca.accounts.StaffMember;
import it.ricolloca.audit.AuditTrail;
import it.ricolloca.network.JobCentres;
import it.ricolloca.shared.NotFoundException;
import it.ricolloca.shared.acts.ActGuard;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.vacancies.VacancyRefusedException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import java.util.Comparator;
import java.util.Objects;

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
    private final VacancyRights rights;
    private final JobCentres centres;
    private final AuditTrail audit;

    Referents(JdbcClient jdbc, StaffDirectory staff, VacancyRights rights, JobCentres centres, AuditTrail audit) {
        this.jdbc = jdbc;
        this.staff = staff;
        this.rights = rights;
        this.centres = centres;
        this.audit = audit;
    }

    /** Whether the user may name and end the referents of that CPI. */
    @Transactional(readOnly = true)
    public boolean canName(CurrentUser user, long centreId) {
        return rights.canName(user, centreId);
    }

    /** Refuses (403) a user who does not name the referents of that CPI. */
    @Transactional(readOnly = true)
    public void requireNaming(CurrentUser user, long centreId) {
        ActGuard.require(rights.canName(user, centreId), "referents");
    }

    /** The CPI whose referents the user lists: the chosen one for the region, their own otherwise (403 without one). */
    @Transactional(readOnly = true)
    public Long listedCentre(CurrentUser user, Long chosen) {
        Long centre = user.isRegional() ? chosen : user.centreId();
        ActGuard.require(centre != null || user.isRegional(), "referents");
        return centre;
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
        return staff.of(centreId).stream().filter(m -> !rights.isReferent(m.id(), centreId)).toList();
    }

    /** The current referents of a CPI, for the vacancy form's choice. */
    @Transactional(readOnly = true)
    public List<StaffMember> current(long centreId) {
        return jdbc.sql("select user_id from vacancies_referent where centre_id = ? and ended_on is null")
                .param(centreId).query(Long.class).list().stream()
                .map(id -> staff.find(id).orElse(null)).filter(Objects::nonNull)
                .sorted(Comparator.comparing(StaffMember::fullName)).toList();
    }

    public void name(CurrentUser user, long centreId, long userId) {
        ActGuard.require(rights.canName(user, centreId), "referents");
        StaffMember m = staff.of(centreId).stream().filter(s -> s.id() == userId).findFirst()
                .orElseThrow(() -> new VacancyRefusedException("referent.error.notStaff"));
        jdbc.sql("select 1 from (select pg_advisory_xact_lock(?, ?)) l").params(7001, (int) centreId).query(Integer.class).single();
        if (rights.isReferent(userId, centreId)) {
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
        long centreId = ActGuard.allowed(Optional.of((Long) row[0]), user::canSeeCentre, c -> rights.canName(user, c),
                "referents");
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
