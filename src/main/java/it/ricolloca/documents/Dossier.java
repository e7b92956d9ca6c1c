package it.ricolloca.documents;

import it.ricolloca.audit.AuditTrail;
import it.ricolloca.documents.internal.DocumentStorage;
import it.ricolloca.documents.internal.SignedEnvelopes;
import it.ricolloca.documents.internal.UploadInspector;
import it.ricolloca.shared.Detail;
import it.ricolloca.shared.db.PersonalText;
import it.ricolloca.shared.tabular.SpreadsheetText;
import it.ricolloca.shared.web.Dates;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dossier store: every document of a worker, generated here or uploaded, kept with its kind,
 * title, version, author, date, size and SHA-256; contents go to a {@link DocumentStorage}
 * (database or filesystem). Uploads are accepted only after {@link UploadInspector} has decided
 * their real type. Callers check who may read a document; this store only keeps it.
 */
@Service
@Transactional
public class Dossier {

    private static final String COLUMNS = "id, worker_id, kind, title, file_name, content_type, size_bytes, sha256, author,"
            + " created_at, version_no, storage_key, envelope_file_name, envelope_size_bytes, envelope_sha256, signers,"
            + " signer_tax_codes, signed_at, signature_intact";

    private final JdbcClient jdbc;
    private final UploadInspector inspector;
    private final DocumentStorage storage;
    private final AuditTrail audit;
    private final SignedEnvelopes envelopes;

    Dossier(JdbcClient jdbc, UploadInspector inspector, DocumentStorage storage, AuditTrail audit,
            SignedEnvelopes envelopes) {
        this.jdbc = jdbc;
        this.inspector = inspector;
        this.storage = storage;
        this.audit = audit;
        this.envelopes = envelopes;
    }

    /** Keeps a document this system produced (a letter, a pact). */
    public DossierDocument storeGenerated(long workerId, DocumentKind kind, String title, String fileName,
            String contentType, byte[] bytes, String author) {
        return insert(workerId, kind, title, fileName, contentType, bytes, author, null);
    }

    /**
     * Keeps an uploaded file once its content has been checked; refuses it with an Italian message otherwise. A
     * signed envelope (.p7m, CAdES) is opened: the document inside it passes the same checks as the same document
     * uploaded plainly and becomes the dossier's document, kept with the envelope, its signers and whether the
     * signature is intact (ADR 0033).
     */
    public DossierDocument storeUpload(long workerId, DocumentKind kind, String title, Upload upload, String author) {
        try (var held = inspector.admit(upload)) {
            Upload read = new Upload(upload.fileName(), upload.bytes());
            Optional<SignedEnvelopes.Opened> opened = envelopes.open(read);
            if (opened.isPresent()) {
                Upload content = new Upload(opened.get().contentFileName(), opened.get().content());
                String contentType = inspector.checkAdmitted(content);
                return insert(workerId, kind, title, safeName(content.fileName(), contentType), contentType,
                        content.bytes(), author, new Envelope(read.bytes(), safeName(content.fileName(), contentType)
                                + ".p7m", opened.get()));
            }
            String contentType = inspector.checkAdmitted(read);
            return insert(workerId, kind, title, safeName(read.fileName(), contentType), contentType, read.bytes(),
                    author, null);
        }
    }

    /** Checks an upload without keeping it, so a form can refuse it before anything is written. */
    public void inspect(Upload upload) {
        try (var held = inspector.admit(upload)) {
            Upload read = new Upload(upload.fileName(), upload.bytes());
            Optional<SignedEnvelopes.Opened> opened = envelopes.open(read);
            inspector.checkAdmitted(opened.map(o -> new Upload(o.contentFileName(), o.content())).orElse(read));
        }
    }

    /** The signed envelope a document was uploaded in, as it was uploaded (empty when it came plain). */
    @Transactional(readOnly = true)
    public Optional<DocumentContent> envelope(long id) {
        return jdbc.sql("select " + COLUMNS + ", envelope_storage_key from documents_document where id = ? and storage_key <> ?"
                + " and envelope_storage_key is not null").params(id, REMOVED)
                .query((rs, n) -> new DocumentContent(row(rs), storage.read(rs.getString("envelope_storage_key"))))
                .optional();
    }

    /** An envelope being kept: its bytes as uploaded, the name to give them, and what opening it found. */
    private record Envelope(byte[] bytes, String fileName, SignedEnvelopes.Opened opened) {
    }

    public int maxUploadBytes() {
        return inspector.maxBytes();
    }

