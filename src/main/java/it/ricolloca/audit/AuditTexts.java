package it.ricolloca.audit;

import it.ricolloca.shared.web.PageContext;

/** An audit entry as a person reads it: the operation, the kind of record and the details in Italian, never their codes. */
public final class AuditTexts {

    private AuditTexts() {
    }

    public static String action(PageContext ctx, String action) {
        return ctx.tOr("audit.action." + action, ctx.t("audit.action.unknown", action));
    }

    public static String record(PageContext ctx, String recordType, String recordId) {
        if (recordType == null || recordType.isBlank()) {
            return "";
        }
        String kind = ctx.tOr("audit.record." + recordType, ctx.t("audit.record.unknown", recordType));
        return recordId == null || recordId.isBlank() ? kind : ctx.t("audit.record.withId", kind, recordId);
    }

    public static String details(PageContext ctx, String details) {
        return ctx.detail(details);
    }
}
