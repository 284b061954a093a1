package fr.portailfamille.platform.configuration.web;

import fr.portailfamille.configuration.CommuneSetup;
import fr.portailfamille.platform.configuration.ConfigurationService;
import fr.portailfamille.platform.web.UserView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Locale;

/**
 * The "Mise en route" block of {@code agent/index.xhtml}: what the commune still has to set up before its families come
 * ({@link CommuneSetup}), each step with the configuration page that does it; shown until every step is done.
 */
@Named
@RequestScoped
public class MiseEnRouteView {

    /** One step as the page shows it: its ids and texts, its page, whether it is done. */
    public record Row(String id, String labelKey, String hintKey, String page, boolean done) {
        public String getId() { return id; }
        public String getLabelKey() { return labelKey; }
        public String getHintKey() { return hintKey; }
        public String getPage() { return page; }
        public boolean isDone() { return done; }
    }

    @Inject
    ConfigurationService configuration;

    @Inject
    UserView user;

    private List<Row> rows;

    /** The steps, in order, read once per request. */
    public List<Row> getSteps() {
        if (rows == null) {
            rows = configuration.setup(user.require()).stream().map(MiseEnRouteView::row).toList();
        }
        return rows;
    }

    public long getDone() {
        return getSteps().stream().filter(Row::done).count();
    }

    public int getTotal() {
        return getSteps().size();
    }

    /** Whether some step is left: the block is shown only then. */
    public boolean isPending() {
        return getDone() < getTotal();
    }

    static Row row(CommuneSetup.Step step) {
        String id = step.item().name().toLowerCase(Locale.ROOT);
        return new Row(id, "agent.setup." + id, "agent.setup." + id + ".hint", "agent/configuration/" + page(step.item()),
                step.done());
    }

    /** The configuration page that does {@code item}. */
    static String page(CommuneSetup.Item item) {
        return switch (item) {
            case ZONE, CGU -> "textes";
            case HOLIDAYS -> "calendrier";
            case ESTABLISHMENTS -> "etablissements";
            case POSTCODES -> "tarification";
            case REGISSEUR -> "regies";
            case TARIFFS -> "tarifs";
        };
    }
}