    /**
     * Removes the contents of every document of the worker, for good, and what their titles and names said: a
     * retention period ended. The records stay (kind, dates, size) for the statistics and the audit trail.
     * Returns how many documents were removed.
     */
    @Transactional
    public int forgetWorker(long workerId) {
        List<String> keys = jdbc.sql("select storage_key from documents_document where worker_id = ? and storage_key <> ?")
                .params(workerId, REMOVED).query(String.class).list();
        keys.forEach(storage::delete);
        jdbc.sql("select envelope_storage_key from documents_document where worker_id = ? and envelope_storage_key <> ?")
                .params(workerId, REMOVED).query(String.class).list().forEach(storage::delete);
        int removed = jdbc.sql("""
                update documents_document set storage_key = ?, title = ?, file_name = 'rimosso', sha256 = '',
                    envelope_storage_key = case when envelope_storage_key is null then null else ? end,
                    envelope_file_name = case when envelope_file_name is null then null else 'rimosso' end,
                    envelope_sha256 = case when envelope_sha256 is null then null else '' end,
                    signers = case when signers is null then null else ? end, signer_tax_codes = null
                where worker_id = ? and storage_key <> ?""")
                .params(REMOVED, PersonalText.REMOVED, REMOVED, PersonalText.REMOVED, workerId, REMOVED).update();
        if (removed > 0) {
            audit.record("PERSONAL_DATA_PSEUDONYMISED", "Worker", workerId, Detail.of("audit.detail.pseudonymisedDocuments", removed).encoded());
        }
        return removed;
    }

    /** The storage key of a document whose content was removed at the end of its retention period. */
    static final String REMOVED = "rimosso";

    @Transactional(readOnly = true)
    public Optional<DocumentContent> content(long id) {
        return jdbc.sql("select " + COLUMNS + " from documents_document where id = ? and storage_key <> ?")
                .params(id, REMOVED)
                .query((rs, n) -> new DocumentContent(row(rs), storage.read(rs.getString("storage_key")))).optional();
    }

    @Transactional(readOnly = true)
    public List<DossierDocument> find(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from documents_document where id in (:ids) order by created_at, id")
                .param("ids", ids).query((rs, n) -> row(rs)).list();
    }

    /** The worker's whole dossier, newest first. */
    @Transactional(readOnly = true)
    public List<DossierDocument> ofWorker(long workerId) {
        return jdbc.sql("select " + COLUMNS + " from documents_document where worker_id = ? order by created_at desc, id desc")
                .param(workerId).query((rs, n) -> row(rs)).list();
    }

