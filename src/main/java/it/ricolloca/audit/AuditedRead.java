package it.ricolloca.audit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a page or download that shows a person's data: each successful answer records who read what in the
 * audit trail ({@code action}, the record type and the id taken from the path variable {@code idVariable};
 * a list has no id). The query a user typed is never recorded: it may itself be a name or a codice fiscale.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AuditedRead {

    /** The audit action, e.g. {@code PATHWAY_VIEWED}. */
    String value();

    /** The type of the record read, e.g. {@code Pathway}. */
    String record();

    /** The path variable that holds the record's id; empty for a list or a record without one. */
    String idVariable() default "id";
}
