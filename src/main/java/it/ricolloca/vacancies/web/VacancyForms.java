package it.ricolloca.vacancies.web;

import it.ricolloca.pathway.ContractType;
import it.ricolloca.shared.web.FormErrors;
import it.ricolloca.shared.web.Numbers;
import it.ricolloca.vacancies.ReferralStatus;
import it.ricolloca.vacancies.VacancyDetails;
import it.ricolloca.vacancies.VacancySource;
import it.ricolloca.vacancies.VacancyStatus;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * The forms of the board, each a typed record: numbers read the Italian way ({@code 1.650,50}),
 * dates from {@code <input type="date">}, choices as enums. Forms that change a record carry the
 * version they were read at. The board's own rules (the same for a form and an import row) stay in
 * {@link VacancyDetails#problems}; the constraints here catch what does not even make a value.
 */
public final class VacancyForms {

    private VacancyForms() {
    }

    /** An offer as the referent writes it. */
    public record VacancyForm(@NotNull @DateTimeFormat(iso = ISO.DATE) LocalDate arrivedOn,
            @NotBlank @Size(max = 300) String profile, @Size(max = 20) String professionCode,
            @Size(max = 20) String professionClassification, @NotNull @Min(1) @Max(10000) Integer positions,
            @NotBlank @Size(max = 200) String companyName, @Size(max = 20) String companyTaxCode,
            @Size(max = 200) String economicArea, @Size(max = 20) String atecoCode, @Size(max = 10) String atecoVersion,
            @Size(max = 300) String contractProposal, ContractType contractType,
            @Min(1) @Max(120) Integer contractMonths, @Size(max = 4000) String skills, Long centreId,
            @NotNull VacancySource source, Long referentUserId, @Size(max = 4000) String notes,
            @Size(max = 100) String workplaceMunicipality, @Size(max = 20) String workplaceProvince,
            @DecimalMin(value = "0", inclusive = false) @DecimalMax("60") BigDecimal weeklyHours,
            @DecimalMin("0") @DecimalMax("99999999") BigDecimal salaryMin,
            @DecimalMin("0") @DecimalMax("99999999") BigDecimal salaryMax,
            @DateTimeFormat(iso = ISO.DATE) LocalDate closingOn, Long version) {

        /** The fields of the form, by name. */
        static final List<String> FIELDS = Arrays.stream(VacancyForm.class.getRecordComponents())
                .map(RecordComponent::getName).toList();

        /** A new offer of the user's CPI, arrived today, with the author as referent. */
        static VacancyForm blank(Long centreId, long userId, LocalDate today) {
            return new VacancyForm(today, "", "", "CP2021", 1, "", "", "", "", "2025", "", null, null, "", centreId,
                    VacancySource.CPI, userId, "", "", "", null, null, null, null, null);
        }

        /** The form filled with an offer's details, at its version. */
        static VacancyForm of(VacancyDetails d, long version) {
            return new VacancyForm(d.arrivedOn(), d.profile(), d.professionCode(), d.professionClassification(),
                    d.positions(), d.companyName(), d.companyTaxCode(), d.economicArea(), d.atecoCode(), d.atecoVersion(),
                    d.contractProposal(), d.contractType(), d.contractMonths(), d.skills(), d.centreId(), d.source(),
                    d.referentUserId(), d.notes(), d.workplaceMunicipality(), d.workplaceProvince(), d.weeklyHours(),
                    d.salaryMin(), d.salaryMax(), d.closingOn(), version);
        }

        /** The details the form states (referent name and address follow the user named). */
        VacancyDetails details() {
            return new VacancyDetails(arrivedOn, profile, professionCode, professionClassification, positions,
                    companyName, companyTaxCode, economicArea, atecoCode, atecoVersion, contractProposal, contractType,
                    contractMonths, skills, centreId, source, referentUserId, null, null, notes, workplaceMunicipality,
                    workplaceProvince, weeklyHours, salaryMin, salaryMax, closingOn);
        }
    }

    /** A referent's change of an offer's status, with an optional note. */
    public record StatusForm(@NotNull VacancyStatus status, @Size(max = 1000) String note, Long version) {
    }

    /** A worker in pathway proposed for an offer. */
    public record ProposalForm(@NotNull Long pathwayId, @Size(max = 2000) String note) {
    }

    /** A step of a referral's evaluation (or its withdrawal); a candidate not selected needs the reason. */
    public record OutcomeForm(@NotNull ReferralStatus status, @Size(max = 1000) String reason, Long version) {
    }

    /** The hire that closes the worker's pathway; {@code version} is the pathway's. */
    public record HireForm(@NotNull @DateTimeFormat(iso = ISO.DATE) LocalDate onDate,
            @Pattern(regexp = "\\d{11}") String employerVat, @NotNull ContractType contract,
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("60") BigDecimal weeklyHours,
            @NotNull @DateTimeFormat(iso = ISO.DATE) LocalDate hireStart, @Min(1) @Max(120) Integer durationMonths,
            Long version) {
    }

    /** The tutor sets aside an offer the worker marked as interesting, with the reason the worker reads. */
    public record SetAsideForm(@NotBlank @Size(max = 1000) String reason, Long version) {
    }

    /** The worker marks an offer as interesting from a page of the ranked offers, the page to go back to. */
    public record InterestForm(Integer page) {
    }

    /** A member of a CPI's staff named vacancy referent. */
    public record ReferentForm(@NotNull Long centreId, @NotNull Long userId) {
    }

    /**
     * What a form shows back, field by field, as text: the value typed when it was refused (a
     * number written {@code 1,650.50} stays so), else the value as an input shows it ({@code 1650,5}).
     */
    public record Input(Map<String, String> values) {

        public static final Input NONE = new Input(Map.of());

        /** The values of a form record, with the refused input of {@code result} where it has one (result may be null). */
        public static Input of(Record form, BindingResult result) {
            Map<String, String> values = new LinkedHashMap<>();
            for (RecordComponent c : form.getClass().getRecordComponents()) {
                FieldError error = result == null ? null : result.getFieldError(c.getName());
                Object value = error != null && error.getRejectedValue() != null ? error.getRejectedValue() : read(c, form);
                values.put(c.getName(), text(value));
            }
            return new Input(values);
        }

        public String get(String field) {
            return values.getOrDefault(field, "");
        }

        private static Object read(RecordComponent c, Record form) {
            try {
                return c.getAccessor().invoke(form);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }

        private static String text(Object value) {
            if (value == null) {
                return "";
            } else if (value instanceof BigDecimal b) {
                return Numbers.input(b);
            } else if (value instanceof Enum<?> e) {
                return e.name();
            } else if (value instanceof String[] many) {
                return many.length == 0 ? "" : many[0];
            }
            return value.toString();
        }
    }

    /** The form of a page holding several that is shown open: its name, what was typed, its errors. */
    public record OpenForm(String name, Input input, FormErrors errors) {

        public static final OpenForm NONE = new OpenForm("", Input.NONE, FormErrors.NONE);

        public boolean is(String form) {
            return name.equals(form);
        }

        /** The value typed in {@code form}'s field, or {@code fallback} when that form is not the one open. */
        public String value(String form, String field, String fallback) {
            return is(form) ? input.get(field) : fallback;
        }

        /** The errors of {@code form}: none unless it is the one open. */
        public FormErrors errorsOf(String form) {
            return is(form) ? errors : FormErrors.NONE;
        }
    }
}
