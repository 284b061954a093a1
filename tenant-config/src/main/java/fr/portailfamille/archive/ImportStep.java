package fr.portailfamille.archive;

/**
 * The steps {@link CommuneArchives#importInto(fr.portailfamille.tenancy.CommuneSpec, java.nio.file.Path, char[], String,
 * ImportListener)} runs around the provisioner's ({@link fr.portailfamille.tenancy.ProvisioningStep}), with their French
 * label: the archive decrypted and checked whole before anything is created, then — once the commune is provisioned —
 * its accounts re-created in the new realm, then its data loaded in one transaction.
 */
public enum ImportStep {
    DECRYPTION("Archive vérifiée et déchiffrée"),
    ACCOUNTS("Comptes recréés dans le royaume"),
    DATA("Données chargées");

    private final String label;

    ImportStep(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
