package it.ricolloca.vacancies;

import it.ricolloca.pathway.ContractType;
import it.ricolloca.shared.CodiceFiscale;
import it.ricolloca.shared.PartitaIva;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.math.RoundingMode;

/**
 * What a referent writes about an offer: the seed's fields in the seed's order (status aside),
 * then source, workplace, hours, pay and closing date. {@link #problems} lists every rule broken,
 * each with the form field and the Italian message key, so a form and an import row say the same.
 */
public record VacancyDetails(LocalDate arrivedOn, String profile, String professionCode,
        String professionClassification, Integer positions, String companyName, String companyTaxCode,
        String economicArea, String atecoCode, String atecoVersion, String contractProposal, ContractType contractType,
        Integer contractMonths, String skills, Long centreId, VacancySource source, Long referentUserId,
        String referentName, String referentEmail, String notes, String workplaceMunicipality,
        String workplaceProvince, BigDecimal weeklyHours, BigDecimal salaryMin, BigDecimal salaryMax,
        LocalDate closingOn) {

    private static final Pattern PROFESSION = Pattern.compile("\\d{1,2}(\\.\\d{1,3}){0,5}");
    private static final Pattern ATECO = Pattern.compile("[A-U]|\\d{2}(\\.\\d{1,2}){0,2}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
    private static final Pattern PROVINCE = Pattern.compile("[A-Z]{2}");

    /** A broken rule: the field it concerns and the message key with its arguments. */
    public record Problem(String field, String key, Object... args) {
    }

    public VacancyDetails {
        profile = clean(profile);
        professionCode = clean(professionCode);
        professionClassification = upper(professionClassification);
        companyName = clean(companyName);
        companyTaxCode = companyTaxCode == null || companyTaxCode.isBlank() ? null
                : companyTaxCode.strip().replace(" ", "").toUpperCase(Locale.ROOT);
        economicArea = clean(economicArea);
        atecoCode = upper(atecoCode);
        atecoVersion = clean(atecoVersion);
        contractProposal = clean(contractProposal);
        skills = clean(skills);
        referentName = clean(referentName);
        referentEmail = referentEmail == null || referentEmail.isBlank() ? null : referentEmail.strip().toLowerCase(Locale.ROOT);
        notes = clean(notes);
        workplaceMunicipality = clean(workplaceMunicipality);
        workplaceProvince = upper(workplaceProvince);
        weeklyHours = scaled(weeklyHours, 1);
        salaryMin = scaled(salaryMin, 2);
        salaryMax = scaled(salaryMax, 2);
    }

    private static BigDecimal scaled(BigDecimal b, int scale) {
        return b == null ? null : b.setScale(scale, RoundingMode.HALF_UP);
    }

    /** Every rule this offer breaks, in the order of the form; empty when it may be saved. */
    public List<Problem> problems(LocalDate today) {
        List<Problem> p = new ArrayList<>();
        if (arrivedOn == null) {
            p.add(new Problem("arrivedOn", "vacancy.error.arrivedOn"));
        } else if (arrivedOn.isAfter(today)) {
            p.add(new Problem("arrivedOn", "vacancy.error.arrivedOnFuture"));
        }
        length(p, "profile", profile, 300, true);
        if (professionCode != null && (professionCode.length() > 20 || !PROFESSION.matcher(professionCode).matches())) {
            p.add(new Problem("professionCode", "vacancy.error.professionCode"));
        }
        length(p, "professionClassification", professionClassification, 20, false);
        if (positions == null || positions < 1 || positions > 10000) {
            p.add(new Problem("positions", "vacancy.error.positions"));
        }
        length(p, "companyName", companyName, 200, true);
        if (companyTaxCode != null) {
            var problem = companyTaxCode.length() == 16 ? CodiceFiscale.check(companyTaxCode) : PartitaIva.check(companyTaxCode);
            problem.ifPresent(x -> p.add(new Problem("companyTaxCode", "vacancy.error.companyTaxCode", companyTaxCode)));
        }
        length(p, "economicArea", economicArea, 200, false);
        if (atecoCode != null && !ATECO.matcher(atecoCode).matches()) {
            p.add(new Problem("atecoCode", "vacancy.error.atecoCode"));
        }
        length(p, "atecoVersion", atecoVersion, 10, false);
        length(p, "contractProposal", contractProposal, 300, false);
        if (contractMonths != null && (contractMonths < 1 || contractMonths > 120)) {
            p.add(new Problem("contractMonths", "vacancy.error.contractMonths"));
        } else if (contractMonths != null && contractType == ContractType.PERMANENT) {
            p.add(new Problem("contractMonths", "vacancy.error.permanentMonths"));
        }
        length(p, "skills", skills, 4000, false);
        if (source == null) {
            p.add(new Problem("source", "vacancy.error.source"));
        } else if (source == VacancySource.CPI && centreId == null) {
            p.add(new Problem("centreId", "vacancy.error.centre"));
        }
        length(p, "referentName", referentName, 200, false);
        if (referentEmail != null && (referentEmail.length() > 200 || !EMAIL.matcher(referentEmail).matches())) {
            p.add(new Problem("referentEmail", "vacancy.error.referentEmail"));
        }
        length(p, "notes", notes, 4000, false);
        length(p, "workplaceMunicipality", workplaceMunicipality, 100, false);
        if (workplaceProvince != null && !PROVINCE.matcher(workplaceProvince).matches()) {
            p.add(new Problem("workplaceProvince", "vacancy.error.province"));
        }
        if (weeklyHours != null && (weeklyHours.signum() <= 0 || weeklyHours.compareTo(BigDecimal.valueOf(60)) > 0)) {
            p.add(new Problem("weeklyHours", "vacancy.error.weeklyHours"));
        }
        if (salaryMin != null && (salaryMin.signum() < 0 || salaryMin.compareTo(new BigDecimal("99999999")) > 0)
                || salaryMax != null && (salaryMax.signum() < 0 || salaryMax.compareTo(new BigDecimal("99999999")) > 0)) {
            p.add(new Problem("salaryMin", "vacancy.error.salary"));
        } else if (salaryMin != null && salaryMax != null && salaryMin.compareTo(salaryMax) > 0) {
            p.add(new Problem("salaryMax", "vacancy.error.salaryOrder"));
        }
        if (closingOn != null && arrivedOn != null && closingOn.isBefore(arrivedOn)) {
            p.add(new Problem("closingOn", "vacancy.error.closingOn"));
        }
        return p;
    }

    private static void length(List<Problem> p, String field, String value, int max, boolean required) {
        if (required && value == null) {
            p.add(new Problem(field, "vacancy.error.required." + field));
        } else if (value != null && value.length() > max) {
            p.add(new Problem(field, "vacancy.error.tooLong", max));
        }
    }

    /** The same offer with another referent (name and address follow the user, when one is named). */
    public VacancyDetails withReferent(Long userId, String name, String email) {
        return new VacancyDetails(arrivedOn, profile, professionCode, professionClassification, positions, companyName,
                companyTaxCode, economicArea, atecoCode, atecoVersion, contractProposal, contractType, contractMonths,
                skills, centreId, source, userId, name, email, notes, workplaceMunicipality, workplaceProvince,
                weeklyHours, salaryMin, salaryMax, closingOn);
    }

    private static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = s.replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "").replaceAll("[\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]", "").strip();
        return t.isEmpty() ? null : t;
    }

    private static String upper(String s) {
        String t = clean(s);
        return t == null ? null : t.toUpperCase(Locale.ROOT);
    }
}
