package it.ricolloca.reporting.internal;

import it.ricolloca.audit.AuditTrail;
import it.ricolloca.documents.DocumentContent;
import it.ricolloca.documents.Dossier;
import it.ricolloca.documents.DossierDocument;
import it.ricolloca.shared.CodiceFiscale;
import it.ricolloca.shared.NotFoundException;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.Messages;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything Ricolloca holds about one person, for their right of access (GDPR art. 15): a ZIP with one
 * JSON file per part of their case (the register record and its histories and invitations; requests with
 * their checks, observations, events and list entries; appointments; pathways with pact, timesheet,
 * suspensions, meetings, diary and tutors; breaches; referrals; claims; the e-mails sent to their address;
 * the audit entries about their records), their documents, and a note that says what it is. Reads across
 * the modules' tables, like every report. The regional administrator asks by codice fiscale; the export
 * itself is audited.
 */
@Service
@Transactional(readOnly = true)
public class PersonalDataExport {

    private final JdbcClient jdbc;
    private final Dossier dossier;
    private final AuditTrail audit;
    private final JsonMapper json;
    private final Messages messages;

    PersonalDataExport(JdbcClient jdbc, Dossier dossier, AuditTrail audit, JsonMapper json, Messages messages) {
        this.messages = messages;
        this.jdbc = jdbc;
        this.dossier = dossier;
        this.audit = audit;
        this.json = json;
    }

    /** The register's id of the worker with this codice fiscale; 404 when the register does not hold it. */
    public long workerOf(String taxCode) {
        String cf = CodiceFiscale.normalise(taxCode);
        return jdbc.sql("select id from workers_worker where tax_code = ?").param(cf).query(Long.class).optional()
                .orElseThrow(NotFoundException::new);
    }

