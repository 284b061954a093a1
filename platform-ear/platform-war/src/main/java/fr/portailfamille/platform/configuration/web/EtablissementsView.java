package fr.portailfamille.platform.configuration.web;

import fr.portailfamille.configuration.CommuneConfiguration;
import fr.portailfamille.platform.configuration.web.form.EstablishmentRow;
import fr.portailfamille.platform.web.NextFocus;
import fr.portailfamille.platform.web.Texts;
import fr.portailfamille.problems.FieldError;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code agent/configuration/etablissements.xhtml}: the commune's schools and accueils (one with school
 * enrolments cannot be removed: the save says so).
 */
@Named
@ViewScoped
public class EtablissementsView extends ConfigurationSection {

    private List<EstablishmentRow> establishments;
    /**
     * The schools and places removed on this screen since it was read ("Retirer"): one with activities or enrolments is
     * not removed.
     */
    private final RemovedRows<EstablishmentRow> removed = new RemovedRows<>();

    @Override
    public void load() {
        establishments = new ArrayList<>(opened().establishments().stream().map(EstablishmentRow::of).toList());

        removed.clear();
    }

    public void add() {
        establishments.add(new EstablishmentRow());
        NextFocus.on("etablissements:establishments:" + (establishments.size() - 1) + ":code");
    }

    public void remove(int index) {
        removed.remove(establishments, index);
        NextFocus.on("etablissements:add");
    }

    /** A removal refused (still in use): the removed rows come back where they were ({@link RemovedRows}). */
    @Override
    protected void refused(List<FieldError> errors) {
        if (errors.stream().anyMatch(e -> "establishments".equals(e.field()))) {
            removed.putBack();
        }
    }

    public void save() {
        save("etablissements", Texts.of("agent.config.establishments.saved"),
                c -> c.withEstablishments(establishments.stream().map(EstablishmentRow::toEstablishment).toList()));
    }

    public List<EstablishmentRow> getEstablishments() { return establishments; }

    /** What another agent's save may not be overwritten with: the schools and places. */
    @Override
    protected Object part(CommuneConfiguration c) {
        return c.establishments();
    }
}
