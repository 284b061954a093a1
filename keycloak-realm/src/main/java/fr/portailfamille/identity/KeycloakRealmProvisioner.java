package fr.portailfamille.identity;

import com.fasterxml.jackson.core.type.TypeReference;
import fr.portailfamille.archive.ArchivedUser;
import fr.portailfamille.archive.RealmAccounts;
import fr.portailfamille.tenancy.Commune;
import fr.portailfamille.tenancy.CommuneProvisioner;
import fr.portailfamille.tenancy.RealmProvisioner;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.PartialImportRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RequiredActionProviderRepresentation;
import org.keycloak.representations.idm.RequiredActionProviderSimpleRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import static fr.portailfamille.identity.KeycloakAdminHttp.enc;

/**
 * Creates and maintains communes' realms through Keycloak's admin REST API ({@link KeycloakAdminHttp}: plain
 * HTTP, so the same code runs in the platform, the run command and the tests); reads a realm's accounts for a
 * commune's archive and re-creates them, with their ids, in the realm of the commune the archive is imported into.
 */
public class KeycloakRealmProvisioner implements RealmProvisioner, RealmAccounts {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final TypeReference<List<ClientRepresentation>> CLIENTS = new TypeReference<>() { };
    private static final TypeReference<List<RoleRepresentation>> ROLES = new TypeReference<>() { };
    private static final TypeReference<List<UserRepresentation>> USERS = new TypeReference<>() { };
    private static final TypeReference<List<GroupRepresentation>> GROUPS = new TypeReference<>() { };
    private static final TypeReference<List<ProtocolMapperRepresentation>> MAPPERS = new TypeReference<>() { };
    private static final TypeReference<List<RequiredActionProviderRepresentation>> ACTIONS = new TypeReference<>() { };

    private final KeycloakAdminHttp keycloak;
    private final SmtpSettings smtp;

    public KeycloakRealmProvisioner(KeycloakAdminHttp keycloak, SmtpSettings smtp) {
        this.keycloak = keycloak;
        this.smtp = smtp;
    }

    /** The admin API logged in to the master realm with the bootstrap admin. */
    public static KeycloakAdminHttp adminClient(String serverUrl, String user, String password) {
        return new KeycloakAdminHttp(serverUrl, user, password);
    }

    /** The realm template of the platform, as shipped in this module. */
    public static RealmRepresentation template() {
        try (InputStream in = KeycloakRealmProvisioner.class.getResourceAsStream("/realm/realm-template.json")) {
            return KeycloakAdminHttp.JSON.readValue(in, RealmRepresentation.class);
        } catch (IOException e) {
            throw new IllegalStateException("realm-template.json illisible", e);
        }
    }

    @Override
    public String ensureRealm(Commune commune, List<String> appBaseUrls) {
        String name = commune.realmName();
        Optional<RealmRepresentation> existing = findRealm(name);
        if (existing.isEmpty()) {
            RealmRepresentation realm = template();
            realm.setRealm(name);
            applyCommune(realm, commune);
            ClientRepresentation client = realm.getClients().get(0);
            client.setSecret(newSecret());
            applyUrls(client, commune, appBaseUrls);
            realm.setRequiredActions(null); // Keycloak registers its defaults; the template's are enabled below
            keycloak.post("", realm);
            addDefaultRole(name, "parent");
        } else {
            RealmRepresentation realm = existing.get();
            applyCommune(realm, commune);
            keycloak.put(realmPath(name), realm);
        }
        List<ClientRepresentation> found = clients(name, CommuneProvisioner.CLIENT_ID);
        if (found.isEmpty()) {
            ClientRepresentation client = template().getClients().get(0);
            client.setSecret(newSecret());
            applyUrls(client, commune, appBaseUrls);
            keycloak.post(realmPath(name) + "/clients", client);
            found = clients(name, CommuneProvisioner.CLIENT_ID);
        } else {
            ClientRepresentation client = found.get(0);
            applyUrls(client, commune, appBaseUrls);
            keycloak.put(clientPath(name, client.getId()), client);
        }
        String clientUuid = found.get(0).getId();
        addMissingClients(name);
        grantAccountManagement(name, clientUuid);
        disableDirectGrants(name);
        enableRequiredActions(name);
        return keycloak.get(clientPath(name, clientUuid) + "/client-secret", CredentialRepresentation.class).getValue();
    }

