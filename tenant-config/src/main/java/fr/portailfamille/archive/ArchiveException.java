package fr.portailfamille.archive;

import java.io.IOException;

/**
 * An archive refused, with the French reason shown to whoever gave it: a wrong passphrase, a changed or incomplete
 * file, a file of another kind, a schema version the platform does not hold. Nothing was imported.
 */
public class ArchiveException extends IOException {

    public ArchiveException(String message) {
        super(message);
    }

    public ArchiveException(String message, Throwable cause) {
        super(message, cause);
    }
}
