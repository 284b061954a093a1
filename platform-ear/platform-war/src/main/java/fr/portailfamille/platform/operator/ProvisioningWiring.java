package fr.portailfamille.platform.operator;

import fr.portailfamille.configuration.DefaultConfiguration;
import fr.portailfamille.identity.CommuneAdministrators;
import fr.portailfamille.identity.KeycloakAdminHttp;
import fr.portailfamille.identity.KeycloakRealmProvisioner;
import fr.portailfamille.identity.PlatformAccount;
import fr.portailfamille.platform.mail.SmtpRelay;
import fr.portailfamille.tenancy.CommuneProvisioner;
import fr.portailfamille.tenancy.TenantMigrator;
import fr.portailfamille.tenancy.TenantStore;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The platform's own account in Keycloak's master realm ({@code pf.keycloak.admin-user}, default
 * {@value PlatformAccount#DEFAULT_USER}, and {@code pf.keycloak.admin-password}: a user with only the {@code create-realm}
 * role, {@link PlatformAccount}, not the master realm's administrator) and the {@link CommuneProvisioner} built on it, the one the run command and the tests use: a commune is served at
 * {@code <scheme>://<slug>.<pf.base-domain><port>} and at {@code <scheme>://<custom domain>}. The scheme and port are
 * those the operator's browser uses for the operator host (a console action), else {@code pf.public-scheme} (default
 * {@code https}) and no port.
 */
@ApplicationScoped
public class ProvisioningWiring {

    @Resource(lookup = "java:app/jdbc/portail")
    private DataSource dataSource;

    @Inject
    @ConfigProperty(name = "pf.keycloak.url")
    String keycloakUrl;

    @Inject
    @ConfigProperty(name = "pf.keycloak.admin-user", defaultValue = PlatformAccount.DEFAULT_USER)
    String adminUser;

    @Inject
    @ConfigProperty(name = "pf.keycloak.admin-password")
    Optional<String> adminPassword;

    @Inject
    @ConfigProperty(name = "pf.base-domain", defaultValue = "localhost")
    String baseDomain;

    @Inject
    @ConfigProperty(name = "pf.public-scheme")
    Optional<String> publicScheme;

    @Inject
    SmtpRelay smtp;

    private volatile KeycloakAdminHttp admin;

    /** Keycloak's admin API with the platform's own account; fails clearly when the platform has none configured. */
    public KeycloakAdminHttp admin() {
        KeycloakAdminHttp a = admin;
        if (a == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = new KeycloakAdminHttp(keycloakUrl, adminUser, adminPassword.filter(p -> !p.isBlank())
                            .orElseThrow(() -> new IllegalStateException("Aucun compte Keycloak de la plateforme"
                                    + " n'est configuré (pf.keycloak.admin-password) : la plateforme ne peut pas créer de royaume.")));
                }
                a = admin;
            }
        }
        return a;
    }

    public KeycloakRealmProvisioner realms() {
        return new KeycloakRealmProvisioner(admin(), smtp.settings());
    }

    public CommuneAdministrators administrators() {
        return new CommuneAdministrators(admin());
    }

    public TenantStore store() {
        return new TenantStore(dataSource);
    }

    public TenantMigrator migrator() {
        return new TenantMigrator(dataSource);
    }

    /**
     * A provisioner whose communes are served with the given scheme and port suffix ({@code ""} or {@code ":8080"}).
     */
    public CommuneProvisioner provisioner(String scheme, String portSuffix) {
        return new CommuneProvisioner(store(), migrator(), realms(), baseDomain,
                slug -> communeUrl(scheme, portSuffix, slug), scheme, DefaultConfiguration.seeder(dataSource));
    }

    /** The URL of a commune on its platform sub-domain. */
    public String communeUrl(String scheme, String portSuffix, String slug) {
        return scheme + "://" + slug + "." + baseDomain + portSuffix;
    }

    /** The provisioner outside any request: {@code pf.public-scheme} (default https), no port. */
    @Produces
    @Dependent
    public CommuneProvisioner provisioner() {
        return provisioner(publicScheme.filter(s -> !s.isBlank()).orElse("https"), "");
    }
}