    /**
     * The roles of the realm's own {@code realm-management} client that the platform's service account holds:
     * {@code manage-users}, {@code view-users}, {@code query-users} to act on the commune's accounts (invite a
     * family created at the counter, delete the account of a family that withdraws its pending registration,
     * invite, disable and log out the commune's agents), and {@code view-realm}, the least Keycloak asks to read
     * the realm's roles: without it, {@code GET /roles/{name}} (the role to map to an agent) and
     * {@code GET /roles/{name}/users} (the agents holding a staff role) answer 403; mapping a realm role that is
     * no admin role needs {@code manage-users} only. {@code view-realm} reads the realm's settings, never
     * changes them, and gives no client secret (that is {@code view-clients}) nor any other realm.
     */
    static final List<String> SERVICE_ACCOUNT_ROLES = List.of("manage-users", "view-users", "query-users", "view-realm");

    /**
     * The platform's client acts, through its service account and only within its commune's realm, on
     * the commune's accounts ({@link #SERVICE_ACCOUNT_ROLES}); roles it already holds are left as they are.
     *
     * @return the roles that were added
     */
    private List<String> grantAccountManagement(String realm, String clientUuid) {
        UserRepresentation serviceAccount = keycloak.get(clientPath(realm, clientUuid) + "/service-account-user",
                UserRepresentation.class);
        String realmManagement = clients(realm, "realm-management").get(0).getId();
        String mapped = realmPath(realm) + "/users/" + serviceAccount.getId() + "/role-mappings/clients/" + realmManagement;
        Set<String> held = new HashSet<>();
        keycloak.get(mapped, ROLES).forEach(r -> held.add(r.getName()));
        List<RoleRepresentation> roles = new ArrayList<>();
        for (String role : SERVICE_ACCOUNT_ROLES) {
            if (!held.contains(role)) {
                roles.add(keycloak.get(clientPath(realm, realmManagement) + "/roles/" + enc(role), RoleRepresentation.class));
            }
        }
        if (!roles.isEmpty()) {
            keycloak.post(mapped, roles);
        }
        return roles.stream().map(RoleRepresentation::getName).toList();
    }

    /**
     * Brings an existing commune realm up to the template's protections (called at start and upgrade,
     * and by {@link #ensureRealm}): every realm role of the template exists (a realm created before a role
     * was added, such as {@code regisseur} or {@code admin-commune}, gets it), the platform's service account holds
     * {@link #SERVICE_ACCOUNT_ROLES} (a realm created before the agents' management lacks {@code view-realm}), the
     * template's clients exist (a realm created before the families' applications' public client gets it:
     * {@link #addMissingClients}), the template's required actions are enabled (the
     * application-initiated {@code UPDATE_EMAIL} of Mon profil: Keycloak 26 registers it disabled), the template's
     * clients have its protocol mappers (a realm created before the {@code groups} claim gets it: agents' services),
     * no client of the realm accepts password grants,
     * Keycloak's own {@code admin-cli} included, so that the token endpoint is no password oracle, and the platform's
     * client sends a browser back to the portal's own return paths only ({@link #narrowUrls}).
     *
     * The realm's mail settings follow the platform's relay ({@link #alignMail}).
     *
     * @return the client ids that were changed, and {@value #MAIL_SETTINGS} when the realm's mail settings were
     */
    /** What {@link #harden} reports when it brought a realm's mail settings to the platform's. */
    public static final String MAIL_SETTINGS = "smtp";

    public List<String> harden(String realmName) {
        addMissingRoles(realmName);
        List<String> created = addMissingClients(realmName);
        // a realm provisioned before the agents' management (issue 13) lacks view-realm for its service account
        for (ClientRepresentation client : clients(realmName, CommuneProvisioner.CLIENT_ID)) {
            if (Boolean.TRUE.equals(client.isServiceAccountsEnabled())) {
                grantAccountManagement(realmName, client.getId());
            }
        }
        enableRequiredActions(realmName);
        addMissingMappers(realmName);
        List<String> changed = new ArrayList<>(created);
        disableDirectGrants(realmName).stream().filter(c -> !changed.contains(c)).forEach(changed::add);
        if (alignMail(realmName)) {
            changed.add(MAIL_SETTINGS);
        }
        for (ClientRepresentation client : clients(realmName, CommuneProvisioner.CLIENT_ID)) {
            if (narrowUrls(client)) {
                keycloak.put(clientPath(realmName, client.getId()), client);
                if (!changed.contains(client.getClientId())) {
                    changed.add(client.getClientId());
                }
            }
        }
        return changed;
    }

