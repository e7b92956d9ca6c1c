package it.ricolloca.documents;

/** A document with its bytes, ready to be sent to the browser. */
public record DocumentContent(DossierDocument document, byte[] bytes) {
}
