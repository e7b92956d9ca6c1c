package it.ricolloca.documents;

import java.time.Instant;

/**
 * The CAdES envelope (.p7m) a document was uploaded in, kept beside the content extracted from it: its name,
 * size and SHA-256, who signed it (the names and the fiscal numbers read from the certificates inside it), when
 * (when a signer said so in a signed attribute) and whether the signature is intact, that is whether the content
 * matches what was signed. Nothing is said about the certificates' chain or revocation: not a legal validation.
 */
public record SignedEnvelope(String fileName, int sizeBytes, String sha256, String signers, String signerTaxCodes,
        Instant signedAt, boolean intact) {
}