    /**
     * Writes the worker's dossier as a ZIP: every document under a numbered name, and
     * {@code indice.csv} listing number, title, kind, version, date, author, size and SHA-256.
     */
    @Transactional(readOnly = true)
    public void zip(long workerId, Function<DocumentKind, String> kindLabel, OutputStream out) {
        List<DossierDocument> documents = new ArrayList<>(ofWorker(workerId));
        Collections.reverse(documents);
        StringBuilder index = new StringBuilder("\uFEFFn.;titolo;tipo;versione;data;autore;file;byte;sha256\r\n");
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            int n = 0;
            for (DossierDocument d : documents) {
                Optional<DocumentContent> content = content(d.id());
                if (content.isEmpty()) {
                    continue;
                }
                n++;
                String name = String.format("%03d-%s", n, d.fileName());
                zip.putNextEntry(new ZipEntry(name));
                zip.write(content.get().bytes());
                zip.closeEntry();
                if (d.signed()) {
                    Optional<DocumentContent> envelope = envelope(d.id());
                    if (envelope.isPresent()) {
                        zip.putNextEntry(new ZipEntry(String.format("%03d-%s", n, d.envelope().fileName())));
                        zip.write(envelope.get().bytes());
                        zip.closeEntry();
                    }
                }
                index.append(n).append(';').append(csv(d.title())).append(';').append(csv(kindLabel.apply(d.kind())))
                        .append(';').append(d.versionNo()).append(';').append(Dates.format(d.createdAt())).append(';')
                        .append(csv(d.author())).append(';').append(csv(name)).append(';').append(d.sizeBytes())
                        .append(';').append(d.sha256()).append("\r\n");
            }
            zip.putNextEntry(new ZipEntry("indice.csv"));
            zip.write(index.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String csv(String s) {
        return SpreadsheetText.csvField(s == null ? "" : s);
    }

    private DossierDocument insert(long workerId, DocumentKind kind, String title, String fileName, String contentType,
            byte[] bytes, String author, Envelope envelope) {
        Instant now = Instant.now();
        String sha = sha256(bytes);
        String cleanTitle = limit(title, 300);
        String key = storage.write(bytes);
        int versionNo = jdbc.sql("""
                select coalesce(max(version_no), 0) + 1 from documents_document where worker_id = ? and kind = ? and title = ?""")
                .params(workerId, kind.name(), cleanTitle).query(Integer.class).single();
        long id = jdbc.sql("""
                insert into documents_document (worker_id, kind, title, file_name, content_type, size_bytes, sha256,
                    storage_key, author, created_at, version_no) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(workerId, kind.name(), cleanTitle, fileName, contentType, bytes.length, sha, key, author,
                        Timestamp.from(now), versionNo)
                .query(Long.class).single();
        audit.recordAs(author, "DOCUMENT_STORED", "Document", id, Detail.of("audit.detail.document",
                Detail.label(kind.labelKey()), versionNo, bytes.length, sha, workerId).encoded());
        SignedEnvelope signed = envelope == null ? null : keepEnvelope(id, envelope, author);
        return new DossierDocument(id, workerId, kind, cleanTitle, fileName, contentType, bytes.length, sha, author, now,
                versionNo, signed);
    }

    private SignedEnvelope keepEnvelope(long id, Envelope envelope, String author) {
        List<SignedEnvelopes.Signer> signers = envelope.opened().signers();
        String names = limit(String.join("; ", signers.stream().map(SignedEnvelopes.Signer::name).toList()), 1000);
        List<String> codes = signers.stream().map(SignedEnvelopes.Signer::taxCode).filter(c -> c != null).toList();
        String taxCodes = codes.isEmpty() ? null : limit(String.join("; ", codes), 400);
        Instant signedAt = signers.stream().map(SignedEnvelopes.Signer::signedAt).filter(t -> t != null)
                .max(Instant::compareTo).orElse(null);
        boolean intact = envelope.opened().intact();
        String sha = sha256(envelope.bytes());
        String key = storage.write(envelope.bytes());
        jdbc.sql("""
                update documents_document set envelope_storage_key = ?, envelope_file_name = ?, envelope_size_bytes = ?,
                    envelope_sha256 = ?, signers = ?, signer_tax_codes = ?, signed_at = ?, signature_intact = ?
                where id = ?""").params(key, envelope.fileName(), envelope.bytes().length, sha, names, taxCodes,
                signedAt == null ? null : Timestamp.from(signedAt), intact, id).update();
        audit.recordAs(author, "DOCUMENT_SIGNATURE_CHECKED", "Document", id, Detail.of("audit.detail.signature",
                envelope.bytes().length, sha, Detail.label(intact ? "document.signature.intact" : "document.signature.broken"),
                signers.size()).encoded());
        return new SignedEnvelope(envelope.fileName(), envelope.bytes().length, sha, names, taxCodes, signedAt, intact);
    }

    /** A file name safe to store and send back: no path, no control characters, the extension of the real type. */
    static String safeName(String original, String contentType) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        name = name.replaceAll("[^\\p{L}\\p{N} ._()-]", "_").strip();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        if (base.isBlank() || base.chars().allMatch(c -> c == '.' || c == '_')) {
            base = "documento";
        }
        String extension = switch (contentType) {
            case "application/pdf" -> ".pdf";
            case "image/png" -> ".png";
            default -> ".jpg";
        };
        return limit(base, 200) + extension;
    }

    private static String limit(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DossierDocument row(ResultSet rs) throws SQLException {
        Boolean intact = (Boolean) rs.getObject("signature_intact");
        Timestamp signedAt = rs.getTimestamp("signed_at");
        SignedEnvelope envelope = intact == null ? null : new SignedEnvelope(rs.getString("envelope_file_name"),
                rs.getInt("envelope_size_bytes"), rs.getString("envelope_sha256"), rs.getString("signers"),
                rs.getString("signer_tax_codes"), signedAt == null ? null : signedAt.toInstant(), intact);
        return new DossierDocument(rs.getLong("id"), rs.getLong("worker_id"), DocumentKind.valueOf(rs.getString("kind")),
                rs.getString("title"), rs.getString("file_name"), rs.getString("content_type"), rs.getInt("size_bytes"),
                rs.getString("sha256"), rs.getString("author"), rs.getTimestamp("created_at").toInstant(),
                rs.getInt("version_no"), envelope);
    }
}
