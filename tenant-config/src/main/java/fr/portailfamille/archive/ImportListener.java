package fr.portailfamille.archive;

import fr.portailfamille.tenancy.ProvisioningListener;

/**
 * Told of each step of an import as it runs: its own ({@link ImportStep}) and, in between, the provisioner's
 * ({@link ProvisioningListener}); called on the importing thread.
 */
public interface ImportListener extends ProvisioningListener {

    /** Listens to nothing. */
    ImportListener NONE = new ImportListener() {
    };

    default void started(ImportStep step) {
    }

    /** @param detail what the step did, in French (may be {@code null}) */
    default void done(ImportStep step, String detail) {
    }

    /**
     * How far a long step has got while it runs (the archive read for {@link ImportStep#DECRYPTION} and
     * {@link ImportStep#DATA}), told every few seconds: a large archive's step shows it moves.
     *
     * @param detail in French
     */
    default void progress(ImportStep step, String detail) {
    }

    /** @param error why it failed, in French */
    default void failed(ImportStep step, String error) {
    }
}
