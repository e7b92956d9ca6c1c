package it.ricolloca.shared.db;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The SQL that removes what people wrote about a person once its retention period ended: each named column
 * keeps being empty where it was empty and becomes {@value #REMOVED} where it held text, so that a record
 * still says that something was written, and never what.
 */
public final class PersonalText {

    public static final String REMOVED = "[rimosso]";

    private PersonalText() {
    }

    /** {@code a = case when a is null then null else '[rimosso]' end, b = …}, for an {@code update … set}. */
    public static String cleared(String... columns) {
        return Arrays.stream(columns).peek(PersonalText::check)
                .map(c -> c + " = case when " + c + " is null then null else '" + REMOVED + "' end")
                .collect(Collectors.joining(", "));
    }

    private static void check(String column) {
        if (!column.matches("[a-z_]{1,60}")) {
            throw new IllegalArgumentException("column name");
        }
    }
}
