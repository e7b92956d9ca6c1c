package it.ricolloca.vacancies.internal;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.Role;
import it.ricolloca.accounts.StaffDirectory;
import it.ricolloca.accounts.StaffMember;
import it.ricolloca.audit.AuditTrail;
import it.ricolloca.shared.acts.ActGuard;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.Messages;
import it.ricolloca.vacancies.Vacancy;
import it.ricolloca.vacancies.VacancyDetails;
import it.ricolloca.vacancies.VacancyDetails.Problem;
import it.ricolloca.vacancies.VacancyInvalidException;
import it.ricolloca.vacancies.VacancyRefusedException;
import it.ricolloca.vacancies.VacancySource;
import it.ricolloca.vacancies.VacancyStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import java.sql.Timestamp;

/**
 * The board's offers: every CPI and the region read them all; the referents of the owning CPI
 * and the regional service add and change them. A named referent must belong to the offer's CPI
 * (as a named referent) or to the regional service. Every change is audited and kept in the
 * offer's history.
 */
@Service
@Transactional
public class VacancyBoard {

    /** A line of an offer's history. */
    public record HistoryLine(Instant at, String username, VacancyStatus from, VacancyStatus to, String note) {
    }

    private final VacancyRepository vacancies;
    private final Referents referents;
    private final VacancyRights rights;
    private final StaffDirectory staff;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final Messages messages;
    private final MatchingTerms terms;

