package it.ricolloca.requests;

import java.time.LocalDate;

/** A new request was filed here (intermediated or online): the competent CPI must be told. */
public record VoucherRequestFiled(long requestId, long competentCentreId, String taxCode, String workerName,
        LocalDate requestDate, RequestChannel channel, LocalDate decisionDeadline) {
}
