package fr.portailfamille.tenancy;

import fr.portailfamille.problems.FieldError;
import fr.portailfamille.problems.Problems;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Onboards a commune: validation, tenant row (PROVISIONING), schema + migrations, starting
 * configuration ({@link ConfigurationSeeder}, once: not over a configuration an earlier attempt wrote), Keycloak realm and client, then
 * ACTIVE. Every step is idempotent (the seeding runs once), so re-running after a crash resumes; when
 * a step fails during a first attempt, what this attempt created is removed again, so no half commune
 * is left behind.
 */
public class CommuneProvisioner {

    public static final String CLIENT_ID = "portail-famille";
    /**
     * The families' applications' public client of each commune realm (code flow + PKCE, no secret): its access tokens
     * name {@link #CLIENT_ID} as audience, so they open the families' API of that commune only.
     */
    public static final String APP_CLIENT_ID = "portail-famille-app";
    private static final Logger LOG = Logger.getLogger(CommuneProvisioner.class.getName());

    private final TenantStore store;
    private final TenantMigrator migrator;
    private final RealmProvisioner realms;
    private final String baseDomain;
    /** Base URL (scheme://host[:port]) of the commune's platform sub-domain, from its slug. */
    private final Function<String, String> slugUrl;
    /** Scheme used for custom domains ({@code https} in production). */
    private final String customDomainScheme;
    private final ConfigurationSeeder seeder;

    /** @param seeder writes a new commune's starting configuration into its schema */
    public CommuneProvisioner(TenantStore store, TenantMigrator migrator, RealmProvisioner realms,
                              String baseDomain, Function<String, String> slugUrl, String customDomainScheme,
                              ConfigurationSeeder seeder) {
        this.store = store;
        this.migrator = migrator;
        this.realms = realms;
        this.baseDomain = baseDomain;
        this.slugUrl = slugUrl;
        this.customDomainScheme = customDomainScheme;
        this.seeder = seeder;
    }

    /**
     * Provisions (or resumes / updates) a commune.
     *
     * @throws ProvisioningException with the field errors when the input is refused (nothing was done),
     *                               or with the cause when a step failed (what this call created was undone)
     */
    public Commune provision(CommuneSpec spec) {
        return provision(spec, ProvisioningListener.NONE);
    }

    /**
     * Provisions (or resumes / updates) a commune, telling {@code listener} of each step as it starts, ends or fails.
     *
     * @throws ProvisioningException as {@link #provision(CommuneSpec)}
     */
    public Commune provision(CommuneSpec spec, ProvisioningListener listener) {
        return provision(spec, listener, true);
    }

    /**
     * As {@link #provision(CommuneSpec, ProvisioningListener)}; with {@code activate} false the commune is left
     * PROVISIONING — not served, no family can sign up or sign in — with its realm's client secret kept, for a caller
     * that loads its data first and activates it then ({@link TenantStore#setStatus}): an archive's import.
     */
    public Commune provision(CommuneSpec spec, ProvisioningListener listener, boolean activate) {
        List<FieldError> errors = new ArrayList<>(CommuneRules.validate(spec, baseDomain));
        if (!errors.isEmpty()) {
            throw new ProvisioningException(errors);
        }
        var existing = store.findBySlug(spec.slug());
        if (existing.isPresent() && existing.get().status() != CommuneStatus.PROVISIONING) {
            throw new ProvisioningException(List.of(Problems.error("slug", "tenancy.slug.taken", spec.slug())));
        }
        for (String used : store.domainsUsedElsewhere(spec.domains(), spec.slug())) {
            errors.add(Problems.error("domains", "tenancy.domain.taken", used));
        }
        if (!errors.isEmpty()) {
            throw new ProvisioningException(errors);
        }

        boolean firstAttempt = existing.isEmpty();
        Commune commune;
        if (firstAttempt) {
            commune = store.insertProvisioning(spec, CLIENT_ID);
        } else {
            LOG.info(() -> "Reprise du provisionnement de la commune " + spec.slug());
            store.updateDetails(spec);
            commune = store.findBySlug(spec.slug()).orElseThrow();
        }
        boolean realmTouched = false;
        ProvisioningStep step = ProvisioningStep.SCHEMA;
        try {
            listener.started(step);
            migrator.createCommuneSchema(commune.schemaName());
            listener.done(step, commune.schemaName());
            listener.started(step = ProvisioningStep.MIGRATIONS);
            TenantMigrator.Outcome schema = migrator.upgrade(commune);
            if (schema.failed()) {
                throw new IllegalStateException("migration du schéma : " + schema.error());
            }
            listener.done(step, "version " + schema.version());
            listener.started(step = ProvisioningStep.CONFIGURATION);
            // written once: a schema that already has its configuration (an attempt interrupted after it) keeps it
            seeder.seed(commune.schemaName());
            listener.done(step, null);
            listener.started(step = ProvisioningStep.REALM);
            realmTouched = true;
            String secret = realms.ensureRealm(commune, baseUrls(commune));
            // one call of the realm provisioner makes the realm from its template, with the client and the theme
            listener.done(step, commune.realmName());
            listener.done(ProvisioningStep.CLIENT, CLIENT_ID);
            listener.done(ProvisioningStep.THEME, "portail-famille");
            listener.started(step = ProvisioningStep.ACTIVATION);
            if (activate) {
                store.activate(commune.slug(), secret);
                listener.done(step, null);
            } else {
                store.keepClientSecret(commune.slug(), secret);
                listener.done(step, "après le chargement des données");
            }
            LOG.info(() -> "Commune " + spec.slug() + " prête : schéma " + spec.schemaName() + ", royaume "
                    + spec.realmName());
            return store.findBySlug(spec.slug()).orElseThrow();
        } catch (RuntimeException e) {
            listener.failed(step, e.getMessage());
            if (firstAttempt) {
                undo(commune, realmTouched);
            }
            throw new ProvisioningException(Problems.of("tenancy.provisioning.failed", spec.slug(), e.getMessage()), e);
        }
    }

