package fr.portailfamille.platform.configuration.web;

import fr.portailfamille.configuration.CommuneConfiguration;
import fr.portailfamille.platform.web.Texts;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.List;

/** {@code agent/configuration/textes.xhtml}: the school holidays zone and the CGU families accept. */
@Named
@ViewScoped
public class TextesView extends ConfigurationSection {

    private String zone;
    private String cgu;

    @Override
    public void load() {
        CommuneConfiguration conf = opened();
        zone = conf.zone();
        cgu = conf.cgu();
    }

    public void save() {
        save("textes", Texts.of("agent.config.texts.saved"), c -> c.withTexts(zone == null || zone.isBlank() ? null : zone, cgu));
    }

    public String getZone() { return zone; }
    public void setZone(String v) { zone = v; }
    public String getCgu() { return cgu; }
    public void setCgu(String v) { cgu = v; }

    /** What another agent's save may not be overwritten with: the texts. */
    @Override
    protected Object part(CommuneConfiguration c) {
        return List.of(String.valueOf(c.zone()), String.valueOf(c.cgu()));
    }
}
