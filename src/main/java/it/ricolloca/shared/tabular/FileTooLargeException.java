package it.ricolloca.shared.tabular;

/** A file larger than an import accepts, refused by its size before it is read. */
public class FileTooLargeException extends UnreadableFileException {

    public FileTooLargeException(long maxBytes) {
        super("import.file.tooLarge", maxBytes / (1024 * 1024));
    }
}
