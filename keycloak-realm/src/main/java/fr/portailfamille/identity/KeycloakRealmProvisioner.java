package fr.portailfamille.identity;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.portailfamille.archive.ArchivedUser;
import fr.portailfamille.archive.RealmAccounts;
import fr.portailfamille.tenancy.Commune;
import fr.portailfamille.tenancy.CommuneProvisioner;
import fr.portailfamille.tenancy.RealmProvisioner;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.PartialImportRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RequiredActionProviderRepresentation;
import org.keycloak.representations.idm.RequiredActionProviderSimpleRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Creates and maintains communes' realms through the Keycloak admin API; reads a realm's accounts for a commune's
 * archive and re-creates them, with their ids, in the realm of the commune the archive is imported into.
 */
public class KeycloakRealmProvisioner implements RealmProvisioner, RealmAccounts {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Keycloak keycloak;
    private final SmtpSettings smtp;

    public KeycloakRealmProvisioner(Keycloak keycloak, SmtpSettings smtp) {
        this.keycloak = keycloak;
        this.smtp = smtp;
    }

    /** An admin client logged in to the master realm with the bootstrap admin. */
    public static Keycloak adminClient(String serverUrl, String user, String password) {
        return Keycloak.getInstance(serverUrl, "master", user, password, "admin-cli");
    }

    /** The realm template of the platform, as shipped in this module. */
    public static RealmRepresentation template() {
        try (InputStream in = KeycloakRealmProvisioner.class.getResourceAsStream("/realm/realm-template.json")) {
            return JSON.readValue(in, RealmRepresentation.class);
        } catch (IOException e) {
            throw new IllegalStateException("realm-template.json illisible", e);
        }
    }

    @Override
    public String ensureRealm(Commune commune, List<String> appBaseUrls) {
        Optional<RealmRepresentation> existing = findRealm(commune.realmName());
        if (existing.isEmpty()) {
            RealmRepresentation realm = template();
            realm.setRealm(commune.realmName());
            applyCommune(realm, commune);
            ClientRepresentation client = realm.getClients().get(0);
            client.setSecret(newSecret());
            applyUrls(client, commune, appBaseUrls);
            realm.setRequiredActions(null); // Keycloak registers its defaults; the template's are enabled below
            keycloak.realms().create(realm);
            addDefaultRole(commune.realmName(), "parent");
        } else {
            RealmResource realmResource = keycloak.realm(commune.realmName());
            RealmRepresentation realm = realmResource.toRepresentation();
            applyCommune(realm, commune);
            realmResource.update(realm);
        }
        RealmResource realm = keycloak.realm(commune.realmName());
        List<ClientRepresentation> found = realm.clients().findByClientId(CommuneProvisioner.CLIENT_ID);
        if (found.isEmpty()) {
            ClientRepresentation client = template().getClients().get(0);
            client.setSecret(newSecret());
            applyUrls(client, commune, appBaseUrls);
            realm.clients().create(client).close();
            found = realm.clients().findByClientId(CommuneProvisioner.CLIENT_ID);
        } else {
            ClientRepresentation client = found.get(0);
            applyUrls(client, commune, appBaseUrls);
            realm.clients().get(client.getId()).update(client);
        }
        String clientUuid = found.get(0).getId();
        grantAccountManagement(realm, clientUuid);
        disableDirectGrants(realm);
        enableRequiredActions(realm);
        return realm.clients().get(clientUuid).getSecret().getValue();
    }

    /**
     * The platform's client acts, through its service account and only within its commune's realm, on
     * the commune's accounts: invite a family created at the counter, delete the account of a family
     * that withdraws its pending registration.
     */
    private static void grantAccountManagement(RealmResource realm, String clientUuid) {
        UserRepresentation serviceAccount = realm.clients().get(clientUuid).getServiceAccountUser();
        String realmManagement = realm.clients().findByClientId("realm-management").get(0).getId();
        List<RoleRepresentation> roles = new ArrayList<>();
        for (String role : List.of("manage-users", "view-users", "query-users")) {
            roles.add(realm.clients().get(realmManagement).roles().get(role).toRepresentation());
        }
        realm.users().get(serviceAccount.getId()).roles().clientLevel(realmManagement).add(roles);
    }

