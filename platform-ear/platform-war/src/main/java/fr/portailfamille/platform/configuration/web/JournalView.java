package fr.portailfamille.platform.configuration.web;

import fr.portailfamille.configuration.ConfigurationChanges;
import fr.portailfamille.platform.configuration.ConfigurationService;
import fr.portailfamille.platform.web.QueueModel;
import fr.portailfamille.platform.web.Texts;
import fr.portailfamille.platform.web.UserView;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * Page agent/configuration/journal: the configuration's saves, latest first (paged in SQL), each with who made it,
 * when, and what it changed: the sections in words and, in a list, the items added, removed or changed.
 */
@Named
@ViewScoped
public class JournalView implements Serializable {

    private static final String SECTION = "agent.config.journal.section.";

    @Inject
    ConfigurationService configuration;

    @Inject
    UserView user;

    private QueueModel<ConfigurationService.JournalEntry> model;

    public QueueModel<ConfigurationService.JournalEntry> getModel() {
        if (model == null) {
            model = new QueueModel<>(() -> configuration.journalCount(user.require()),
                    (offset, limit, sort) -> configuration.journal(user.require(), offset, limit),
                    ConfigurationService.JournalEntry::id);
        }
        return model;
    }

    /** A section's name in words ("Tarifs" for {@code billing.tariffs}); an unknown one as the file names it. */
    public String section(String key) {
        try {
            return Texts.of(SECTION + key);
        } catch (java.util.MissingResourceException e) {
            return key;
        }
    }

    /** What a change did, in words: "ajouté : A, B ; retiré : C ; modifié : D", or "modifié" for a section that is no list. */
    public String summary(ConfigurationChanges.SectionChange change) {
        if (!change.isList()) {
            return Texts.of("agent.config.journal.changed");
        }
        StringBuilder out = new StringBuilder();
        part(out, "agent.config.journal.added", change.added());
        part(out, "agent.config.journal.removed", change.removed());
        part(out, "agent.config.journal.modified", change.changed());
        return out.length() == 0 ? Texts.of("agent.config.journal.reordered") : out.toString();
    }

    private static void part(StringBuilder out, String key, List<String> items) {
        if (!items.isEmpty()) {
            out.append(out.length() == 0 ? "" : " ; ").append(Texts.of(key, String.join(", ", items)));
        }
    }
}
