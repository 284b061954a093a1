package fr.portailfamille.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.it.support.Browser;
import fr.portailfamille.it.support.StackLauncher;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.openqa.selenium.By;

/**
 * The walk of "Agents de la commune" in Chromium: alpha's administrator invites an agent (a missing name refused next to
 * its field first), who follows Keycloak's mail, chooses a password and signs in to the staff area with exactly the
 * granted roles; the administrator disables another agent after a confirmation and that agent can no longer sign in.
 * A non-administrator agent gets 403 on the page, its posts too; alpha's administrator's cookies on beta's Host get no
 * page. An agent's open session follows its administrator at once: agent-sante removed, its next request reads no
 * health data; disabled, its next request lands on the login page; enabled again, it signs in again. axe-core on the
 * list, the form with an error and the confirmation; the page at 360 px.
 */
@ExtendWith(ArquillianExtension.class)
class StaffAccountsWalkIT {

    static final String BASE = StackLauncher.url(StackLauncher.ALPHA);
    static final String PAGE = "/agent/agents.xhtml";
    static final Pattern LINK = Pattern.compile(
            "(http://localhost:\\d+/realms/pf-alpha/login-actions/action-token\\?key=[A-Za-z0-9._\\-]+[^\\s\"<\\\\]*)");

    @Deployment
    static WebArchive deployment() {
        return Deployments.inContainerWar();
    }

    static RealmResource alpha() {
        return StackLauncher.stack().keycloakAdmin().realm("pf-alpha");
    }