    /**
     * A client made before the exact return paths ({@link #applyUrls}) sent a browser back to any page of the portal:
     * each of its {@code <base>/*} redirect URIs becomes that base's {@link RealmProvisioner#RETURN_PATHS}, each base
     * kept as it was (its scheme, host and port: the realm knows them, a start does not), and its post-logout wildcards
     * go (the commune's website stays).
     *
     * @return whether the client changed
     */
    static boolean narrowUrls(ClientRepresentation client) {
        boolean changed = false;
        Set<String> redirects = new LinkedHashSet<>();
        for (String uri : client.getRedirectUris() == null ? List.<String>of() : client.getRedirectUris()) {
            if (uri.endsWith("/*")) {
                for (String path : RealmProvisioner.RETURN_PATHS) {
                    redirects.add(uri.substring(0, uri.length() - 2) + path);
                }
                changed = true;
            } else {
                redirects.add(uri);
            }
        }
        Map<String, String> attributes = new LinkedHashMap<>(client.getAttributes() == null ? Map.of() : client.getAttributes());
        String logout = attributes.getOrDefault("post.logout.redirect.uris", "");
        List<String> kept = java.util.Arrays.stream(logout.split("##")).filter(u -> !u.isBlank() && !u.endsWith("/*")).toList();
        if (!String.join("##", kept).equals(logout)) {
            attributes.put("post.logout.redirect.uris", String.join("##", kept));
            changed = true;
        }
        if (changed) {
            client.setRedirectUris(new ArrayList<>(redirects));
            client.setAttributes(attributes);
        }
        return changed;
    }

    /**
     * Enables every required action the template lists ({@code UPDATE_EMAIL}: with it, Keycloak's update-email
     * feature — on by default in Keycloak 26 — applies to the realm, and with {@code verifyEmail} the new address
     * is confirmed by mail before it replaces the old one), registering it first if Keycloak has not.
     *
     * @return the aliases that were changed
     */
    List<String> enableRequiredActions(String realm) {
        String actions = realmPath(realm) + "/authentication/required-actions";
        List<String> changed = new ArrayList<>();
        for (RequiredActionProviderRepresentation wanted : template().getRequiredActions()) {
            RequiredActionProviderRepresentation present = keycloak.get(actions, ACTIONS).stream()
                    .filter(a -> wanted.getAlias().equals(a.getAlias())).findFirst().orElse(null);
            if (present == null) {
                RequiredActionProviderSimpleRepresentation register = new RequiredActionProviderSimpleRepresentation();
                register.setProviderId(wanted.getProviderId());
                register.setName(wanted.getName());
                keycloak.post(realmPath(realm) + "/authentication/register-required-action", register);
                present = keycloak.get(actions + "/" + enc(wanted.getAlias()), RequiredActionProviderRepresentation.class);
            }
            if (!present.isEnabled()) {
                present.setEnabled(true);
                keycloak.put(actions + "/" + enc(present.getAlias()), present);
                changed.add(present.getAlias());
            }
        }
        return changed;
    }

    /**
     * Creates the template's clients a realm lacks, as the template declares them: a realm made before the families'
     * applications' client ({@link CommuneProvisioner#APP_CLIENT_ID}) gets it at the next start or upgrade. The
     * platform's own client is {@link #ensureRealm}'s (its secret and URLs are the commune's); a client present is left
     * as it is (its mappers are {@link #addMissingMappers}').
     *
     * @return the client ids that were created
     */
    private List<String> addMissingClients(String realm) {
        List<String> created = new ArrayList<>();
        for (ClientRepresentation wanted : template().getClients()) {
            if (!wanted.getClientId().equals(CommuneProvisioner.CLIENT_ID) && clients(realm, wanted.getClientId()).isEmpty()) {
                keycloak.post(realmPath(realm) + "/clients", wanted);
                created.add(wanted.getClientId());
            }
        }
        return created;
    }

