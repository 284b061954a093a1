package fr.portailfamille.tenancy;

/**
 * Told of each step of an onboarding as it runs ({@link CommuneProvisioner#provision(CommuneSpec, ProvisioningListener)}),
 * so that a caller can show the progress; called on the provisioning thread.
 */
public interface ProvisioningListener {

    /** Listens to nothing. */
    ProvisioningListener NONE = new ProvisioningListener() {
    };

    default void started(ProvisioningStep step) {
    }

    /** @param detail what the step did, in French (may be {@code null}) */
    default void done(ProvisioningStep step, String detail) {
    }

    /** @param error why it failed, in French */
    default void failed(ProvisioningStep step, String error) {
    }
}