    @Test
    @RunAsClient
    void theAdministratorInvitesAnAgentWhoChoosesAPasswordAndSignsInWithTheGrantedRoles() throws Exception {
        String s = UUID.randomUUID().toString().substring(0, 8);
        String email = "recrue-" + s + "@alpha.test";
        List<String> wide = new ArrayList<>();
        try (Browser a = new Browser()) {
            ActivitiesWalkIT.signIn(a, PAGE, StackLauncher.admin(StackLauncher.ALPHA), StackLauncher.PASSWORD_AGENT);
            a.await(By.id("list:table"));
            assertTrue(a.await(By.id("menu-agents")).getAttribute("aria-current") != null, "entrée du menu, page courante");
            assertTrue(text(a, "list:table").contains("admin@alpha.test"), text(a, "list:table"));
            assertEquals("", a.accessibilityViolations(), "axe-core, agent/agents");

            // a missing first name: refused next to its field, the address kept
            Browser.type(a, "invite:email", email);
            Browser.type(a, "invite:lastName", "Recrue");
            a.driver.findElement(By.cssSelector("input[name='invite:roles'][value='agent-sante']")).click();
            a.submit(By.id("invite:send"));
            assertEquals("Le prénom de l'agent est obligatoire.", text(a, "invite:firstName_msg"));
            assertEquals(email, a.await(By.id("invite:email")).getAttribute("value"));
            assertTrue(a.driver.findElement(By.cssSelector("input[name='invite:roles'][value='agent-sante']")).isSelected());
            assertTrue(a.driver.findElement(By.cssSelector("input[name='invite:roles'][value='agent']")).isSelected(),
                    "agent toujours coché");
            assertEquals("", a.accessibilityViolations(), "axe-core, agent/agents avec une erreur");

            Browser.type(a, "invite:firstName", "Camille");
            a.submit(By.id("invite:send"));
            assertTrue(a.await(By.cssSelector("#summary .pf-info")).getText().contains("Invitation envoyée à " + email),
                    a::snapshot);
            String table = text(a, "list:table");
            assertTrue(table.contains(email) && table.contains("Invitation envoyée"), table);
            assertTrue(text(a, "journal:history").contains(email), text(a, "journal:history"));

            InputsWebIT.phone(a);
            a.get(BASE + PAGE);
            a.await(By.id("list:table"));
            InputsWebIT.check(a, "agents", wide);
            a.driver.executeScript("document.getElementById('list-title').scrollIntoView({block: 'start'});");
            Browser.screenshot(a, "360-agents-liste");
            a.driver.executeScript("document.getElementById('invite').scrollIntoView({block: 'start'});");
            Browser.screenshot(a, "360-agents-invitation");
            a.desktop();
        }
        assertEquals(List.of(), wide, "rien ne dépasse 360 px");

        // Keycloak holds exactly the granted realm roles, no client role, and the two required actions
        UserRepresentation user = alpha().users().searchByEmail(email, true).get(0);
        assertEquals(Set.of("UPDATE_PASSWORD", "VERIFY_EMAIL"), new HashSet<>(user.getRequiredActions()));
        assertFalse(Boolean.TRUE.equals(user.isEmailVerified()));
        Set<String> roles = new HashSet<>();
        for (RoleRepresentation r : alpha().users().get(user.getId()).roles().realmLevel().listAll()) {
            if (!r.getName().startsWith("default-roles-")) {
                roles.add(r.getName());
            }
        }
        assertEquals(Set.of("agent", "agent-sante"), roles);
        assertTrue(alpha().users().get(user.getId()).roles().getAll().getClientMappings() == null
                || alpha().users().get(user.getId()).roles().getAll().getClientMappings().isEmpty(), "aucun rôle de client");

        // the agent follows the mail, chooses a password, signs in to the staff area (no administrator's menu)
        Matcher m = LINK.matcher(fr.portailfamille.it.support.Mails.await(email, mails -> LINK.matcher(mails).find()));
        assertTrue(m.find());
        try (Browser n = new Browser()) {
            n.get(m.group(1).replace("&amp;", "&"));
            // Keycloak's "actions to perform" page, then its password form; the link was once followed back to the
            // same page in CI (its auth session not yet there): it is followed again, three times at most
            for (int tries = 0; tries < 3 && n.driver.findElements(By.id("password-new")).isEmpty(); tries++) {
                List<org.openqa.selenium.WebElement> proceed = n.driver.findElements(By.cssSelector("a[href*='login-actions']"));
                if (proceed.isEmpty()) {
                    break;
                }
                proceed.get(0).click();
                try {
                    new org.openqa.selenium.support.ui.WebDriverWait(n.driver, java.time.Duration.ofSeconds(10))
                            .until(d -> !d.findElements(By.id("password-new")).isEmpty());
                } catch (org.openqa.selenium.TimeoutException stillThere) {
                    // the same page again: follow its link once more
                }
            }
            n.await(By.id("password-new")).sendKeys("Recrue2026");
            n.driver.findElement(By.id("password-confirm")).sendKeys("Recrue2026");
            n.submit(By.cssSelector("#kc-passwd-update-form [type=submit]"));
            n.get(BASE + "/agent/index.xhtml");
            if (!n.driver.getCurrentUrl().startsWith(BASE)) {
                n.signIn(email, "Recrue2026");
                n.awaitUrlStartingWith(BASE + "/agent/index.xhtml");
            }
            n.await(By.id("menu-familles"));
            assertTrue(n.driver.findElements(By.id("menu-agents")).isEmpty(), "pas d'entrée Agents pour un non-administrateur");
            String cookies = DocumentsWalk.cookies(n);
            assertEquals(403, ActivitiesWalkIT.download(PAGE, cookies).statusCode());
        }
        UserRepresentation done = alpha().users().get(user.getId()).toRepresentation();
        assertTrue(done.getRequiredActions() == null || done.getRequiredActions().isEmpty(), done.getRequiredActions() + "");
        assertTrue(done.isEmailVerified(), "adresse confirmée par le lien");
    }

    @Test
    @RunAsClient
    void aDisabledAgentCanNoLongerSignIn() throws Exception {
        String s = UUID.randomUUID().toString().substring(0, 8);
        String email = "depart-" + s + "@alpha.test";
        StackLauncher.stack().realmProvisioner().createUser("pf-alpha", email, "Morgan", "Depart-" + s,
                StackLauncher.PASSWORD_AGENT, "agent");
        try (Browser x = new Browser()) {
            ActivitiesWalkIT.signIn(x, "/agent/index.xhtml", email, StackLauncher.PASSWORD_AGENT);
            x.await(By.id("menu-familles"));
        }
        try (Browser a = new Browser()) {
            ActivitiesWalkIT.signIn(a, PAGE, StackLauncher.admin(StackLauncher.ALPHA), StackLauncher.PASSWORD_AGENT);
            a.await(By.id("list:table"));
            String row = "//tr[contains(., '" + email + "')]";
            assertTrue(a.driver.findElements(By.xpath("//tr[contains(., 'admin@alpha.test')]//input[contains(@id, ':disable')]"))
                    .isEmpty(), "pas de bouton Désactiver sur soi-même");
            a.submit(By.xpath(row + "//input[contains(@id, ':disable')]"));
            assertTrue(text(a, "confirm-text").contains("Morgan Depart-" + s), text(a, "confirm-text"));
            assertEquals("", a.accessibilityViolations(), "axe-core, confirmation de la désactivation");
            InputsWebIT.phone(a);
            a.driver.executeScript("document.getElementById('confirm-text').scrollIntoView({block: 'center'});");
            Browser.screenshot(a, "360-agents-confirmation");
            a.desktop();
            a.submit(By.id("confirm:yes"));
            assertTrue(a.await(By.cssSelector("#summary .pf-info")).getText().contains("désactivé"), a::snapshot);
            assertTrue(a.await(By.xpath(row)).getText().contains("Désactivé"), a.await(By.xpath(row)).getText());
            assertTrue(text(a, "journal:history").contains("Compte désactivé"), text(a, "journal:history"));
        }
        UserRepresentation user = alpha().users().searchByEmail(email, true).get(0);
        assertFalse(user.isEnabled());
        assertEquals(0, alpha().users().get(user.getId()).getUserSessions().size(), "sessions Keycloak fermées");
        try (Browser y = new Browser()) {
            y.get(BASE + "/agent/index.xhtml");
            y.signIn(email, StackLauncher.PASSWORD_AGENT);
            y.waiting().until(d -> d.getPageSource().contains("Votre compte est désactivé")
                    || d.getCurrentUrl().startsWith(BASE + "/agent"));
            assertFalse(y.driver.getCurrentUrl().startsWith(BASE), "refusé par Keycloak : " + y.driver.getCurrentUrl());
        }
    }

