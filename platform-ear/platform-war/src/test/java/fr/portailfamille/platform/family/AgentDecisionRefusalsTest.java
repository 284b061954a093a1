package fr.portailfamille.platform.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.tenancy.TenantContext;
import fr.portailfamille.tenancy.Commune;
import fr.portailfamille.tenancy.CommuneStatus;
import jakarta.persistence.EntityManager;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * What an agent meets in normal use — a file or request another agent already decided, a second click, a form left
 * open in another tab, a file whose account was deleted meanwhile — is a {@link Refused}: the same French as before,
 * English on an English page. The services run on an entity manager that only finds the one entity given.
 */
class AgentDecisionRefusalsTest {

    static final Commune ALPHA = new Commune(1, "alpha", "Alpha", CommuneStatus.ACTIVE, "commune_alpha", "alpha",
            null, null, "portail", "secret", List.of(), null);
    static final SignedInUser AGENT = new SignedInUser("alpha", UUID.randomUUID().toString(), "Agent Alpha",
            "agent@alpha.test", true, List.of("agent"), null);

    /** An entity manager whose {@code find} answers {@code found} (when of the class asked), nothing else. */
    static EntityManager finding(Object found) {
        return (EntityManager) Proxy.newProxyInstance(EntityManager.class.getClassLoader(),
                new Class<?>[] {EntityManager.class}, (proxy, method, args) -> {
                    if (method.getName().equals("find")) {
                        return found != null && ((Class<?>) args[0]).isInstance(found) ? found : null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    static <T> T inAlpha(Callable<T> work) throws Exception {
        return TenantContext.call(ALPHA, work);
    }

    static Refused refused(Callable<?> work) {
        return assertThrows(Refused.class, () -> inAlpha(work));
    }

    static void reads(String french, String english, Refused e) {
        assertEquals(french, e.getMessage());
        assertEquals(french, e.text().french());
        assertEquals(english, e.text().in(Locale.ENGLISH));
    }

    @Test
    void aChangeRequestAlreadyDecidedOrGoneIsRefusedInThePagesLanguage() {
        ChangeRequest decided = new ChangeRequest(new Family("Famille Martin", "m@alpha.test"), ChangeRequest.Type.ADRESSE,
                "{}", "{}");
        decided.decide(ChangeRequest.Status.ACCEPTED, "other@alpha.test", null);
        ChangeRequestDesk desk = new ChangeRequestDesk();
        desk.em = finding(decided);
        reads("Cette demande a déjà été traitée.", "This request has already been dealt with.", refused(() -> {
            desk.accept(AGENT, 12);
            return null;
        }));
        reads("Cette demande a déjà été traitée.", "This request has already been dealt with.",
                refused(() -> desk.refuse(AGENT, 12, "Justificatif manquant")));
        desk.em = finding(null);
        reads("Demande introuvable", "Request not found", refused(() -> {
            desk.accept(AGENT, 12);
            return null;
        }));
    }

    @Test
    void aFileNoLongerWaitingOrGoneIsRefusedInThePagesLanguage() {
        Family validated = new Family("Famille Martin", "m@alpha.test");
        validated.setStatus(FamilyStatus.VALIDATED);
        FamilyDesk desk = new FamilyDesk();
        desk.em = finding(validated);
        reads("Ce dossier n'attend pas de validation.", "This file is not awaiting approval.", refused(() -> {
            desk.validate(AGENT, 7);
            return null;
        }));
        desk.em = finding(null);
        reads("Dossier introuvable", "File not found", refused(() -> {
            desk.validate(AGENT, 7);
            return null;
        }));
        reads("Dossier introuvable", "File not found", refused(() -> desk.refuseFile(AGENT, 7, "Pièce manquante", "http://x")));
    }

    @Test
    void aFormOpenedOnAnotherFileSavesNothingAndSaysSoInThePagesLanguage() {
        AgentFileEditor editor = new AgentFileEditor();
        editor.em = finding(new Family("Famille Martin", "m@alpha.test"));
        FamilyForm openedOnAnother = new FamilyForm();
        openedOnAnother.setFamilyId(8L);
        reads("Ce formulaire a été ouvert sur un autre dossier : rien n'est enregistré. Rouvrez le dossier à modifier.",
                "This form was opened on another file: nothing was saved. Open the file to change again.",
                refused(() -> editor.update(AGENT, 7, openedOnAnother)));
        editor.em = finding(null);
        reads("Dossier introuvable", "File not found", refused(() -> editor.update(AGENT, 7, openedOnAnother)));
        reads("Dossier introuvable", "File not found", refused(() -> {
            editor.setResidency(AGENT, 7, Boolean.TRUE);
            return null;
        }));
    }
}
