package it.ricolloca.documents;

import java.time.Instant;

/**
 * A document of the dossier, without its content; documents of the same kind and title are numbered versions.
 * {@code envelope} is the signed envelope (.p7m) the content was uploaded in, or null.
 */
public record DossierDocument(long id, long workerId, DocumentKind kind, String title, String fileName,
        String contentType, int sizeBytes, String sha256, String author, Instant createdAt, int versionNo,
        SignedEnvelope envelope) {

    public boolean signed() {
        return envelope != null;
    }
}
