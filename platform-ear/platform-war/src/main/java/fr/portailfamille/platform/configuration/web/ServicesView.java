package fr.portailfamille.platform.configuration.web;

import fr.portailfamille.configuration.CommuneConfiguration;
import fr.portailfamille.platform.configuration.web.form.InboxServiceRow;
import fr.portailfamille.platform.web.NextFocus;
import fr.portailfamille.platform.web.Texts;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code agent/configuration/services.xhtml}: the services families write to in the Boîte de réception (code,
 * name, the contact address told of a family's new message); a service with threads cannot be removed (the save
 * says so). An agent belongs to the services its realm groups {@code service-<code>} name, else to every service.
 */
@Named
@ViewScoped
public class ServicesView extends ConfigurationSection {

    private List<InboxServiceRow> services;

    @Override
    public void load() {
        var current = opened().services();
        services = new ArrayList<>(current == null ? List.of() : current.stream().map(InboxServiceRow::of).toList());
    }

    public void add() {
        services.add(new InboxServiceRow());
        NextFocus.on("services:services:" + (services.size() - 1) + ":code");
    }

    public void remove(int index) {
        services.remove(index);
        NextFocus.on("services:add");
    }

    public void save() {
        save("services", Texts.of("inbox.config.saved"),
                c -> c.withServices(services.stream().map(InboxServiceRow::toService).toList()));
    }

    public List<InboxServiceRow> getServices() { return services; }

    /** What another agent's save may not be overwritten with: the services. */
    @Override
    protected Object part(CommuneConfiguration c) {
        return String.valueOf(c.services());
    }
}
