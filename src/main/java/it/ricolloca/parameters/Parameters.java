package it.ricolloca.parameters;

import it.ricolloca.audit.AuditTrail;
import it.ricolloca.shared.Detail;
import it.ricolloca.shared.DomainException;
import it.ricolloca.shared.web.Dates;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The configurable rules, each a sequence of values over periods. A decision asks for the value
 * valid on its own date; the regional administrator records a new value from a date on, which
 * closes the period before it. Every change is audited.
 */
@Service
@Transactional(readOnly = true)
public class Parameters implements ParameterValues {

    /** One value of a parameter over a period ({@code validTo} null: still valid). */
    public record Period(long id, Parameter parameter, String value, LocalDate validFrom, LocalDate validTo,
            String legalSource, String changedBy, Instant changedAt) {

        /** The bundle key that shows the value, and the argument it takes. */
        public String displayKey() {
            return parameter.kind() == Parameter.Kind.BOOLEAN ? "parameter.shown.BOOLEAN." + value
                    : "parameter.shown." + parameter.kind().name();
        }

        public Object displayArg() {
            return switch (parameter.kind()) {
                case AMOUNT -> new BigDecimal(value);
                case INTEGER -> Integer.valueOf(value);
                case BOOLEAN -> value;
            };
        }
    }

    /** A refused change, with the form field it concerns. */
    public static class ChangeRejectedException extends DomainException {
        private final String field;

        ChangeRejectedException(String field, String key, Object... args) {
            super(key, args);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** No value covers the date asked for. */
    public static class NoValueException extends DomainException {
        NoValueException(Parameter p, LocalDate date) {
            super("parameter.noValue", p.name(), Dates.format(date));
        }
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    Parameters(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Override
    public String valueOn(Parameter p, LocalDate date) {
        return jdbc.sql("""
                select value from parameters_value where parameter = ? and valid_from <= ?
                  and (valid_to is null or valid_to >= ?) order by valid_from desc limit 1""")
                .params(p.name(), date, date).query(String.class).optional()
                .orElseThrow(() -> new NoValueException(p, date));
    }

    /**
     * An integer parameter on any date, its history read once: for a list whose rows each need the value in
     * force on their own date (one query for the page, never one per row or per date).
     */
    public Function<LocalDate, Integer> integersOn(Parameter p) {
        ParameterHistory periods = new ParameterHistory(history(p));
        return date -> periods.integer(p, date);
    }

    public List<Period> history(Parameter p) {
        return jdbc.sql(SELECT + " where parameter = ? order by valid_from desc").param(p.name()).query(Parameters::period)
                .list();
    }

    /** The value of every parameter valid on a date, in the enum's order. */
    public List<Period> allOn(LocalDate date) {
        return Arrays.stream(Parameter.values()).map(p -> jdbc.sql(SELECT
                + " where parameter = ? and valid_from <= ? and (valid_to is null or valid_to >= ?)"
                + " order by valid_from desc limit 1").params(p.name(), date, date).query(Parameters::period).optional()
                .orElse(null)).filter(Objects::nonNull).toList();
    }

    /**
     * Records a new value valid from a date on. {@code latestId} is the newest period the form was
     * shown with: if another change came in between, the form is stale and nothing changes.
     */
    @Transactional
    public Period change(String actor, Parameter p, String value, LocalDate from, String legalSource, long latestId) {
        String canonical = p.canonical(value).orElseThrow(() -> new ChangeRejectedException("value",
                "parameter.value.invalid." + p.kind().name()));
        if (from == null) {
            throw new ChangeRejectedException("validFrom", "NotNull");
        }
        if (legalSource == null || legalSource.isBlank() || legalSource.strip().length() > 300) {
            throw new ChangeRejectedException("legalSource", "parameter.source.required");
        }
        Period latest = jdbc.sql(SELECT + " where parameter = ? order by valid_from desc limit 1 for update")
                .param(p.name()).query(Parameters::period).optional().orElse(null);
        if (latest != null && latest.id() != latestId) {
            throw new ChangeRejectedException(null, "form.stale");
        }
        if (latest != null && !from.isAfter(latest.validFrom())) {
            throw new ChangeRejectedException("validFrom", "parameter.from.notAfter", Dates.format(latest.validFrom()));
        }
        if (latest != null) {
            jdbc.sql("update parameters_value set valid_to = ? where id = ?").params(from.minusDays(1), latest.id())
                    .update();
        }
        long id = jdbc.sql("""
                insert into parameters_value (parameter, value, valid_from, legal_source, changed_by, changed_at)
                values (?, ?, ?, ?, ?, ?) returning id""")
                .params(p.name(), canonical, from, legalSource.strip(), actor, Timestamp.from(Instant.now()))
                .query(Long.class).single();
        audit.record("PARAMETER_CHANGED", "Parameter", p.name(), (latest == null
                ? Detail.of("audit.detail.parameterSet", canonical, from, legalSource.strip())
                : Detail.of("audit.detail.parameterChanged", latest.value(), canonical, from, legalSource.strip())).encoded());
        return history(p).stream().filter(x -> x.id() == id).findFirst().orElseThrow();
    }

    private static final String SELECT = """
            select id, parameter, value, valid_from, valid_to, legal_source, changed_by, changed_at from parameters_value""";

    private static Period period(ResultSet rs, int n) throws SQLException {
        return new Period(rs.getLong(1), Parameter.valueOf(rs.getString(2)), rs.getString(3), rs.getDate(4).toLocalDate(),
                rs.getDate(5) == null ? null : rs.getDate(5).toLocalDate(), rs.getString(6), rs.getString(7),
                rs.getTimestamp(8).toInstant());
    }
}
