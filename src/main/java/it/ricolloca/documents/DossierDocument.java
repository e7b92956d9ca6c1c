package it.ricolloca.documents;

import java.time.Instant;

/** A document of the dossier, without its content; documents of the same kind and title are numbered versions. */
public record DossierDocument(long id, long workerId, DocumentKind kind, String title, String fileName,
        String contentType, int sizeBytes, String sha256, String author, Instant createdAt, int versionNo) {
}