    /** Writes the ZIP of everything held about the worker; records the export in the audit trail. */
    @Transactional
    public void export(long workerId, String requestedBy, OutputStream out) {
        audit.record("PERSONAL_DATA_EXPORTED", "Worker", workerId, "");
        String requests = "(select id from requests_voucher_request where worker_id = :w)";
        String pathways = "(select id from pathway_pathway where worker_id = :w)";
        Map<String, List<Map<String, Object>>> parts = new LinkedHashMap<>();
        parts.put("lavoratore", rows("select * from workers_worker where id = :w", workerId));
        parts.put("esperienze-di-lavoro", rows("select * from workers_work_history where worker_id = :w", workerId));
        parts.put("istruzione", rows("select * from workers_education where worker_id = :w", workerId));
        parts.put("inviti", rows("select * from workers_invitation where worker_id = :w", workerId));
        parts.put("richieste", rows("select * from requests_voucher_request where worker_id = :w order by id", workerId));
        parts.put("verifiche", rows("select * from requests_check where request_id in " + requests, workerId));
        parts.put("osservazioni", rows("select * from requests_observation where request_id in " + requests, workerId));
        parts.put("storia-delle-richieste", rows("select * from requests_event where request_id in " + requests
                + " order by occurred_at", workerId));
        parts.put("elenchi-ministeriali", rows("select e.*, i.snapshot_date from requests_snapshot_entry e join"
                + " requests_import i on i.id = e.import_id where e.request_id in " + requests, workerId));
        parts.put("appuntamenti", rows("select * from agenda_appointment where worker_id = :w order by starts_at", workerId));
        parts.put("percorsi", rows("select * from pathway_pathway where worker_id = :w", workerId));
        parts.put("patti", rows("select * from pathway_pact where pathway_id in " + pathways, workerId));
        parts.put("azioni-dei-patti", rows("select a.* from pathway_pact_action a join pathway_pact p on p.id = a.pact_id"
                + " where p.pathway_id in " + pathways, workerId));
        parts.put("timesheet", rows("select * from pathway_timesheet_entry where pathway_id in " + pathways, workerId));
        parts.put("sospensioni", rows("select * from pathway_suspension where pathway_id in " + pathways, workerId));
        parts.put("incontri", rows("select * from pathway_meeting where pathway_id in " + pathways, workerId));
        parts.put("diario-di-attivazione", rows("select * from pathway_diary_entry where pathway_id in " + pathways,
                workerId));
        parts.put("tutor", rows("select * from pathway_tutor_assignment where pathway_id in " + pathways, workerId));
        parts.put("inadempienze", rows("select * from conditionality_breach where worker_id = :w", workerId));
        parts.put("verifiche-offerta-congrua", rows("select * from conditionality_suitability_finding where breach_id in"
                + " (select id from conditionality_breach where worker_id = :w) order by id", workerId));
        parts.put("candidature", rows("select * from vacancies_referral where worker_id = :w", workerId));
        parts.put("storia-delle-candidature", rows("select * from vacancies_referral_event where referral_id in"
                + " (select id from vacancies_referral where worker_id = :w)", workerId));
        parts.put("rimborsi", rows("select * from claims_claim where worker_id = :w", workerId));
        parts.put("messaggi-inviati", rows("select m.* from notifications_mail m join workers_worker w"
                + " on lower(w.email) = lower(m.recipient) where w.id = :w", workerId));
        List<DossierDocument> documents = dossier.ofWorker(workerId);
        parts.put("registro-delle-operazioni", auditEntries(workerId, parts, documents));
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            entry(zip, "LEGGIMI.txt", readme(requestedBy).getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, List<Map<String, Object>>> part : parts.entrySet()) {
                entry(zip, part.getKey() + ".json", json.writerWithDefaultPrettyPrinter().writeValueAsBytes(part.getValue()));
            }
            List<Map<String, Object>> index = new ArrayList<>();
            int n = 0;
            for (DossierDocument d : documents) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", d.id());
                row.put("tipo", d.kind().name());
                row.put("titolo", d.title());
                row.put("creato", d.createdAt().toString());
                row.put("autore", d.author());
                Optional<DocumentContent> content = dossier.content(d.id());
                if (content.isPresent()) {
                    String name = String.format("documenti/%03d-%s", ++n, d.fileName());
                    entry(zip, name, content.get().bytes());
                    row.put("file", name);
                } else {
                    row.put("file", messages.t("privacy.export.removed"));
                }
                index.add(row);
            }
            entry(zip, "documenti.json", json.writerWithDefaultPrettyPrinter().writeValueAsBytes(index));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The audit entries about the worker's records: the register record, requests, pathways, appointments, … */
    private List<Map<String, Object>> auditEntries(long workerId, Map<String, List<Map<String, Object>>> parts,
            List<DossierDocument> documents) {
        List<String> keys = new ArrayList<>();
        keys.add("Worker:" + workerId);
        ids(parts.get("richieste")).forEach(id -> keys.add("VoucherRequest:" + id));
        ids(parts.get("percorsi")).forEach(id -> keys.add("Pathway:" + id));
        ids(parts.get("appuntamenti")).forEach(id -> keys.add("Appointment:" + id));
        ids(parts.get("inadempienze")).forEach(id -> keys.add("Breach:" + id));
        ids(parts.get("candidature")).forEach(id -> keys.add("Referral:" + id));
        ids(parts.get("rimborsi")).forEach(id -> keys.add("Claim:" + id));
        documents.forEach(d -> keys.add("Document:" + d.id()));
        return jdbc.sql("""
                select id, occurred_at, actor, action, record_type, record_id, details from audit_entry
                where record_type || ':' || record_id in (:keys) order by id""")
                .param("keys", keys).query().listOfRows().stream().map(this::plain).toList();
    }

    private static List<Object> ids(List<Map<String, Object>> rows) {
        return rows.stream().map(r -> r.get("id")).toList();
    }

    private List<Map<String, Object>> rows(String sql, long workerId) {
        return jdbc.sql(sql).param("w", workerId).query().listOfRows().stream().map(this::plain).toList();
    }

    /** A row with values JSON writes as they read: dates and instants in ISO form, amounts as written. */
    private Map<String, Object> plain(Map<String, Object> row) {
        Map<String, Object> out = new LinkedHashMap<>();
        row.forEach((k, v) -> out.put(k, v instanceof Date d ? d.toLocalDate().toString()
                : v instanceof Timestamp t ? t.toInstant().toString()
                : v instanceof BigDecimal b ? b.toPlainString()
                : v instanceof byte[] ? messages.t("privacy.export.binary")
                : v instanceof String text ? messages.detail(text)
                : v == null || v instanceof Number || v instanceof Boolean ? v : v.toString()));
        return out;
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    private String readme(String requestedBy) {
        return messages.t("privacy.export.readme", Dates.format(Instant.now()), requestedBy);
    }
}
