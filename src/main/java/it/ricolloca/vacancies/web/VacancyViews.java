package it.ricolloca.vacancies.web;

import it.ricolloca.pathway.ContractType;
import it.ricolloca.vacancies.Referral;
import it.ricolloca.vacancies.ReferralStatus;
import it.ricolloca.vacancies.Vacancy;
import it.ricolloca.vacancies.VacancySource;
import it.ricolloca.vacancies.VacancyStatus;
import it.ricolloca.vacancies.internal.Referrals.ReferralRow;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** What the board's pages show, as the templates read it. */
public final class VacancyViews {

    private VacancyViews() {
    }

    /** A worker the user may propose, as the select shows them. */
    public record Proposable(long pathwayId, String name) {
    }

    /** An offer as its pages show it. */
    public record VacancyView(long id, VacancyStatus status, LocalDate arrivedOn, String profile, String professionCode,
            String professionClassification, int positions, String companyName, String companyTaxCode,
            String economicArea, String atecoCode, String atecoVersion, String contractProposal,
            ContractType contractType, Integer contractMonths, String skills, Long centreId, VacancySource source,
            Long referentUserId, String referentName, String referentEmail, String notes, String workplaceMunicipality,
            String workplaceProvince, BigDecimal weeklyHours, BigDecimal salaryMin, BigDecimal salaryMax,
            LocalDate closingOn, long version) {

        static VacancyView of(Vacancy v) {
            return new VacancyView(v.getId(), v.getStatus(), v.getArrivedOn(), v.getProfile(), v.getProfessionCode(),
                    v.getProfessionClassification(), v.getPositions(), v.getCompanyName(), v.getCompanyTaxCode(),
                    v.getEconomicArea(), v.getAtecoCode(), v.getAtecoVersion(), v.getContractProposal(),
                    v.getContractType(), v.getContractMonths(), v.getSkills(), v.getCentreId(), v.getSource(),
                    v.getReferentUserId(), v.getReferentName(), v.getReferentEmail(), v.getNotes(),
                    v.getWorkplaceMunicipality(), v.getWorkplaceProvince(), v.getWeeklyHours(), v.getSalaryMin(),
                    v.getSalaryMax(), v.getClosingOn(), v.getVersion());
        }

        /** Whether the offer still changes (filled and closed offers are final). */
        public boolean open() {
            return !status.next().isEmpty();
        }
    }

    /** A referral as its page shows it. */
    public record ReferralView(long id, long vacancyId, long pathwayId, Instant proposedAt, String note,
            ReferralStatus status, String reason, long version) {

        static ReferralView of(Referral r) {
            return new ReferralView(r.getId(), r.getVacancyId(), r.getPathwayId(), r.getProposedAt(), r.getNote(),
                    r.getStatus(), r.getReason(), r.getVersion());
        }
    }

    /** A referral as the offer's list shows it. */
    public record ReferralLine(long id, String workerName, String proposedBy, Instant proposedAt, ReferralStatus status,
            String reason, String note) {

        static ReferralLine of(ReferralRow row) {
            Referral r = row.referral();
            return new ReferralLine(r.getId(), row.workerName(), row.proposedBy(), r.getProposedAt(), r.getStatus(),
                    r.getReason(), r.getNote());
        }
    }
}
