package fr.portailfamille.tenancy;

/** The steps of a commune's onboarding by {@link CommuneProvisioner}, in the order they run, with their French label. */
public enum ProvisioningStep {
    SCHEMA("Schéma PostgreSQL de la commune"),
    MIGRATIONS("Migrations du schéma"),
    CONFIGURATION("Configuration par défaut"),
    REALM("Royaume Keycloak"),
    CLIENT("Client OIDC du portail"),
    THEME("Thème de connexion et des courriels"),
    ACTIVATION("Activation");

    private final String label;

    ProvisioningStep(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