    VacancyBoard(VacancyRepository vacancies, Referents referents, VacancyRights rights, StaffDirectory staff,
            AuditTrail audit, JdbcClient jdbc, Messages messages, MatchingTerms terms) {
        this.messages = messages;
        this.terms = terms;
        this.vacancies = vacancies;
        this.referents = referents;
        this.rights = rights;
        this.staff = staff;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    /** The offer; every member of the network reads the board. */
    @Transactional(readOnly = true)
    public Vacancy get(CurrentUser user, long id) {
        ActGuard.require(VacancyRights.canRead(user), "vacancies");
        return ActGuard.visible(vacancies.findById(id), v -> true);
    }

    /** The offer, when the user may change it (its CPI's referents, the regional service). */
    @Transactional(readOnly = true)
    public Vacancy editable(CurrentUser user, long id) {
        ActGuard.require(VacancyRights.canRead(user), "vacancies");
        return ActGuard.allowed(vacancies.findById(id), v -> true, v -> rights.canEdit(user, v), "vacancies");
    }

    /** Refuses (403) unless the user adds offers. */
    @Transactional(readOnly = true)
    public void requireCreate(CurrentUser user) {
        ActGuard.require(rights.canCreate(user), "vacancies");
    }

    /**
     * Every rule the details break for this user, as {@link #create} and {@link #update} would
     * refuse them; empty when they may be saved (a form shows them with its own field errors).
     */
    @Transactional(readOnly = true)
    public List<Problem> problems(CurrentUser user, VacancyDetails details) {
        try {
            checked(user, details, user.id());
            return List.of();
        } catch (VacancyInvalidException e) {
            return e.problems();
        }
    }

    /**
     * Locates the workplaces the board's writes named for the first time (matching's stored terms, ADR 0038), in
     * the writer's transaction: the board's own acts and its import call it after writing.
     */
    public void locateWorkplaces() {
        terms.locateOffers();
    }

    public Vacancy create(CurrentUser user, VacancyDetails details) {
        requireCreate(user);
        VacancyDetails d = checked(user, details, user.id());
        Instant now = Instant.now();
        Vacancy v = vacancies.saveAndFlush(new Vacancy(d, VacancyStatus.OPEN, now));
        terms.locateOffers();
        history(v.getId(), user.username(), null, VacancyStatus.OPEN, messages.t("vacancy.history.created"));
        audit.recordAs(user.username(), "VACANCY_CREATED", "Vacancy", v.getId(), d.profile() + " · " + d.companyName());
        return v;
    }

    public Vacancy update(CurrentUser user, long id, Long version, VacancyDetails details) {
        Vacancy v = editable(user, id, version);
        if (v.getStatus().next().isEmpty()) {
            throw new VacancyRefusedException("vacancy.final");
        }
        VacancyDetails d = checked(user, details, user.id());
        if (v.apply(d, Instant.now())) {
            vacancies.saveAndFlush(v);
            terms.locateOffers();
            history(id, user.username(), null, null, messages.t("vacancy.history.updated"));
            audit.recordAs(user.username(), "VACANCY_UPDATED", "Vacancy", id, d.profile() + " · " + d.companyName());
        }
        return v;
    }

    public Vacancy changeStatus(CurrentUser user, long id, Long version, VacancyStatus to, String note) {
        Vacancy v = editable(user, id, version);
        VacancyStatus from = v.getStatus();
        String n = note == null || note.isBlank() ? null : note.strip();
        if (n != null && n.length() > 1000) {
            throw new VacancyRefusedException("vacancy.error.tooLong", 1000);
        }
        v.moveTo(to, Instant.now());
        vacancies.saveAndFlush(v);
        terms.locateOffers();
        history(id, user.username(), from, to, n);
        audit.recordAs(user.username(), "VACANCY_STATUS", "Vacancy", id, from + " → " + to + (n == null ? "" : ": " + n));
        return v;
    }

    @Transactional(readOnly = true)
    public List<HistoryLine> history(long id) {
        return jdbc.sql("select at, username, from_status, to_status, note from vacancies_event where vacancy_id = ? order by at desc, id desc")
                .param(id).query((rs, n) -> new HistoryLine(rs.getTimestamp(1).toInstant(), rs.getString(2),
                        status(rs.getString(3)), status(rs.getString(4)), rs.getString(5)))
                .list();
    }

    void history(long vacancyId, String username, VacancyStatus from, VacancyStatus to, String note) {
        jdbc.sql("insert into vacancies_event (vacancy_id, at, username, from_status, to_status, note) values (?, ?, ?, ?, ?, ?)")
                .params(vacancyId, Timestamp.from(Instant.now()), username, from == null ? null : from.name(),
                        to == null ? null : to.name(), note)
                .update();
    }

    private static VacancyStatus status(String s) {
        return s == null ? null : VacancyStatus.valueOf(s);
    }

    /** The offer, when the user may change it and the form was read at its current version. */
    @Transactional(readOnly = true)
    public Vacancy editable(CurrentUser user, long id, Long version) {
        ActGuard.require(VacancyRights.canRead(user), "vacancies");
        return ActGuard.act(vacancies.findById(id), v -> true, v -> rights.canEdit(user, v), Vacancy::getVersion,
                version, "vacancies");
    }

    /**
     * The details as they will be saved, or every problem: the form's rules, then the board's: a
     * CPI referent writes only for their CPI and as source CPI; the referent named must be a named
     * referent of the offer's CPI or of the regional service. Without a referent, the author is
     * named when they may be.
     */
    VacancyDetails checked(CurrentUser user, VacancyDetails details, Long defaultReferent) {
        return checked(user, details, defaultReferent, null);
    }

    /** As above; {@code currentReferent}, the offer's referent already on record, stays even if no longer eligible. */
    VacancyDetails checked(CurrentUser user, VacancyDetails details, Long defaultReferent, Long currentReferent) {
        List<Problem> problems = new ArrayList<>(details.problems(Dates.today()));
        if (!VacancyRights.isRegionalService(user)) {
            if (details.source() != null && details.source() != VacancySource.CPI) {
                problems.add(new Problem("source", "vacancy.error.sourceRegional"));
            }
            if (details.centreId() != null && !details.centreId().equals(user.centreId())) {
                problems.add(new Problem("centreId", "vacancy.error.otherCentre"));
            }
        }
        VacancyDetails d = details;
        Long referent = details.referentUserId() != null ? details.referentUserId()
                : details.referentEmail() == null && details.referentName() == null ? defaultReferent : null;
        if (referent != null) {
            Optional<StaffMember> m = referent.equals(currentReferent) ? staff.find(referent)
                    : eligibleReferent(referent, details.centreId());
            if (m.isEmpty()) {
                problems.add(new Problem("referentUserId", "vacancy.error.referent"));
            } else {
                d = details.withReferent(m.get().id(), m.get().fullName(), m.get().email());
            }
        }
        if (!problems.isEmpty()) {
            throw new VacancyInvalidException(problems);
        }
        return d;
    }

    /** The user, when they may be the referent of an offer of that CPI (or of a specialist service). */
    @Transactional(readOnly = true)
    public Optional<StaffMember> eligibleReferent(long userId, Long centreId) {
        Optional<StaffMember> regional = staff.findWithRole(userId, Role.REGIONAL_VACANCY_MANAGER)
                .filter(m -> m.centreId() == null);
        if (regional.isPresent()) {
            return regional;
        }
        if (centreId == null || !rights.isReferent(userId, centreId)) {
            return Optional.empty();
        }
        return staff.find(userId);
    }

    /** Whom an offer of that CPI may name as referent: its named referents and the regional service. */
    @Transactional(readOnly = true)
    public List<StaffMember> possibleReferents(Long centreId) {
        List<StaffMember> all = new ArrayList<>(centreId == null ? List.of() : referents.current(centreId));
        all.addAll(staff.regional(Role.REGIONAL_VACANCY_MANAGER));
        return all;
    }
}