    @Test
    @RunAsClient
    void anAgentsOpenSessionFollowsItsAdministrator() throws Exception {
        String s = UUID.randomUUID().toString().substring(0, 8);
        String email = "infirmiere-" + s + "@alpha.test";
        StackLauncher.stack().realmProvisioner().createUser("pf-alpha", email, "Noa", "Infirmiere-" + s,
                StackLauncher.PASSWORD_AGENT, "agent");
        StackLauncher.stack().realmProvisioner().createUser("pf-alpha", email, "Noa", "Infirmiere-" + s,
                StackLauncher.PASSWORD_AGENT, "agent-sante");
        String row = "//tr[contains(., '" + email + "')]";
        try (Browser x = new Browser(); Browser a = new Browser()) {
            ActivitiesWalkIT.signIn(x, "/agent/certificats.xhtml", email, StackLauncher.PASSWORD_AGENT);
            assertTrue(x.await(By.id("queue:table")).isDisplayed(), "agent-sante : la file des certificats");
            ActivitiesWalkIT.signIn(a, PAGE, StackLauncher.admin(StackLauncher.ALPHA), StackLauncher.PASSWORD_AGENT);

            // the administrator removes agent-sante: the agent's very next request reads no health data
            a.submit(By.xpath(row + "//input[contains(@id, ':edit')]"));
            a.await(By.cssSelector("input[name='roles:roles'][value='agent-sante']")).click();
            a.submit(By.id("roles:save"));
            a.await(By.cssSelector("#summary .pf-info"));
            assertFalse(a.await(By.xpath(row)).getText().contains("Agent santé"), a.await(By.xpath(row)).getText());
            x.get(BASE + "/agent/certificats.xhtml");
            assertTrue(x.await(By.id("certificates-health-only")).isDisplayed(), x::snapshot);
            assertTrue(x.driver.findElements(By.id("queue:table")).isEmpty());
            String cookies = DocumentsWalk.cookies(x);
            assertEquals(403, ActivitiesWalkIT.download("/agent/certificat?id=987654", cookies).statusCode(),
                    "le service refuse aussi : plus de rôle agent-sante dans la session");
            x.await(By.id("menu-familles")); // still signed in, as an agent

            // the administrator disables the agent: its next request lands signed out, on the login page
            a.get(BASE + PAGE);
            a.submit(By.xpath(row + "//input[contains(@id, ':disable')]"));
            a.submit(By.id("confirm:yes"));
            assertTrue(a.await(By.xpath(row)).getText().contains("Désactivé"), a.await(By.xpath(row)).getText());
            // a path the container serves as /agent/… is no style sheet: it gets no pass around the check either
            assertEquals(302, ActivitiesWalkIT.download("/jakarta.faces.resource/../agent/index.xhtml", cookies).statusCode(),
                    "le chemin est lu tel que le serveur le sert, pas tel qu'il est écrit");
            x.get(BASE + "/agent/familles.xhtml");
            x.await(By.id("username"));
            assertFalse(x.driver.getCurrentUrl().startsWith(BASE), "page de connexion : " + x.driver.getCurrentUrl());
            assertEquals(302, ActivitiesWalkIT.download("/agent/index.xhtml", cookies).statusCode(),
                    "l'ancienne session ne sert plus rien");

            // enabled again: the agent signs in again, with the roles it holds now
            a.get(BASE + PAGE);
            a.submit(By.xpath(row + "//input[contains(@id, ':enable')]"));
            assertTrue(a.await(By.xpath(row)).getText().contains("Actif"), a.await(By.xpath(row)).getText());
            String journal = text(a, "journal:history");
            assertTrue(journal.contains("Rôles modifiés") && journal.contains("Compte désactivé")
                    && journal.contains("Compte réactivé"), journal);
            x.signIn(email, StackLauncher.PASSWORD_AGENT);
            x.awaitUrlStartingWith(BASE + "/agent/familles.xhtml");
            x.get(BASE + "/agent/certificats.xhtml");
            assertTrue(x.await(By.id("certificates-health-only")).isDisplayed(), x::snapshot);
        }
    }

