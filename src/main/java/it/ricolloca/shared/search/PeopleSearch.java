package it.ricolloca.shared.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one search of people in the register (ADR 0039), for every list that finds workers by what an
 * operator types: each word of the text must occur somewhere in the worker's surname, name or codice
 * fiscale, accents and case ignored ({@code nicolo} finds Nicolò, {@code RSSMRA8} and {@code smra80}
 * find RSSMRA80A01H501U, {@code rossi mario} and {@code mario rossi} the same person). The words are
 * matched against the stored column {@code search_text} (folded by {@code workers_fold} when the row
 * is written) through its trigram index; the text is folded the same way by the database.
 */
public final class PeopleSearch {

    /** Longest text read, and most words: what an operator types, not a document. */
    static final int MAX_LENGTH = 100;
    static final int MAX_WORDS = 8;

    private final String sql;
    private final Map<String, Object> params;

    private PeopleSearch(String sql, Map<String, Object> params) {
        this.sql = sql;
        this.params = params;
    }

    /**
     * The condition on the workers' table under {@code alias} for the text; a blank text names
     * everybody (the condition {@code true}), so a caller that wants nobody for it checks {@link #blank}.
     */
    public static PeopleSearch of(String alias, String text) {
        return of(alias, text, false);
    }

    /**
     * As {@link #of(String, String)}, with each pattern written where the planner folds it while planning the
     * statement for its values ({@code plan_cache_mode = force_custom_plan}, ADR 0045): the planner then estimates
     * how many rows the pattern names from the column's statistics, instead of a fixed guess for a sub-select's
     * value. For a list that joins its own rows to the matches (ADR 0047), where that estimate chooses between
     * reading a few rows by key and hashing all of them.
     */
    public static PeopleSearch planned(String alias, String text) {
        return of(alias, text, true);
    }

    private static PeopleSearch of(String alias, String text, boolean planned) {
        if (!alias.matches("[a-z]{1,10}")) {
            throw new IllegalArgumentException("alias");
        }
        List<String> words = words(text);
        if (words.isEmpty()) {
            return new PeopleSearch("true", Map.of());
        }
        List<String> parts = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < words.size(); i++) {
            // The pattern folded once per statement (a sub-select), never once per row rechecked.
            parts.add(planned ? alias + ".search_text like '%' || workers_fold(:people" + i + ") || '%'"
                    : alias + ".search_text like (select '%' || workers_fold(:people" + i + ") || '%')");
            params.put("people" + i, escaped(words.get(i)));
        }
        return new PeopleSearch("(" + String.join(" and ", parts) + ")", Map.copyOf(params));
    }

    /** The words of a search, at most {@value #MAX_WORDS}, from its first {@value #MAX_LENGTH} characters. */
    static List<String> words(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String s = text.strip();
        if (s.length() > MAX_LENGTH) {
            s = s.substring(0, MAX_LENGTH);
        }
        List<String> words = new ArrayList<>();
        for (String w : s.split("\\s+")) {
            if (!w.isEmpty() && !words.contains(w) && words.size() < MAX_WORDS) {
                words.add(w);
            }
        }
        return words;
    }

    /** The word as a literal inside a LIKE pattern (backslash is PostgreSQL's default escape). */
    private static String escaped(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Whether the text named nobody in particular (blank): the condition is then {@code true}. */
    public boolean blank() {
        return params.isEmpty();
    }

    /** The SQL condition, with named parameters {@code :people0}, {@code :people1}, … */
    public String sql() {
        return sql;
    }

    /** The parameters of {@link #sql()}, by name. */
    public Map<String, Object> params() {
        return params;
    }

    /** Binds the parameters to a statement whose SQL includes {@link #sql()}. */
    public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
        JdbcClient.StatementSpec s = spec;
        for (Map.Entry<String, Object> p : params.entrySet()) {
            s = s.param(p.getKey(), p.getValue());
        }
        return s;
    }
}