    /**
     * Brings an existing commune realm up to the template's protections (called at start and upgrade,
     * and by {@link #ensureRealm}): every realm role of the template exists (a realm created before a role
     * was added, such as {@code regisseur}, gets it), the template's required actions are enabled (the
     * application-initiated {@code UPDATE_EMAIL} of Mon profil: Keycloak 26 registers it disabled), the template's
     * clients have its protocol mappers (a realm created before the {@code groups} claim gets it: agents' services),
     * and no client of the realm accepts password grants,
     * Keycloak's own {@code admin-cli} included, so that the token endpoint is no password oracle.
     *
     * @return the client ids that were changed
     */
    public List<String> harden(String realmName) {
        RealmResource realm = keycloak.realm(realmName);
        addMissingRoles(realm);
        enableRequiredActions(realm);
        addMissingMappers(realm);
        return disableDirectGrants(realm);
    }

    /**
     * Enables every required action the template lists ({@code UPDATE_EMAIL}: with it, Keycloak's update-email
     * feature — on by default in Keycloak 26 — applies to the realm, and with {@code verifyEmail} the new address
     * is confirmed by mail before it replaces the old one), registering it first if Keycloak has not.
     *
     * @return the aliases that were changed
     */
    static List<String> enableRequiredActions(RealmResource realm) {
        List<String> changed = new ArrayList<>();
        for (RequiredActionProviderRepresentation wanted : template().getRequiredActions()) {
            RequiredActionProviderRepresentation present = realm.flows().getRequiredActions().stream()
                    .filter(a -> wanted.getAlias().equals(a.getAlias())).findFirst().orElse(null);
            if (present == null) {
                RequiredActionProviderSimpleRepresentation register = new RequiredActionProviderSimpleRepresentation();
                register.setProviderId(wanted.getProviderId());
                register.setName(wanted.getName());
                realm.flows().registerRequiredAction(register);
                present = realm.flows().getRequiredAction(wanted.getAlias());
            }
            if (!present.isEnabled()) {
                present.setEnabled(true);
                realm.flows().updateRequiredAction(present.getAlias(), present);
                changed.add(present.getAlias());
            }
        }
        return changed;
    }

    private static void addMissingMappers(RealmResource realm) {
        for (ClientRepresentation wanted : template().getClients()) {
            if (wanted.getProtocolMappers() == null) {
                continue;
            }
            for (ClientRepresentation client : realm.clients().findByClientId(wanted.getClientId())) {
                var mappers = realm.clients().get(client.getId()).getProtocolMappers();
                java.util.Set<String> present = new java.util.HashSet<>();
                mappers.getMappers().forEach(m -> present.add(m.getName()));
                for (var mapper : wanted.getProtocolMappers()) {
                    if (!present.contains(mapper.getName())) {
                        try (Response response = mappers.createMapper(mapper)) {
                            if (response.getStatus() != 201) {
                                throw new IllegalStateException("Ajout du mappeur " + mapper.getName() + " refusé : HTTP "
                                        + response.getStatus());
                            }
                        }
                    }
                }
            }
        }
    }

    private static void addMissingRoles(RealmResource realm) {
        java.util.Set<String> present = new java.util.HashSet<>();
        realm.roles().list().forEach(r -> present.add(r.getName()));
        for (RoleRepresentation role : template().getRoles().getRealm()) {
            if (!present.contains(role.getName())) {
                realm.roles().create(role);
            }
        }
    }

    private static List<String> disableDirectGrants(RealmResource realm) {
        List<String> changed = new ArrayList<>();
        for (ClientRepresentation client : realm.clients().findAll()) {
            if (Boolean.TRUE.equals(client.isDirectAccessGrantsEnabled())) {
                client.setDirectAccessGrantsEnabled(false);
                realm.clients().get(client.getId()).update(client);
                changed.add(client.getClientId());
            }
        }
        return changed;
    }

    @Override
    public void setRealmEnabled(String realmName, boolean enabled) {
        RealmRepresentation realm = keycloak.realm(realmName).toRepresentation();
        if (!Boolean.valueOf(enabled).equals(realm.isEnabled())) {
            realm.setEnabled(enabled);
            keycloak.realm(realmName).update(realm);
        }
    }