    private void addMissingMappers(String realm) {
        for (ClientRepresentation wanted : template().getClients()) {
            if (wanted.getProtocolMappers() == null) {
                continue;
            }
            for (ClientRepresentation client : clients(realm, wanted.getClientId())) {
                String mappers = clientPath(realm, client.getId()) + "/protocol-mappers/models";
                Set<String> present = new HashSet<>();
                keycloak.get(mappers, MAPPERS).forEach(m -> present.add(m.getName()));
                for (ProtocolMapperRepresentation mapper : wanted.getProtocolMappers()) {
                    if (!present.contains(mapper.getName())) {
                        keycloak.post(mappers, mapper);
                    }
                }
            }
        }
    }

    private void addMissingRoles(String realm) {
        Set<String> present = new HashSet<>();
        keycloak.get(realmPath(realm) + "/roles", ROLES).forEach(r -> present.add(r.getName()));
        for (RoleRepresentation role : template().getRoles().getRealm()) {
            if (!present.contains(role.getName())) {
                keycloak.post(realmPath(realm) + "/roles", role);
            }
        }
    }

    private List<String> disableDirectGrants(String realm) {
        List<String> changed = new ArrayList<>();
        for (ClientRepresentation client : keycloak.get(realmPath(realm) + "/clients", CLIENTS)) {
            if (Boolean.TRUE.equals(client.isDirectAccessGrantsEnabled())) {
                client.setDirectAccessGrantsEnabled(false);
                keycloak.put(clientPath(realm, client.getId()), client);
                changed.add(client.getClientId());
            }
        }
        return changed;
    }

    @Override
    public void setRealmEnabled(String realmName, boolean enabled) {
        RealmRepresentation realm = keycloak.get(realmPath(realmName), RealmRepresentation.class);
        if (!Boolean.valueOf(enabled).equals(realm.isEnabled())) {
            realm.setEnabled(enabled);
            keycloak.put(realmPath(realmName), realm);
        }
    }

    @Override
    public void deleteRealm(String realmName) {
        keycloak.delete(realmPath(realmName), null);
    }

    /** Whether the realm exists and accepts logins; empty when it does not exist. */
    public Optional<Boolean> realmEnabled(String realmName) {
        return findRealm(realmName).map(r -> Boolean.TRUE.equals(r.isEnabled()));
    }

    /** Every account of the realm but service accounts: identity, realm roles (default ones left out), required actions. */
    @Override
    public List<ArchivedUser> read(String realmName) {
        String users = realmPath(realmName) + "/users";
        List<ArchivedUser> found = new ArrayList<>();
        int first = 0;
        List<UserRepresentation> page;
        do {
            page = keycloak.get(users + "?first=" + first + "&max=100", USERS);
            for (UserRepresentation u : page) {
                if (u.getServiceAccountClientId() != null || u.getUsername().startsWith("service-account-")) {
                    continue;
                }
                List<String> roles = keycloak.get(users + "/" + u.getId() + "/role-mappings/realm", ROLES).stream()
                        .map(RoleRepresentation::getName).filter(r -> !r.startsWith("default-roles-")).sorted().toList();
                List<String> groups = keycloak.get(users + "/" + u.getId() + "/groups", GROUPS).stream()
                        .map(GroupRepresentation::getPath).sorted().toList();
                found.add(new ArchivedUser(u.getId(), u.getUsername(), u.getEmail(), u.getFirstName(), u.getLastName(),
                        Boolean.TRUE.equals(u.isEnabled()), Boolean.TRUE.equals(u.isEmailVerified()), roles,
                        u.getRequiredActions(), groups));
            }
            first += page.size();
        } while (page.size() == 100);
        return found;
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
        Set<String> known = new HashSet<>();
        keycloak.get(realmPath(realmName) + "/roles", ROLES).forEach(r -> known.add(r.getName()));
        String importPath = realmPath(realmName) + "/partialImport";
        try {
            keycloak.post(importPath, partialImport(realmName, archived, known, true));
            return Map.of();
        } catch (KeycloakAdminHttp.Failure e) {
            if (e.status() != 409) {
                throw new IllegalStateException("Import des comptes dans " + realmName + " refusé : " + e.getMessage(), e);
            }
        }
        keycloak.post(importPath, partialImport(realmName, archived, known, false));
        Map<String, String> newIds = new LinkedHashMap<>();
        for (ArchivedUser a : archived) {
            String id = keycloak.get(realmPath(realmName) + "/users?exact=true&username=" + enc(a.username()), USERS)
                    .stream().findFirst().map(UserRepresentation::getId)
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
            u.setGroups(a.groups());
            users.add(u);
        }
        PartialImportRepresentation rep = new PartialImportRepresentation();
        rep.setIfResourceExists(PartialImportRepresentation.Policy.SKIP.name());
        rep.setGroups(groupTree(archived.stream().flatMap(a -> a.groups().stream()).collect(java.util.stream.Collectors.toSet())));
        rep.setUsers(users);
        return rep;
    }

