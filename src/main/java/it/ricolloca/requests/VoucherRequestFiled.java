package it.ricolloca.requests;

import java.time.LocalDate;

/**
 * A new request was filed here (intermediated or online): the competent CPI must be told. It carries ids and
 * dates, not the worker's identity: it is kept until delivered, and the message it leads to names no one.
 */
public record VoucherRequestFiled(long requestId, long competentCentreId, LocalDate requestDate, RequestChannel channel,
        LocalDate decisionDeadline) {
}