    @Override
    public void deleteRealm(String realmName) {
        if (findRealm(realmName).isPresent()) {
            keycloak.realm(realmName).remove();
        }
    }

    /** Every account of the realm but service accounts: identity, realm roles (default ones left out), required actions. */
    @Override
    public List<ArchivedUser> read(String realmName) {
        RealmResource realm = keycloak.realm(realmName);
        List<ArchivedUser> users = new ArrayList<>();
        int first = 0;
        List<UserRepresentation> page;
        do {
            page = realm.users().list(first, 100);
            for (UserRepresentation u : page) {
                if (u.getServiceAccountClientId() != null || u.getUsername().startsWith("service-account-")) {
                    continue;
                }
                List<String> roles = realm.users().get(u.getId()).roles().realmLevel().listAll().stream()
                        .map(RoleRepresentation::getName).filter(r -> !r.startsWith("default-roles-")).sorted().toList();
                users.add(new ArchivedUser(u.getId(), u.getUsername(), u.getEmail(), u.getFirstName(), u.getLastName(),
                        Boolean.TRUE.equals(u.isEnabled()), Boolean.TRUE.equals(u.isEmailVerified()), roles,
                        u.getRequiredActions()));
            }
            first += page.size();
        } while (page.size() == 100);
        return users;
    }

    /**
     * Re-creates archived accounts through the realm's partial import (one transaction), keeping their ids: the
     * commune's data names accounts by id. An id is unique in the whole Keycloak, so on the server that still holds
     * the archived commune the import is refused (409) and done again without ids; the new ids are then read back by
     * username. Each account gets the realm's default roles, the archived roles the realm knows, and must choose a
     * password ({@code UPDATE_PASSWORD}) — on "Mot de passe oublié" or an invitation.
     */
    @Override
    public Map<String, String> restore(String realmName, List<ArchivedUser> archived) {
        if (archived.isEmpty()) {
            return Map.of();
        }
        RealmResource realm = keycloak.realm(realmName);
        java.util.Set<String> known = new java.util.HashSet<>();
        realm.roles().list().forEach(r -> known.add(r.getName()));
        try (Response kept = realm.partialImport(partialImport(realmName, archived, known, true))) {
            if (kept.getStatus() == 200) {
                return Map.of();
            }
            if (kept.getStatus() != 409) {
                throw new IllegalStateException("Import des comptes dans " + realmName + " refusé : HTTP "
                        + kept.getStatus() + " " + kept.readEntity(String.class));
            }
        }
        try (Response renewed = realm.partialImport(partialImport(realmName, archived, known, false))) {
            if (renewed.getStatus() != 200) {
                throw new IllegalStateException("Import des comptes dans " + realmName + " refusé : HTTP "
                        + renewed.getStatus() + " " + renewed.readEntity(String.class));
            }
        }
        Map<String, String> newIds = new LinkedHashMap<>();
        for (ArchivedUser a : archived) {
            String id = realm.users().search(a.username(), true).stream().findFirst()
                    .map(UserRepresentation::getId)
                    .orElseThrow(() -> new IllegalStateException("Compte " + a.username() + " non recréé dans " + realmName));
            if (!id.equals(a.id())) {
                newIds.put(a.id(), id);
            }
        }
        return newIds;
    }

    private static PartialImportRepresentation partialImport(String realmName, List<ArchivedUser> archived,
                                                             java.util.Set<String> knownRoles, boolean keepIds) {
        List<UserRepresentation> users = new ArrayList<>();
        for (ArchivedUser a : archived) {
            UserRepresentation u = new UserRepresentation();
            if (keepIds) {
                u.setId(a.id());
            }
            u.setUsername(a.username());
            u.setEmail(a.email());
            u.setFirstName(a.firstName());
            u.setLastName(a.lastName());
            u.setEnabled(a.enabled());
            u.setEmailVerified(a.emailVerified());
            List<String> roles = new ArrayList<>(a.realmRoles().stream().filter(knownRoles::contains).toList());
            roles.add("default-roles-" + realmName);
            u.setRealmRoles(roles);
            List<String> actions = new ArrayList<>(a.requiredActions());
            if (!actions.contains("UPDATE_PASSWORD")) {
                actions.add("UPDATE_PASSWORD");
            }
            u.setRequiredActions(actions);
            users.add(u);
        }
        PartialImportRepresentation rep = new PartialImportRepresentation();
        rep.setIfResourceExists(PartialImportRepresentation.Policy.SKIP.name());
        rep.setUsers(users);
        return rep;
    }

