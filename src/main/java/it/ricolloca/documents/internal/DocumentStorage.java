package it.ricolloca.documents.internal;

/** Where document contents live: written once under a key, read back by it. */
public interface DocumentStorage {

    /** Keeps the bytes and returns the key to read them back. */
    String write(byte[] content);

    byte[] read(String key);

    /** Removes the bytes for good (a retention period ended); a key already gone is no error. */
    void delete(String key);
}
