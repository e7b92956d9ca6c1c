package it.ricolloca.vacancies;

import it.ricolloca.pathway.ContractType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An offer on the shared board, with the seed's fields. Its status moves along
 * {@link VacancyStatus#next()}: filled and closed are final. Who may change it is the board's
 * business ({@code VacancyBoard}): the referents of its CPI and the regional service.
 */
@Entity
@Table(name = "vacancies_vacancy")
public class Vacancy {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    private VacancyStatus status;

    @Column(name = "arrived_on")
    private LocalDate arrivedOn;

    private String profile;

    @Column(name = "profession_code")
    private String professionCode;

    @Column(name = "profession_classification")
    private String professionClassification;

    private int positions;

    @Column(name = "company_name")
    private String companyName;

    @Column(name = "company_tax_code")
    private String companyTaxCode;

    @Column(name = "economic_area")
    private String economicArea;

    @Column(name = "ateco_code")
    private String atecoCode;

    @Column(name = "ateco_version")
    private String atecoVersion;

    @Column(name = "contract_proposal")
    private String contractProposal;

    @Enumerated(EnumType.STRING)
    @Column(name = "contract_type")
    private ContractType contractType;

    @Column(name = "contract_months")
    private Integer contractMonths;

    private String skills;

    @Column(name = "centre_id")
    private Long centreId;

    @Enumerated(EnumType.STRING)
    private VacancySource source;

    @Column(name = "referent_user_id")
    private Long referentUserId;

    @Column(name = "referent_name")
    private String referentName;

    @Column(name = "referent_email")
    private String referentEmail;

    private String notes;

    @Column(name = "workplace_municipality")
    private String workplaceMunicipality;

    @Column(name = "workplace_province")
    private String workplaceProvince;

    @Column(name = "weekly_hours")
    private BigDecimal weeklyHours;

    @Column(name = "salary_min")
    private BigDecimal salaryMin;

    @Column(name = "salary_max")
    private BigDecimal salaryMax;

    @Column(name = "closing_on")
    private LocalDate closingOn;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private long version;

    protected Vacancy() {
    }

    public Vacancy(VacancyDetails details, VacancyStatus status, Instant now) {
        this.status = Objects.requireNonNull(status);
        this.createdAt = now;
        apply(details, now);
    }

    /** Writes the details; returns whether anything changed (an import of the same row changes nothing). */
    public boolean apply(VacancyDetails d, Instant now) {
        if (d.equals(details())) {
            return false;
        }
        arrivedOn = d.arrivedOn();
        profile = d.profile();
        professionCode = d.professionCode();
        professionClassification = d.professionClassification();
        positions = d.positions();
        companyName = d.companyName();
        companyTaxCode = d.companyTaxCode();
        economicArea = d.economicArea();
        atecoCode = d.atecoCode();
        atecoVersion = d.atecoVersion();
        contractProposal = d.contractProposal();
        contractType = d.contractType();
        contractMonths = d.contractMonths();
        skills = d.skills();
        centreId = d.centreId();
        source = d.source();
        referentUserId = d.referentUserId();
        referentName = d.referentName();
        referentEmail = d.referentEmail();
        notes = d.notes();
        workplaceMunicipality = d.workplaceMunicipality();
        workplaceProvince = d.workplaceProvince();
        weeklyHours = d.weeklyHours();
        salaryMin = d.salaryMin();
        salaryMax = d.salaryMax();
        closingOn = d.closingOn();
        updatedAt = now;
        return true;
    }

    /** The editable details as they stand, in the shape a form or an export reads. */
    public VacancyDetails details() {
        return new VacancyDetails(arrivedOn, profile, professionCode, professionClassification,
                positions, companyName, companyTaxCode, economicArea, atecoCode,
                atecoVersion, contractProposal, contractType, contractMonths, skills, centreId, source, referentUserId,
                referentName, referentEmail, notes, workplaceMunicipality, workplaceProvince, weeklyHours, salaryMin,
                salaryMax, closingOn);
    }

    /**
     * Whether these hires take every position of an offer that may still be marked filled: the offer then
     * proposes to be marked {@link VacancyStatus#FILLED} as its next act (it is not marked by itself: a hire
     * may still be undone, and the referent knows whether the company needs more people).
     */
    public boolean awaitsFilling(long hires) {
        return hires >= positions && status.next().contains(VacancyStatus.FILLED);
    }

    /** A referent's change of status along the flow; a final status never changes. */
    public void moveTo(VacancyStatus to, Instant now) {
        if (to == null || !status.next().contains(to)) {
            throw new VacancyRefusedException("vacancy.status.illegal");
        }
        status = to;
        updatedAt = now;
    }

    /** The status the board file states (the file is the record during the transition); returns whether it changed. */
    public boolean takeStatusFromBoardFile(VacancyStatus to, Instant now) {
        if (to == status) {
            return false;
        }
        status = to;
        updatedAt = now;
        return true;
    }

    public Long getId() {
        return id;
    }

    public VacancyStatus getStatus() {
        return status;
    }

    public LocalDate getArrivedOn() {
        return arrivedOn;
    }

    public String getProfile() {
        return profile;
    }

    public String getProfessionCode() {
        return professionCode;
    }

    public String getProfessionClassification() {
        return professionClassification;
    }

    public int getPositions() {
        return positions;
    }

    public String getCompanyName() {
        return companyName;
    }

    public String getCompanyTaxCode() {
        return companyTaxCode;
    }

    public String getEconomicArea() {
        return economicArea;
    }

    public String getAtecoCode() {
        return atecoCode;
    }

    public String getAtecoVersion() {
        return atecoVersion;
    }

    public String getContractProposal() {
        return contractProposal;
    }

    public ContractType getContractType() {
        return contractType;
    }

    public Integer getContractMonths() {
        return contractMonths;
    }

    public String getSkills() {
        return skills;
    }

    public Long getCentreId() {
        return centreId;
    }

    public VacancySource getSource() {
        return source;
    }

    public Long getReferentUserId() {
        return referentUserId;
    }

    public String getReferentName() {
        return referentName;
    }

    public String getReferentEmail() {
        return referentEmail;
    }

    public String getNotes() {
        return notes;
    }

    public String getWorkplaceMunicipality() {
        return workplaceMunicipality;
    }

    public String getWorkplaceProvince() {
        return workplaceProvince;
    }

    public BigDecimal getWeeklyHours() {
        return weeklyHours;
    }

    public BigDecimal getSalaryMin() {
        return salaryMin;
    }

    public BigDecimal getSalaryMax() {
        return salaryMax;
    }

    public LocalDate getClosingOn() {
        return closingOn;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