    /** Creates a user with a role and a password (demo accounts, counter-created accounts in tests). */
    public String createUser(String realmName, String email, String firstName, String lastName, String password,
                             String role) {
        RealmResource realm = keycloak.realm(realmName);
        List<UserRepresentation> same = realm.users().searchByEmail(email, true);
        String id;
        if (!same.isEmpty()) {
            id = same.get(0).getId();
        } else {
            UserRepresentation user = new UserRepresentation();
            user.setUsername(email);
            user.setEmail(email);
            user.setEmailVerified(true);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setEnabled(true);
            CredentialRepresentation credential = new CredentialRepresentation();
            credential.setType(CredentialRepresentation.PASSWORD);
            credential.setValue(password);
            credential.setTemporary(false);
            user.setCredentials(List.of(credential));
            try (Response response = realm.users().create(user)) {
                if (response.getStatus() != 201) {
                    throw new IllegalStateException("Création de l'utilisateur " + email + " refusée : HTTP "
                            + response.getStatus() + " " + response.readEntity(String.class));
                }
                String location = response.getLocation().getPath();
                id = location.substring(location.lastIndexOf('/') + 1);
            }
        }
        RoleRepresentation roleRep = realm.roles().get(role).toRepresentation();
        realm.users().get(id).roles().realmLevel().add(List.of(roleRep));
        return id;
    }

    private void addDefaultRole(String realmName, String role) {
        RealmResource realm = keycloak.realm(realmName);
        RoleRepresentation roleRep = realm.roles().get(role).toRepresentation();
        realm.roles().get("default-roles-" + realmName).addComposites(List.of(roleRep));
    }

    private void applyCommune(RealmRepresentation realm, Commune commune) {
        applyMailSettings(realm, template());
        realm.setDisplayName(commune.name());
        realm.setDisplayNameHtml(escape(commune.name()));
        Map<String, String> server = new LinkedHashMap<>();
        server.put("host", smtp.host());
        server.put("port", Integer.toString(smtp.port()));
        server.put("from", smtp.fromAddress());
        server.put("fromDisplayName", commune.name());
        server.put("auth", "false");
        server.put("ssl", "false");
        server.put("starttls", "false");
        realm.setSmtpServer(server);
    }

    /**
     * The template's mail settings, also on realms created before them (applied at every start): the
     * e-mail theme (mails in the commune's name) and how long mailed links last (24 h for a link a
     * family asked for, 7 days for a counter invitation).
     */
    static void applyMailSettings(RealmRepresentation realm, RealmRepresentation template) {
        realm.setEmailTheme(template.getEmailTheme());
        realm.setActionTokenGeneratedByUserLifespan(template.getActionTokenGeneratedByUserLifespan());
        realm.setActionTokenGeneratedByAdminLifespan(template.getActionTokenGeneratedByAdminLifespan());
    }

    private static void applyUrls(ClientRepresentation client, Commune commune, List<String> appBaseUrls) {
        List<String> redirects = new ArrayList<>();
        List<String> logoutRedirects = new ArrayList<>();
        for (String base : appBaseUrls) {
            redirects.add(base + "/*");
            logoutRedirects.add(base + "/*");
        }
        logoutRedirects.add(commune.websiteUrl());
        client.setRootUrl(appBaseUrls.get(0));
        client.setBaseUrl(appBaseUrls.get(0));
        client.setRedirectUris(redirects);
        client.setWebOrigins(appBaseUrls);
        Map<String, String> attributes = new LinkedHashMap<>(client.getAttributes() == null ? Map.of() : client.getAttributes());
        attributes.put("post.logout.redirect.uris", String.join("##", logoutRedirects));
        client.setAttributes(attributes);
    }

    private Optional<RealmRepresentation> findRealm(String realmName) {
        try {
            return Optional.of(keycloak.realm(realmName).toRepresentation());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
