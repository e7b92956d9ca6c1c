package it.ricolloca.documents;

/** A file as the browser sent it: its name and bytes; the type is decided by the content, not by the browser. */
public record Upload(String fileName, byte[] bytes) {
}
