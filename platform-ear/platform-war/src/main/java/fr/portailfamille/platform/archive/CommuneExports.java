package fr.portailfamille.platform.archive;

import fr.portailfamille.archive.ArchiveException;
import fr.portailfamille.archive.ArchiveInfo;
import fr.portailfamille.archive.ArchivedUser;
import fr.portailfamille.archive.CommuneArchives;
import fr.portailfamille.platform.kernel.Denied;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.security.KeycloakAccounts;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.security.StaffRoles;
import fr.portailfamille.platform.tenancy.TenantContext;
import fr.portailfamille.tenancy.Commune;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The commune's archives for its staff: every call checks that the caller is the administrator (`admin-commune`) of the commune bound to the
 * request ({@link StaffRoles}), and reads or writes only that commune's archives (by the commune's id, so that a
 * slug reused later never reaches an earlier commune's archives). The export runs outside any JTA transaction: it
 * reads the commune's schema in its own snapshot and stores the archive in its own transaction
 * ({@link CommuneArchives#export}); the schema is named in every statement, so no search path is involved.
 */
@ApplicationScoped
public class CommuneExports {

    private static final Logger LOG = Logger.getLogger(CommuneExports.class.getName());

    @Resource(lookup = "java:app/jdbc/portail")
    DataSource dataSource;

    @Inject
    KeycloakAccounts accounts;

    private CommuneArchives archives;

    @PostConstruct
    void init() {
        archives = new CommuneArchives(dataSource);
    }

    /**
     * "Exporter les données de la commune": the archive of the commune, encrypted with {@code passphrase}, stored and
     * audited. The passphrases are wiped once used.
     *
     * @throws Refused on {@code passphrase} (too short) or {@code confirmation} (different), or when the accounts
     *                 cannot be read (Keycloak unreachable); nothing was stored
     * @throws SecurityException for anyone but an administrator of this commune who may read health data: the archive
     *                           holds every family's (fiches sanitaires, certificates, PAI)
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public ArchiveInfo export(SignedInUser user, char[] passphrase, char[] confirmation) {
        requireHealthAdmin(user);
        Commune commune = TenantContext.require();
        try {
            String problem = fr.portailfamille.archive.ArchiveCipher.passphraseProblem(passphrase);
            if (problem != null) {
                // in the page's language: too short, or too long
                throw new Refused("passphrase", fr.portailfamille.archive.ArchiveCipher.LONG_PASSPHRASE.equals(problem)
                        ? Refused.text("archive.passphrase.long", fr.portailfamille.archive.ArchiveCipher.MAX_PASSPHRASE)
                        : Refused.text("archive.passphrase.short", fr.portailfamille.archive.ArchiveCipher.MIN_PASSPHRASE));
            }
            if (confirmation == null || !Arrays.equals(passphrase, confirmation)) {
                throw new Refused("confirmation", Refused.text("archive.passphrase.mismatch"));
            }
            List<ArchivedUser> users;
            try {
                users = accounts.allUsers(commune);
            } catch (KeycloakAccounts.AccountException e) {
                LOG.log(Level.WARNING, "Comptes de " + commune.slug() + " illisibles pour l'export", e);
                throw new Refused(Refused.text("archive.accounts.unavailable"));
            }
            return archives.export(commune, passphrase, users, actor(user));
        } catch (ArchiveException e) {
            throw new Refused("passphrase", e.getMessage());
        } finally {
            if (passphrase != null) {
                Arrays.fill(passphrase, '\0');
            }
            if (confirmation != null) {
                Arrays.fill(confirmation, '\0');
            }
        }
    }

    /** The archives of this commune, newest first. */
    public List<ArchiveInfo> list(SignedInUser user) {
        StaffRoles.requireAdmin(user);
        return archives.listOfCommune(TenantContext.require().id());
    }

    /** An archive of this commune (empty for another commune's or an unknown id). */
    public Optional<ArchiveInfo> find(SignedInUser user, long id) {
        StaffRoles.requireAdmin(user);
        long commune = TenantContext.require().id();
        return archives.find(id).filter(a -> a.communeId() == commune);
    }

    /**
     * The encrypted bytes of an archive of this commune (empty for another commune's or an unknown id); close it. For an
     * administrator who may read health data, as {@link #export}; each download audited, who and which archive.
     */
    public Optional<InputStream> open(SignedInUser user, long id) {
        requireHealthAdmin(user);
        return archives.openOf(TenantContext.require().id(), id, actor(user));
    }

    /** Whether {@code user} may make and download this commune's archives: an administrator with {@code agent-sante}. */
    public static boolean mayExport(SignedInUser user) {
        return StaffRoles.isAdminOfThisCommune(user) && StaffRoles.mayReadHealth(user);
    }

    private static void requireHealthAdmin(SignedInUser user) {
        StaffRoles.requireAdmin(user);
        if (!StaffRoles.mayReadHealth(user)) {
            throw new Denied(Refused.text("archive.healthOnly"));
        }
    }

    private static String actor(SignedInUser user) {
        return user.email() != null ? user.email() : user.subject();
    }
}
