package fr.portailfamille.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.messaging.BroadcastTarget.Kind;
import fr.portailfamille.problems.FieldError;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MessagingRulesTest {

    private static final List<String> ALL = List.of("enfance", "education", "regie");

    @Test
    void servicesAreCheckedAtTheirPaths() {
        assertTrue(MessagingRules.validate(MessagingRules.defaults()).isEmpty());
        assertEquals(List.of(
                new FieldError("services[0].email", "Adresse e-mail invalide : « pas-une-adresse »."),
                new FieldError("services[1].code", "Le code « enfance » est déjà utilisé par un autre service."),
                new FieldError("services[1].label", "Le nom du service est obligatoire."),
                new FieldError("services[2].code", "Le code « Régie » doit faire de 1 à 40 caractères parmi a-z, 0-9 et -.")),
                MessagingRules.validate(List.of(new InboxService("enfance", "Enfance", "pas-une-adresse"),
                        new InboxService("enfance", " ", null), new InboxService("Régie", "Régie", "regie@mairie.fr"))));
        assertEquals(List.of(new FieldError("services",
                "Gardez au moins un service : les familles doivent pouvoir écrire à la commune.")), MessagingRules.validate(List.of()));
    }

    @Test
    void anAgentBelongsToTheServicesItsGroupsNameElseInNoServiceGroupToEvery() {
        assertEquals(Set.of("enfance"), MessagingRules.servicesOf(List.of("service-enfance", "autre"), ALL));
        assertEquals(Set.of("enfance", "regie"), MessagingRules.servicesOf(List.of("/service-enfance", "/agents/service-regie"), ALL));
        assertEquals(Set.copyOf(ALL), MessagingRules.servicesOf(List.of(), ALL), "aucun groupe : tous les services");
        assertEquals(Set.of(), MessagingRules.servicesOf(List.of("service-ancien", "autre"), ALL),
                "un groupe de service qui ne nomme plus aucun service : aucun, jamais tous");
        assertEquals(Set.of(), MessagingRules.servicesOf(List.of("service-inconnu"), ALL),
                "un groupe d'un service retiré : aucun service tant que l'administrateur ne l'a pas changé");
        assertEquals(Set.copyOf(ALL), MessagingRules.servicesOf(null, ALL));
    }

    @Test
    void whoWritesLastDecidesTheStateAndAClosedThreadWaitsForAnAgent() {
        assertEquals(ThreadState.OPEN, MessagingRules.afterMessage(Side.FAMILY, ThreadState.ANSWERED));
        assertEquals(ThreadState.ANSWERED, MessagingRules.afterMessage(Side.SERVICE, ThreadState.OPEN));
        assertEquals("Cette conversation est close : écrivez un nouveau message au service.",
                MessagingRules.writeProblem(Side.FAMILY, ThreadState.CLOSED).french());
        assertThrows(IllegalStateException.class, () -> MessagingRules.afterMessage(Side.SERVICE, ThreadState.CLOSED));
        assertNull(MessagingRules.writeProblem(Side.FAMILY, ThreadState.ANSWERED));
        assertTrue(MessagingRules.mayClose(ThreadState.OPEN));
        assertFalse(MessagingRules.mayClose(ThreadState.CLOSED));
        assertEquals(ThreadState.OPEN, MessagingRules.reopened(ThreadState.CLOSED));
        assertThrows(IllegalStateException.class, () -> MessagingRules.reopened(ThreadState.ANSWERED));
        assertEquals(Side.SERVICE, Side.FAMILY.other());
    }

    @Test
    void unreadWhenTheOtherSideWroteAfterTheLastReading() {
        assertFalse(MessagingRules.unread(null, null), "rien de l'autre côté");
        assertTrue(MessagingRules.unread(10L, null), "jamais ouvert");
        assertTrue(MessagingRules.unread(10L, 9L));
        assertFalse(MessagingRules.unread(10L, 10L));
        assertFalse(MessagingRules.unread(10L, 11L));
    }

    @Test
    void aMessageNeedsASubjectABodyAndAFewFiles() {
        assertEquals(List.of(new FieldError("subject", "Indiquez l'objet du message."),
                new FieldError("body", "Écrivez votre message."),
                new FieldError("files", "Joignez au plus 3 fichiers à un message.")),
                MessagingRules.validateMessage(true, " ", null, 4));
        assertEquals(List.of(new FieldError("body", "Le message ne doit pas dépasser 5000 caractères.")),
                MessagingRules.validateMessage(false, null, "x".repeat(5001), 0), "une réponse n'a pas d'objet");
        assertEquals(List.of(new FieldError("subject", "L'objet ne doit pas dépasser 150 caractères.")),
                MessagingRules.validateMessage(true, "o".repeat(151), "Bonjour", 3));
    }

    @Test
    void aBroadcastNamesItsTargetAndSaysHowManyFamilies() {
        assertNull(MessagingRules.targetProblem(new BroadcastTarget(Kind.COMMUNE, null)));
        assertNull(MessagingRules.targetProblem(new BroadcastTarget(Kind.FAMILY, "42")));
        assertEquals("Choisissez la famille.", MessagingRules.targetProblem(new BroadcastTarget(Kind.FAMILY, "Dupont")).french());
        assertEquals("Choisissez l'activité.", MessagingRules.targetProblem(new BroadcastTarget(Kind.ACTIVITY, " ")).french());
        assertEquals("Choisissez l'école.", MessagingRules.targetProblem(new BroadcastTarget(Kind.SCHOOL, null)).french());
        BroadcastTarget cm1 = new BroadcastTarget(Kind.CLASS, "ECOLE-JAURES/CM1");
        assertNull(MessagingRules.targetProblem(cm1));
        assertEquals("ECOLE-JAURES", cm1.establishment());
        assertEquals("CM1", cm1.level());
        assertEquals("Choisissez l'école et la classe (TPS à CM2).",
                MessagingRules.targetProblem(new BroadcastTarget(Kind.CLASS, "ECOLE-JAURES/6E")).french());
        // the school or the class left on "Choisir": told beside the target, not an error page
        assertEquals("Choisissez l'école et la classe (TPS à CM2).",
                MessagingRules.targetProblem(new BroadcastTarget(Kind.CLASS, null)).french());
        assertEquals("Choisissez à qui écrire.", MessagingRules.targetProblem(null).french());
        assertEquals("Aucune famille ne correspond à ce choix : rien n'est envoyé.", MessagingRules.countProblem(0).french());
        assertNull(MessagingRules.countProblem(52));
        assertEquals("Plus de 20000 familles : choisissez un groupe plus petit.", MessagingRules.countProblem(20_001).french());
        assertNull(MessagingRules.countProblem(20_000));
    }

    @Test
    void anEnglishPageReadsTheRulesInEnglish() {
        List<FieldError> errors = MessagingRules.validate(List.of(new InboxService("Régie", "x".repeat(121), "pas-une-adresse")));
        assertEquals(List.of("Le code « Régie » doit faire de 1 à 40 caractères parmi a-z, 0-9 et -.",
                "Le nom du service ne doit pas dépasser 120 caractères.", "Adresse e-mail invalide : « pas-une-adresse »."),
                errors.stream().map(FieldError::message).toList());
        assertEquals(List.of("The code “Régie” must have 1 to 40 characters among a-z, 0-9 and -.",
                "The name of the service must not be longer than 120 characters.", "Invalid e-mail address: “pas-une-adresse”."),
                errors.stream().map(e -> e.text().in(Locale.ENGLISH)).toList());
        assertEquals("Attach at most 3 files to a message.",
                MessagingRules.validateMessage(false, null, "Bonjour", 4).get(0).text().in(Locale.ENGLISH));
        assertEquals("This conversation is closed: reopen it to reply.",
                MessagingRules.writeProblem(Side.SERVICE, ThreadState.CLOSED).in(Locale.ENGLISH));
        assertEquals("Cette conversation est close : rouvrez-la pour y répondre.",
                MessagingRules.writeProblem(Side.SERVICE, ThreadState.CLOSED).french());
        assertEquals("Choose the school and the class (TPS to CM2).",
                MessagingRules.targetProblem(new BroadcastTarget(Kind.CLASS, "ECOLE-JAURES/6E")).in(Locale.ENGLISH));
        assertEquals("More than 20000 families: choose a smaller group.", MessagingRules.countProblem(20_001).in(Locale.ENGLISH));
        assertNull(MessagingRules.countProblem(1));
    }
}
