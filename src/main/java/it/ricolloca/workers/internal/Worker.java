package it.ricolloca.workers.internal;

import it.ricolloca.shared.CodiceFiscale;
import it.ricolloca.workers.NaspiStatus;
import it.ricolloca.workers.WorkerSummary;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hibernate.annotations.BatchSize;

/** A worker of the register, identified by codice fiscale. */
@Entity
@Table(name = "workers_worker")
public class Worker {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "tax_code")
    private String taxCode;

    @Column(name = "first_name")
    private String firstName;

    @Column(name = "last_name")
    private String lastName;

    @Column(name = "birth_date")
    private LocalDate birthDate;

    private String sex;

    @Column(name = "residence_municipality")
    private String residenceMunicipality;

    private String email;
    private String phone;

    @Column(name = "competent_centre_id")
    private Long competentCentreId;

    @Column(name = "naspi_start")
    private LocalDate naspiStart;

    @Column(name = "naspi_expected_end")
    private LocalDate naspiExpectedEnd;

    @Column(name = "naspi_monthly_amount")
    private BigDecimal naspiMonthlyAmount;

    @Enumerated(EnumType.STRING)
    @Column(name = "naspi_status")
    private NaspiStatus naspiStatus;

    @Column(name = "naspi_lapsed_on")
    private LocalDate naspiLapsedOn;

    @Column(name = "naspi_lapsed_breach_id")
    private Long naspiLapsedBreachId;

    @Column(name = "profiling_index")
    private BigDecimal profilingIndex;

    @Column(name = "profiling_date")
    private LocalDate profilingDate;

    private String skills;
    private String languages;
    private String notes;

    @Column(name = "needs_completion")
    private boolean needsCompletion;

    @Column(name = "created_at")
    private Instant createdAt = Instant.now();

    @ElementCollection
    @BatchSize(size = 500)
    @CollectionTable(name = "workers_work_history", joinColumns = @JoinColumn(name = "worker_id"))
    @OrderColumn(name = "position")
    private List<WorkHistoryEntry> workHistory = new ArrayList<>();

    @ElementCollection
    @BatchSize(size = 500)
    @CollectionTable(name = "workers_education", joinColumns = @JoinColumn(name = "worker_id"))
    @OrderColumn(name = "position")
    private List<EducationEntry> education = new ArrayList<>();

    @Version
    private long version;

    protected Worker() {
    }

    /** A worker known only by codice fiscale (from an import): flagged for completion. */
    public static Worker stub(CodiceFiscale taxCode, Long competentCentreId) {
        Worker w = new Worker(taxCode);
        w.competentCentreId = competentCentreId;
        w.needsCompletion = true;
        return w;
    }

    public Worker(CodiceFiscale taxCode) {
        this.taxCode = taxCode.value();
        this.birthDate = taxCode.birthDate();
        this.sex = taxCode.sex().name();
    }

    public void updateIdentity(String firstName, String lastName, String residenceMunicipality, String email,
            String phone, Long competentCentreId) {
        this.firstName = clean(firstName);
        this.lastName = clean(lastName);
        this.residenceMunicipality = clean(residenceMunicipality);
        this.email = clean(email);
        this.phone = clean(phone);
        this.competentCentreId = competentCentreId;
        this.needsCompletion = this.firstName == null || this.lastName == null;
    }

    public void updateBenefit(LocalDate start, LocalDate expectedEnd, BigDecimal monthlyAmount, NaspiStatus status) {
        this.naspiStart = start;
        this.naspiExpectedEnd = expectedEnd;
        this.naspiMonthlyAmount = monthlyAmount;
        // a decadenza decided by the competent CPI is not undone by editing the record
        this.naspiStatus = naspiLapsedOn != null ? NaspiStatus.LAPSED
                : status == NaspiStatus.LAPSED ? naspiStatus : status;
    }

    /**
     * Decadenza: the worker lost the NASpI and the unemployment status on that day, by the decision
     * on that breach (the first decadenza stays).
     */
    public void recordDecadenza(LocalDate on, long breachId) {
        if (naspiLapsedOn != null) {
            return;
        }
        this.naspiStatus = NaspiStatus.LAPSED;
        this.naspiLapsedOn = on;
        this.naspiLapsedBreachId = breachId;
    }

    public LocalDate getNaspiLapsedOn() {
        return naspiLapsedOn;
    }

    public Long getNaspiLapsedBreachId() {
        return naspiLapsedBreachId;
    }

    public void updateProfile(BigDecimal profilingIndex, LocalDate profilingDate, String skills, String languages,
            String notes) {
        this.profilingIndex = profilingIndex;
        this.profilingDate = profilingDate;
        this.skills = clean(skills);
        this.languages = clean(languages);
        this.notes = clean(notes);
    }

    public void addWork(WorkHistoryEntry entry) {
        workHistory.add(entry);
    }

    public void addEducation(EducationEntry entry) {
        education.add(entry);
    }

    public boolean removeWork(int index) {
        if (index < 0 || index >= workHistory.size()) {
            return false;
        }
        workHistory.remove(index);
        return true;
    }

    public boolean removeEducation(int index) {
        if (index < 0 || index >= education.size()) {
            return false;
        }
        education.remove(index);
        return true;
    }

    public WorkerSummary summary() {
        return new WorkerSummary(id, taxCode, firstName, lastName, competentCentreId, needsCompletion);
    }

    private static String clean(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public Long getId() {
        return id;
    }

    public String getTaxCode() {
        return taxCode;
    }

    public String getFirstName() {
        return firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    public String getSex() {
        return sex;
    }

    public String getResidenceMunicipality() {
        return residenceMunicipality;
    }

    public String getEmail() {
        return email;
    }

    public String getPhone() {
        return phone;
    }

    public Long getCompetentCentreId() {
        return competentCentreId;
    }

    public LocalDate getNaspiStart() {
        return naspiStart;
    }

    public LocalDate getNaspiExpectedEnd() {
        return naspiExpectedEnd;
    }

    public BigDecimal getNaspiMonthlyAmount() {
        return naspiMonthlyAmount;
    }

    public NaspiStatus getNaspiStatus() {
        return naspiStatus;
    }

    public BigDecimal getProfilingIndex() {
        return profilingIndex;
    }

    public LocalDate getProfilingDate() {
        return profilingDate;
    }

    public String getSkills() {
        return skills;
    }

    public String getLanguages() {
        return languages;
    }

    public String getNotes() {
        return notes;
    }

    public boolean isNeedsCompletion() {
        return needsCompletion;
    }

    public List<WorkHistoryEntry> getWorkHistory() {
        return Collections.unmodifiableList(workHistory);
    }

    public List<EducationEntry> getEducation() {
        return Collections.unmodifiableList(education);
    }

    public long getVersion() {
        return version;
    }
}
