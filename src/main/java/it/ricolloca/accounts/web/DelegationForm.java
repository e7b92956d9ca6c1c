package it.ricolloca.accounts.web;

import it.ricolloca.accounts.DelegatedFunction;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** The grant form: which operator, which function, from when and (optionally) until when. */
public record DelegationForm(
        @NotNull Long delegateId,
        @NotNull DelegatedFunction function,
        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate) {
}