    /**
     * Suspends a commune: it is no longer served (its families get the suspension page within the directory's
     * cache delay) and its realm refuses every login; nothing is deleted. Idempotent; audited with {@code actor}.
     *
     * @throws ProvisioningException for an unknown slug or a commune still provisioning (nothing done), or when
     *                               Keycloak failed (the commune stays suspended: re-run to disable the realm)
     */
    public Commune suspend(String slug, String actor) {
        Commune commune = known(slug);
        if (commune.status() == CommuneStatus.PROVISIONING) {
            throw new ProvisioningException(List.of(Problems.error("slug", "tenancy.suspend.provisioning", slug)));
        }
        store.setStatus(slug, CommuneStatus.SUSPENDED);
        try {
            realms.setRealmEnabled(commune.realmName(), false);
        } catch (RuntimeException e) {
            store.audit(actor, "SUSPEND_FAILED", slug, e.getMessage());
            throw new ProvisioningException(Problems.of("tenancy.suspend.realmFailed", slug, e.getMessage()), e);
        }
        store.audit(actor, "SUSPEND", slug, null);
        LOG.info(() -> "Commune " + slug + " suspendue par " + actor);
        return store.findBySlug(slug).orElseThrow();
    }

    /** Resumes a suspended commune: its realm accepts logins again, then it is served. Idempotent; audited. */
    public Commune resume(String slug, String actor) {
        Commune commune = known(slug);
        if (commune.status() == CommuneStatus.PROVISIONING) {
            throw new ProvisioningException(List.of(Problems.error("slug", "tenancy.resume.provisioning", slug)));
        }
        // half-deleted (its schema went, Keycloak failed) or left by a failed import (default configuration, the
        // archive's accounts): never served again, only deleted
        if (store.lastAction(slug, List.of("ONBOARD", "IMPORT", "RESUME", "DELETE_FAILED", "IMPORT_FAILED"))
                .filter(a -> a.endsWith("_FAILED")).isPresent()) {
            throw new ProvisioningException(List.of(Problems.error("slug", "tenancy.resume.beingDeleted", slug)));
        }
        try {
            realms.setRealmEnabled(commune.realmName(), true);
        } catch (RuntimeException e) {
            throw new ProvisioningException(Problems.of("tenancy.resume.realmFailed", slug, e.getMessage()), e);
        }
        store.setStatus(slug, CommuneStatus.ACTIVE);
        store.audit(actor, "RESUME", slug, null);
        LOG.info(() -> "Commune " + slug + " réactivée par " + actor);
        return store.findBySlug(slug).orElseThrow();
    }