    /** The groups of {@code paths} ("/a", "/a/b"), each with its parents, as the partial import creates them. */
    static List<GroupRepresentation> groupTree(Set<String> paths) {
        Map<String, GroupRepresentation> byPath = new LinkedHashMap<>();
        List<GroupRepresentation> top = new ArrayList<>();
        for (String path : new java.util.TreeSet<>(paths)) {
            String[] names = path.replaceFirst("^/", "").split("/");
            StringBuilder at = new StringBuilder();
            GroupRepresentation parent = null;
            for (String name : names) {
                if (name.isEmpty()) {
                    continue;
                }
                at.append('/').append(name);
                GroupRepresentation g = byPath.get(at.toString());
                if (g == null) {
                    g = new GroupRepresentation();
                    g.setName(name);
                    g.setPath(at.toString());
                    g.setSubGroups(new ArrayList<>());
                    byPath.put(at.toString(), g);
                    if (parent == null) {
                        top.add(g);
                    } else {
                        parent.getSubGroups().add(g);
                    }
                }
                parent = g;
            }
        }
        return top;
    }

    /** Ends every Keycloak session of the user with {@code email} ("sign out everywhere"; tests of the portal's sessions). */
    public void signOutEverywhere(String realmName, String email) {
        String users = realmPath(realmName) + "/users";
        for (UserRepresentation u : keycloak.get(users + "?exact=true&email=" + enc(email), USERS)) {
            keycloak.post(users + "/" + u.getId() + "/logout", null);
        }
    }