    /**
     * Signed out of Keycloak everywhere (a stolen password reset with "sign out other devices", an account disabled in
     * Keycloak itself): the portal session opened from it ends too, at its next request after the check's interval
     * (2 s in the tests: {@code pf.session.keycloak-check-seconds}), instead of living on for hours.
     */
    @Test
    @RunAsClient
    void aSessionEndedInKeycloakEndsThePortalSession() throws Exception {
        String email = "gardien-" + UUID.randomUUID().toString().substring(0, 8) + "@alpha.test";
        StackLauncher.stack().realmProvisioner().createUser("pf-alpha", email, "Sam", "Gardien",
                StackLauncher.PASSWORD_AGENT, "agent");
        try (Browser x = new Browser()) {
            ActivitiesWalkIT.signIn(x, "/agent/familles.xhtml", email, StackLauncher.PASSWORD_AGENT);
            x.await(By.id("menu-familles"));
            String cookies = DocumentsWalk.cookies(x);
            StackLauncher.stack().realmProvisioner().signOutEverywhere("pf-alpha", email);
            Thread.sleep(2_500);
            assertEquals(302, ActivitiesWalkIT.download("/agent/familles.xhtml", cookies).statusCode(),
                    "the portal session ended with Keycloak's");
            x.get(BASE + "/agent/familles.xhtml");
            x.await(By.id("username"));
            assertFalse(x.driver.getCurrentUrl().startsWith(BASE), "page de connexion : " + x.driver.getCurrentUrl());
        }
    }

    @Test
    @RunAsClient
    void aNonAdministratorGets403AndAlphasAdministratorGetsNothingOnBetasHost() throws Exception {
        String agent = NewsWalk.signedInCookies("/agent/index.xhtml", StackLauncher.agent(StackLauncher.ALPHA),
                StackLauncher.PASSWORD_AGENT);
        String alpha = PlatformWebIT.host(StackLauncher.ALPHA);
        assertEquals(403, PlatformWebIT.get(alpha, PAGE, Map.of("Cookie", agent)).statusCode());
        assertEquals(403, NewsIT.post(alpha, PAGE, agent, "invite=invite&invite%3Aemail=intrus%40alpha.test"
                + "&invite%3AfirstName=I&invite%3AlastName=N&invite%3Aroles=admin-commune&invite%3Asend=Envoyer").statusCode());
        assertTrue(alpha().users().searchByEmail("intrus@alpha.test", true).isEmpty());
        HttpResponse<String> menu = PlatformWebIT.get(alpha, "/agent/index.xhtml", Map.of("Cookie", agent));
        assertEquals(200, menu.statusCode());
        assertFalse(menu.body().contains("menu-agents"), "pas d'entrée Agents dans le menu d'un agent");

        String admin = NewsWalk.signedInCookies(PAGE, StackLauncher.admin(StackLauncher.ALPHA), StackLauncher.PASSWORD_AGENT);
        assertEquals(200, PlatformWebIT.get(alpha, PAGE, Map.of("Cookie", admin)).statusCode());
        HttpResponse<String> beta = PlatformWebIT.get(PlatformWebIT.host(StackLauncher.BETA), PAGE, Map.of("Cookie", admin));
        assertNotEquals(200, beta.statusCode());
        assertFalse(beta.body().contains("agent@beta.test") || beta.body().contains("admin@alpha.test"), beta.body());
    }

    static String text(Browser b, String id) {
        return b.await(By.id(id)).getText().replace('\u00a0', ' ');
    }
}
