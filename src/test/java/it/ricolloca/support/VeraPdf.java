package it.ricolloca.support;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * The veraPDF validator (the greenfield model, the reference implementation of the PDF Association) run on a
 * PDF held in memory: the rules of a profile the file breaks, each with its clause, its test number, its
 * description and how many times it failed; none for a compliant file.
 */
public final class VeraPdf {

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private VeraPdf() {
    }

    /** The failed rules of the profile, one line each (clause-test: description (n times): first error), empty when compliant. */
    public static List<String> failedRules(byte[] pdf, PDFAFlavour flavour) {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), flavour);
                PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false)) {
            ValidationResult result = validator.validate(parser);
            Map<String, String> failed = new TreeMap<>();
            Map<String, Integer> times = new TreeMap<>();
            for (TestAssertion a : result.getTestAssertions()) {
                if (a.getStatus() != TestAssertion.Status.FAILED) {
                    continue;
                }
                String rule = a.getRuleId().getSpecification() + " " + a.getRuleId().getClause() + "-"
                        + a.getRuleId().getTestNumber();
                failed.putIfAbsent(rule, a.getMessage() + " [" + a.getErrorMessage() + " @ " + a.getLocationContext() + "]");
                times.merge(rule, 1, Integer::sum);
            }
            List<String> lines = new ArrayList<>();
            failed.forEach((rule, text) -> lines.add(rule + " (" + times.get(rule) + "x): " + text));
            if (lines.isEmpty() && !result.isCompliant()) {
                lines.add(flavour + ": not compliant, " + result.getJobEndStatus());
            }
            return lines;
        } catch (Exception e) {
            throw new IllegalStateException("veraPDF could not read the file", e);
        }
    }
}
