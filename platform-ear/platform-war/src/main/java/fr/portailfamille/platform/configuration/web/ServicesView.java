package fr.portailfamille.platform.configuration.web;

import fr.portailfamille.configuration.CommuneConfiguration;
import fr.portailfamille.platform.configuration.web.form.InboxServiceRow;
import fr.portailfamille.platform.web.NextFocus;
import fr.portailfamille.platform.web.Texts;
import fr.portailfamille.problems.FieldError;
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
    /** The services removed on this screen since it was read ("Retirer"): a service with threads is not removed. */
    private final RemovedRows<InboxServiceRow> removed = new RemovedRows<>();

    @Override
    public void load() {
        var current = opened().services();
        services = new ArrayList<>(current == null ? List.of() : current.stream().map(InboxServiceRow::of).toList());

        removed.clear();
    }

    public void add() {
        services.add(new InboxServiceRow());
        NextFocus.on("services:services:" + (services.size() - 1) + ":code");
    }

    public void remove(int index) {
        removed.remove(services, index);
        NextFocus.on("services:add");
    }

    /** A removal refused (still in use): the removed rows come back where they were ({@link RemovedRows}). */
    @Override
    protected void refused(List<FieldError> errors) {
        if (errors.stream().anyMatch(e -> "services".equals(e.field()))) {
            removed.putBack();
        }
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
