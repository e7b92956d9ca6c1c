package it.ricolloca.workers.web;

import it.ricolloca.workers.NaspiStatus;
import it.ricolloca.workers.internal.EducationEntry;
import it.ricolloca.workers.internal.WorkHistoryEntry;
import it.ricolloca.workers.internal.Worker;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A worker's register record as its pages show it (a template takes this, not the entity). */
public record WorkerDetail(long id, long version, String taxCode, String firstName, String lastName, LocalDate birthDate,
        String sex, String residenceMunicipality, String email, String phone, LocalDate naspiStart,
        LocalDate naspiExpectedEnd, BigDecimal naspiMonthlyAmount, NaspiStatus naspiStatus, BigDecimal profilingIndex,
        LocalDate profilingDate, String skills, String languages, String notes, boolean needsCompletion,
        List<WorkHistoryEntry> workHistory, List<EducationEntry> education, LocalDate naspiLapsedOn,
        Long naspiLapsedBreachId) {

    static WorkerDetail of(Worker w) {
        return new WorkerDetail(w.getId(), w.getVersion(), w.getTaxCode(), w.getFirstName(), w.getLastName(),
                w.getBirthDate(), w.getSex(), w.getResidenceMunicipality(), w.getEmail(), w.getPhone(), w.getNaspiStart(),
                w.getNaspiExpectedEnd(), w.getNaspiMonthlyAmount(), w.getNaspiStatus(), w.getProfilingIndex(),
                w.getProfilingDate(), w.getSkills(), w.getLanguages(), w.getNotes(), w.isNeedsCompletion(),
                List.copyOf(w.getWorkHistory()), List.copyOf(w.getEducation()), w.getNaspiLapsedOn(),
                w.getNaspiLapsedBreachId());
    }
}
