package it.ricolloca.vacancies.web;

import it.ricolloca.pathway.ContractType;
import it.ricolloca.shared.web.FormErrors;
import it.ricolloca.shared.web.FormValues;
import it.ricolloca.shared.web.Messages;
import it.ricolloca.vacancies.Vacancy;
import it.ricolloca.vacancies.VacancyDetails;
import it.ricolloca.vacancies.VacancyDetails.Problem;
import it.ricolloca.vacancies.VacancySource;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The vacancy form as typed: every value kept as text (so a refused form comes back as it was),
 * turned into {@link VacancyDetails} with the problems of the values that do not even parse.
 */
public final class VacancyForm {

    public static final List<String> FIELDS = List.of("arrivedOn", "profile", "professionCode",
            "professionClassification", "positions", "companyName", "companyTaxCode", "economicArea", "atecoCode",
            "atecoVersion", "contractProposal", "contractType", "contractMonths", "skills", "centreId", "source",
            "referentUserId", "notes", "workplaceMunicipality", "workplaceProvince", "weeklyHours", "salaryMin",
            "salaryMax", "closingOn");

    private final Map<String, String> values;
    private final List<Problem> parseProblems = new ArrayList<>();

    private VacancyForm(Map<String, String> values) {
        this.values = values;
    }

    /** The form as posted: only known fields, each cut at 5,000 characters. */
    public static VacancyForm of(Map<String, String> posted) {
        Map<String, String> v = new LinkedHashMap<>();
        for (String f : FIELDS) {
            String s = posted.getOrDefault(f, "");
            v.put(f, s.length() > 5000 ? s.substring(0, 5000) : s);
        }
        return new VacancyForm(v);
    }

    /** A form filled with an offer's details. */
    public static VacancyForm of(VacancyDetails d) {
        Map<String, String> v = new HashMap<>();
        v.put("arrivedOn", d.arrivedOn() == null ? "" : d.arrivedOn().toString());
        v.put("profile", s(d.profile()));
        v.put("professionCode", s(d.professionCode()));
        v.put("professionClassification", s(d.professionClassification()));
        v.put("positions", d.positions() == null ? "" : d.positions().toString());
        v.put("companyName", s(d.companyName()));
        v.put("companyTaxCode", s(d.companyTaxCode()));
        v.put("economicArea", s(d.economicArea()));
        v.put("atecoCode", s(d.atecoCode()));
        v.put("atecoVersion", s(d.atecoVersion()));
        v.put("contractProposal", s(d.contractProposal()));
        v.put("contractType", d.contractType() == null ? "" : d.contractType().name());
        v.put("contractMonths", d.contractMonths() == null ? "" : d.contractMonths().toString());
        v.put("skills", s(d.skills()));
        v.put("centreId", d.centreId() == null ? "" : d.centreId().toString());
        v.put("source", d.source() == null ? "" : d.source().name());
        v.put("referentUserId", d.referentUserId() == null ? "" : d.referentUserId().toString());
        v.put("notes", s(d.notes()));
        v.put("workplaceMunicipality", s(d.workplaceMunicipality()));
        v.put("workplaceProvince", s(d.workplaceProvince()));
        v.put("weeklyHours", d.weeklyHours() == null ? "" : d.weeklyHours().toPlainString());
        v.put("salaryMin", d.salaryMin() == null ? "" : d.salaryMin().toPlainString());
        v.put("salaryMax", d.salaryMax() == null ? "" : d.salaryMax().toPlainString());
        v.put("closingOn", d.closingOn() == null ? "" : d.closingOn().toString());
        return new VacancyForm(v);
    }

    public static VacancyForm of(Vacancy v) {
        return of(v.details());
    }

    public String get(String field) {
        return values.getOrDefault(field, "");
    }

    /** The details the form states; {@link #parseProblems()} lists the values that did not parse (left empty). */
    public VacancyDetails details() {
        parseProblems.clear();
        return new VacancyDetails(date("arrivedOn"), get("profile"), get("professionCode"),
                get("professionClassification"), integer("positions"), get("companyName"), get("companyTaxCode"),
                get("economicArea"), get("atecoCode"), get("atecoVersion"), get("contractProposal"),
                option(ContractType.class, "contractType"), integer("contractMonths"), get("skills"),
                longValue("centreId"), option(VacancySource.class, "source"), longValue("referentUserId"), null, null,
                get("notes"), get("workplaceMunicipality"), get("workplaceProvince"), number("weeklyHours"),
                number("salaryMin"), number("salaryMax"), date("closingOn"));
    }

    public List<Problem> parseProblems() {
        return parseProblems;
    }

    /** The problems as the templates show them, the first one per field. */
    public static FormErrors errors(List<Problem> problems, Messages messages) {
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> global = new ArrayList<>();
        for (Problem p : problems) {
            String text = messages.t(p.key(), p.args());
            if (FIELDS.contains(p.field())) {
                fields.putIfAbsent(p.field(), text);
            } else {
                global.add(text);
            }
        }
        return new FormErrors(fields, global);
    }

    private LocalDate date(String field) {
        String s = get(field).strip();
        if (s.isEmpty()) {
            return null;
        }
        return FormValues.date(s).orElseGet(() -> {
            parseProblems.add(new Problem(field, "vacancy.error.date"));
            return null;
        });
    }

    private BigDecimal number(String field) {
        String s = get(field).strip().replace(',', '.');
        if (s.isEmpty()) {
            return null;
        }
        try {
            BigDecimal n = new BigDecimal(s);
            if (n.abs().compareTo(new BigDecimal("1000000000")) > 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            parseProblems.add(new Problem(field, "vacancy.error.number"));
            return null;
        }
    }

    private Integer integer(String field) {
        String s = get(field).strip();
        if (s.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(s);
        } catch (NumberFormatException e) {
            parseProblems.add(new Problem(field, "vacancy.error.number"));
            return null;
        }
    }

    private Long longValue(String field) {
        String s = get(field).strip();
        if (s.isEmpty()) {
            return null;
        }
        try {
            return Long.valueOf(s);
        } catch (NumberFormatException e) {
            parseProblems.add(new Problem(field, "vacancy.error.choice"));
            return null;
        }
    }

    private <E extends Enum<E>> E option(Class<E> type, String field) {
        String s = get(field).strip();
        if (s.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, s);
        } catch (IllegalArgumentException e) {
            parseProblems.add(new Problem(field, "vacancy.error.choice"));
            return null;
        }
    }

    private static String s(String v) {
        return v == null ? "" : v;
    }
}