    /** Creates a user with a role and a password (demo accounts, counter-created accounts in tests). */
    public String createUser(String realmName, String email, String firstName, String lastName, String password,
                             String role) {
        String users = realmPath(realmName) + "/users";
        List<UserRepresentation> same = keycloak.get(users + "?exact=true&email=" + enc(email), USERS);
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
            id = keycloak.post(users, user);
        }
        RoleRepresentation roleRep = keycloak.get(realmPath(realmName) + "/roles/" + enc(role), RoleRepresentation.class);
        keycloak.post(users + "/" + id + "/role-mappings/realm", List.of(roleRep));
        return id;
    }

    private void addDefaultRole(String realmName, String role) {
        RoleRepresentation roleRep = keycloak.get(realmPath(realmName) + "/roles/" + enc(role), RoleRepresentation.class);
        keycloak.post(realmPath(realmName) + "/roles/" + enc("default-roles-" + realmName) + "/composites",
                List.of(roleRep));
    }

    private List<ClientRepresentation> clients(String realm, String clientId) {
        return keycloak.get(realmPath(realm) + "/clients?clientId=" + enc(clientId), CLIENTS);
    }

    private static String realmPath(String realm) {
        return "/" + enc(realm);
    }

    private static String clientPath(String realm, String clientUuid) {
        return realmPath(realm) + "/clients/" + clientUuid;
    }

    private void applyCommune(RealmRepresentation realm, Commune commune) {
        applyMailSettings(realm, template());
        realm.setDisplayName(commune.name());
        realm.setDisplayNameHtml(escape(commune.name()));
        realm.setSmtpServer(smtpServer(commune.name()));
    }

    /** How the realm sends its mails: through the platform's relay, in the commune's name. */
    private Map<String, String> smtpServer(String fromDisplayName) {
        Map<String, String> server = new LinkedHashMap<>();
        server.put("host", smtp.host());
        server.put("port", Integer.toString(smtp.port()));
        server.put("from", smtp.fromAddress());
        server.put("fromDisplayName", fromDisplayName);
        smtpSecurity(server, smtp);
        return server;
    }

    /**
     * The realm's mail settings brought to the platform's own (the relay's host, port, TLS or account changed in the
     * chart since the realm was made, its password rotated: a realm keeps what it was given at onboarding) and to the
     * template's mail theme and link lifetimes. Written at each upgrade, since a password cannot be read back to
     * compare; reported when what can be read differed.
     *
     * @return whether the realm's readable mail settings changed
     */
    private boolean alignMail(String realmName) {
        RealmRepresentation realm = findRealm(realmName)
                .orElseThrow(() -> new IllegalStateException("Royaume introuvable : " + realmName));
        Map<String, String> before = realm.getSmtpServer() == null ? Map.of() : Map.copyOf(realm.getSmtpServer());
        List<Object> lifetimes = java.util.Arrays.asList(realm.getEmailTheme(),
                realm.getActionTokenGeneratedByUserLifespan(), realm.getActionTokenGeneratedByAdminLifespan());
        Map<String, String> server = smtpServer(before.getOrDefault("fromDisplayName", realm.getDisplayName()));
        realm.setSmtpServer(server);
        applyMailSettings(realm, template());
        boolean changed = !lifetimes.equals(java.util.Arrays.asList(realm.getEmailTheme(),
                realm.getActionTokenGeneratedByUserLifespan(), realm.getActionTokenGeneratedByAdminLifespan()));
        for (Map.Entry<String, String> e : server.entrySet()) {
            if (!"password".equals(e.getKey()) && !e.getValue().equals(before.get(e.getKey()))) {
                changed = true;
            }
        }
        keycloak.put(realmPath(realmName), realm);
        return changed;
    }

    /** How the realm reaches the relay: STARTTLS as configured, its account when it has one. */
    static void smtpSecurity(Map<String, String> server, SmtpSettings smtp) {
        server.put("ssl", "false");
        server.put("starttls", Boolean.toString(smtp.starttls()));
        server.put("auth", Boolean.toString(smtp.authenticated()));
        if (smtp.authenticated()) {
            server.put("user", smtp.user());
            server.put("password", smtp.password() == null ? "" : smtp.password());
        }
    }

    /**
     * The template's mail settings, also on realms created before them (applied at each upgrade, {@link #alignMail}): the
     * e-mail theme (mails in the commune's name) and how long mailed links last (24 h for a link a
     * family asked for, 7 days for a counter invitation).
     */
    static void applyMailSettings(RealmRepresentation realm, RealmRepresentation template) {
        realm.setEmailTheme(template.getEmailTheme());
        realm.setActionTokenGeneratedByUserLifespan(template.getActionTokenGeneratedByUserLifespan());
        realm.setActionTokenGeneratedByAdminLifespan(template.getActionTokenGeneratedByAdminLifespan());
    }

    /**
     * The client's addresses, set when the realm is made (a realm made before them is narrowed by {@link #harden} at
     * each upgrade — the upgrade step, {@code RealmMaintenance} — and each start of the run command, {@link #narrowUrls}):
     * each base URL's {@link RealmProvisioner#RETURN_PATHS} exactly, no wildcard, and after a logout the commune's
     * website only (where "Se déconnecter" leads).
     */
    static void applyUrls(ClientRepresentation client, Commune commune, List<String> appBaseUrls) {
        List<String> redirects = new ArrayList<>();
        for (String base : appBaseUrls) {
            for (String path : RealmProvisioner.RETURN_PATHS) {
                redirects.add(base + path);
            }
        }
        List<String> logoutRedirects = List.of(commune.websiteUrl());
        client.setRootUrl(appBaseUrls.get(0));
        client.setBaseUrl(appBaseUrls.get(0));
        client.setRedirectUris(redirects);
        client.setWebOrigins(appBaseUrls);
        Map<String, String> attributes = new LinkedHashMap<>(client.getAttributes() == null ? Map.of() : client.getAttributes());
        attributes.put("post.logout.redirect.uris", String.join("##", logoutRedirects));
        client.setAttributes(attributes);
    }

    private Optional<RealmRepresentation> findRealm(String realmName) {
        return keycloak.find(realmPath(realmName), RealmRepresentation.class);
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
