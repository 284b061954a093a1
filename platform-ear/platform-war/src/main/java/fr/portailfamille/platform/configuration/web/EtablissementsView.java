package fr.portailfamille.platform.configuration.web;

import fr.portailfamille.configuration.CommuneConfiguration;
import fr.portailfamille.platform.configuration.web.form.EstablishmentRow;
import fr.portailfamille.platform.web.NextFocus;
import fr.portailfamille.platform.web.Texts;
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

    @Override
    public void load() {
        establishments = new ArrayList<>(opened().establishments().stream().map(EstablishmentRow::of).toList());
    }

    public void add() {
        establishments.add(new EstablishmentRow());
        NextFocus.on("etablissements:establishments:" + (establishments.size() - 1) + ":code");
    }

    public void remove(int index) {
        establishments.remove(index);
        NextFocus.on("etablissements:add");
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
