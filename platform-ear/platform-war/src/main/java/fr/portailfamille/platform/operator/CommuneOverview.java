package fr.portailfamille.platform.operator;

import fr.portailfamille.configuration.CommuneSetup;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

/**
 * One commune as operators see it: never a family's data, only counts. A getter-only bean, read by the console's pages
 * (EL) and written as JSON by the operator API. Counts are {@code null} when the commune's schema could not be read
 * ({@link #getCountsError()} says why).
 */
public class CommuneOverview implements Serializable {

    private final String slug;
    private final String name;
    private final String status;
    private final List<String> domains;
    private final String websiteUrl;
    private final String primaryColor;
    private final String accentColor;
    private final String schemaVersion;
    private final String codeVersion;
    private final String schemaState;
    private final String schemaError;
    private final OffsetDateTime schemaCheckedAt;
    private final Boolean realmEnabled;
    private final String realmError;
    private final Long families;
    private final Long accounts;
    private final Long bookingsThisMonth;
    private final String countsError;
    private final OffsetDateTime createdAt;
    private final OffsetDateTime lastActivity;
    private final String lastActivityKind;
    /** Read for one commune's page only (a configuration read per commune would weigh on the list): null otherwise. */
    private List<String> setupPending;
    private Integer setupTotal;

    @SuppressWarnings("checkstyle:ParameterNumber")
    CommuneOverview(String slug, String name, String status, List<String> domains, String websiteUrl,
                    String primaryColor, String accentColor, String schemaVersion, String codeVersion,
                    String schemaState, String schemaError, OffsetDateTime schemaCheckedAt, Boolean realmEnabled,
                    String realmError, Long families, Long accounts, Long bookingsThisMonth, String countsError,
                    OffsetDateTime createdAt, OffsetDateTime lastActivity, String lastActivityKind) {
        this.slug = slug;
        this.name = name;
        this.status = status;
        this.domains = List.copyOf(domains);
        this.websiteUrl = websiteUrl;
        this.primaryColor = primaryColor;
        this.accentColor = accentColor;
        this.schemaVersion = schemaVersion;
        this.codeVersion = codeVersion;
        this.schemaState = schemaState;
        this.schemaError = schemaError;
        this.schemaCheckedAt = schemaCheckedAt;
        this.realmEnabled = realmEnabled;
        this.realmError = realmError;
        this.families = families;
        this.accounts = accounts;
        this.bookingsThisMonth = bookingsThisMonth;
        this.countsError = countsError;
        this.createdAt = createdAt;
        this.lastActivity = lastActivity;
        this.lastActivityKind = lastActivityKind;
    }

    public String getSlug() {
        return slug;
    }

    public String getName() {
        return name;
    }

    /** {@code ACTIVE}, {@code SUSPENDED} or {@code PROVISIONING}. */
    public String getStatus() {
        return status;
    }

    public List<String> getDomains() {
        return domains;
    }

    public String getDomainsText() {
        return String.join(", ", domains);
    }

    public String getWebsiteUrl() {
        return websiteUrl;
    }

    public String getPrimaryColor() {
        return primaryColor;
    }

    public String getAccentColor() {
        return accentColor;
    }

    public String getSchemaVersion() {
        return schemaVersion;
    }

    public String getCodeVersion() {
        return codeVersion;
    }

    /** {@code PENDING}, {@code CURRENT} or {@code FAILED}, as the last upgrade recorded it. */
    public String getSchemaState() {
        return schemaState;
    }

    public String getSchemaError() {
        return schemaError;
    }

    public OffsetDateTime getSchemaCheckedAt() {
        return schemaCheckedAt;
    }

    /** Whether the schema holds every migration of this replica's code (else the commune shows its maintenance page). */
    public boolean isSchemaServed() {
        return schemaVersion != null && fr.portailfamille.tenancy.TenantMigrator.serves(codeVersion, schemaVersion);
    }

    /** The realm's {@code enabled} flag read from Keycloak, {@code null} when it could not be read. */
    public Boolean getRealmEnabled() {
        return realmEnabled;
    }

    public String getRealmError() {
        return realmError;
    }

    public Long getFamilies() {
        return families;
    }

    /** Families whose file is linked to a Keycloak account (responsable 1 signed in at least once). */
    public Long getAccounts() {
        return accounts;
    }

    /** Bookings (cancelled ones left out) on a day of the current month. */
    public Long getBookingsThisMonth() {
        return bookingsThisMonth;
    }

    public String getCountsError() {
        return countsError;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    /** The latest change the platform can see: an operator's action, the registry row, a booking written. */
    public OffsetDateTime getLastActivity() {
        return lastActivity;
    }

    /** What {@link #getLastActivity()} was: {@code operateur}, {@code registre} or {@code reservation}. */
    public String getLastActivityKind() {
        return lastActivityKind;
    }

    /**
     * What the commune has not yet set up of the model it started from ({@link CommuneSetup}), as item codes in their
     * order ({@code zone}, {@code holidays}…); {@code null} when not read (the list of communes, an unreadable schema).
     */
    public List<String> getSetupPending() {
        return setupPending;
    }

    /** How many settings {@link #getSetupPending()} is counted from; {@code null} when not read. */
    public Integer getSetupTotal() {
        return setupTotal;
    }

    /** This overview with the commune's setup steps ({@code null}: not read). */
    CommuneOverview withSetup(List<CommuneSetup.Step> steps) {
        if (steps != null) {
            setupPending = steps.stream().filter(st -> !st.done()).map(st -> st.item().name().toLowerCase(Locale.ROOT)).toList();
            setupTotal = steps.size();
        }
        return this;
    }

    public boolean isActive() {
        return "ACTIVE".equals(status);
    }

    public boolean isSuspended() {
        return "SUSPENDED".equals(status);
    }

    /** Something an operator should look at: a failed upgrade, unreadable counts or realm, a provisioning left over. */
    public boolean isInError() {
        return "FAILED".equals(schemaState) || countsError != null || realmError != null || "PROVISIONING".equals(status);
    }
}