    /**
     * Deletes a commune for good: its schema (every family's data), its realm (every account), its row and its
     * domains; the operators' audit keeps its lines (audited {@code DELETE}), and its archives stay in
     * {@code platform.commune_archive} for an import elsewhere. Refused unless {@code typedSlug} is the slug typed
     * again, and unless the commune was suspended first (its families already see the suspension page and its realm
     * refuses logins, so nothing is in use while it goes) or was never served (left provisioning by an interrupted
     * onboarding or import). The row goes last: after a partial failure the commune is
     * still listed, suspended, and running this again finishes the work.
     *
     * @throws ProvisioningException when refused (nothing done), or when a step failed (re-run to finish)
     */
    public void delete(String slug, String typedSlug, String actor) {
        if (typedSlug == null || !typedSlug.strip().equals(slug)) {
            throw new ProvisioningException(List.of(Problems.error("typedSlug", "tenancy.delete.confirm", slug)));
        }
        Commune commune = known(slug);
        // suspended, or never served: left provisioning by an onboarding or an import interrupted (the caller makes
        // sure none runs on it)
        if (commune.status() != CommuneStatus.SUSPENDED && commune.status() != CommuneStatus.PROVISIONING) {
            throw new ProvisioningException.NotSuspended(slug);
        }
        try {
            migrator.dropCommuneSchema(commune.schemaName());
            realms.deleteRealm(commune.realmName());
            store.delete(slug);
        } catch (RuntimeException e) {
            store.audit(actor, "DELETE_FAILED", slug, e.getMessage());
            throw new ProvisioningException(Problems.of("tenancy.delete.failed", slug, e.getMessage()), e);
        }
        store.audit(actor, "DELETE", slug, "schéma " + commune.schemaName() + " et royaume " + commune.realmName()
                + " supprimés");
        LOG.info(() -> "Commune " + slug + " supprimée par " + actor);
    }

    /**
     * Changes a served (or suspended) commune's name, website, colours, logo and custom domains — a new domain of its
     * own, a new logo —, checked as an onboarding is (a domain another commune uses refused), then its realm's display
     * name, mail sender and client addresses brought to them (a login on the new domain is accepted). Audited
     * {@code UPDATE}; when Keycloak fails, the registry is changed and the update is to run again ({@code UPDATE_FAILED}).
     *
     * @throws ProvisioningException the field errors (nothing changed), an unknown slug or a commune still provisioning,
     *                               or without fields when its realm could not be brought to it (run it again)
     */
    public Commune update(CommuneSpec spec, String actor) {
        Commune commune = known(spec.slug());
        if (commune.status() == CommuneStatus.PROVISIONING) {
            throw new ProvisioningException(List.of(Problems.error("slug", "tenancy.update.provisioning", spec.slug())));
        }
        List<FieldError> errors = new ArrayList<>(CommuneRules.validate(spec, baseDomain));
        if (errors.stream().noneMatch(e -> e.field().equals("domains"))) {
            for (String used : store.domainsUsedElsewhere(spec.domains(), spec.slug())) {
                errors.add(Problems.error("domains", "tenancy.domain.taken", used));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProvisioningException(errors);
        }
        store.updateDetails(spec);
        Commune updated = known(spec.slug());
        try {
            realms.ensureRealm(updated, baseUrls(updated));
        } catch (RuntimeException e) {
            store.audit(actor, "UPDATE_FAILED", spec.slug(), e.getMessage());
            throw new ProvisioningException(Problems.of("tenancy.update.realmFailed", spec.slug(), e.getMessage()), e);
        }
        store.audit(actor, "UPDATE", spec.slug(), "domaines : " + (updated.domains().isEmpty() ? "aucun"
                : String.join(", ", updated.domains())));
        LOG.info(() -> "Commune " + spec.slug() + " modifiée par " + actor);
        return updated;
    }

    private Commune known(String slug) {
        return store.findBySlug(slug).orElseThrow(() -> new ProvisioningException.NoSuchCommune(slug));
    }

    /** Every base URL the commune answers at: its platform sub-domain, then its custom domains. */
    public List<String> baseUrls(Commune commune) {
        Set<String> urls = new LinkedHashSet<>();
        urls.add(slugUrl.apply(commune.slug()));
        for (String d : commune.domains()) {
            urls.add(customDomainScheme + "://" + d);
        }
        return List.copyOf(urls);
    }

    private void undo(Commune commune, boolean realmTouched) {
        try {
            if (realmTouched) {
                realms.deleteRealm(commune.realmName());
            }
            migrator.dropCommuneSchema(commune.schemaName());
            store.delete(commune.slug());
            LOG.warning(() -> "Provisionnement de " + commune.slug() + " annulé : rien n'a été conservé.");
        } catch (RuntimeException undoFailure) {
            LOG.log(Level.SEVERE, "Annulation incomplète pour " + commune.slug()
                    + " : elle reste PROVISIONING, relancez le provisionnement pour la reprendre.", undoFailure);
        }
    }
}
