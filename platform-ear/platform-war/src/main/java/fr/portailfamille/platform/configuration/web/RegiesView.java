package fr.portailfamille.platform.configuration.web;

import fr.portailfamille.billing.BillingConfiguration;
import fr.portailfamille.billing.Regie;
import fr.portailfamille.configuration.CommuneConfiguration;
import fr.portailfamille.configuration.CommuneConfiguration.Activity;
import fr.portailfamille.platform.configuration.web.form.RegieRow;
import fr.portailfamille.platform.web.NextFocus;
import fr.portailfamille.platform.web.Texts;
import fr.portailfamille.problems.FieldError;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code agent/configuration/regies.xhtml}: the commune's régies (code, label, invoice prefix, régisseur,
 * activities billed, payment instructions; add, remove). Removing a régie that has invoices is refused at
 * the save; brackets and tariffs are kept as saved.
 */
@Named
@ViewScoped
public class RegiesView extends ConfigurationSection {

    private List<RegieRow> regies;
    private Map<String, String> activityItems;
    /** The régies removed on this screen since it was read ("Retirer la régie"). */
    private final RemovedRows<RegieRow> removed = new RemovedRows<>();

    @Override
    public void load() {
        CommuneConfiguration conf = opened();
        regies = new ArrayList<>(TarificationView.billingOf(conf).regies().stream().map(RegieRow::of).toList());
        activityItems = activityItems(conf.activities());
        removed.clear();
    }

    /** A removal refused (the régie has invoices, payments, porte-monnaie…): the removed régies come back where they were. */
    @Override
    protected void refused(List<FieldError> errors) {
        if (errors.stream().anyMatch(e -> "billing.regies".equals(e.field()))) {
            removed.putBack();
        }
    }

    /** The commune's activities, for the activities billed (name → code). */
    static Map<String, String> activityItems(List<Activity> activities) {
        Map<String, String> m = new LinkedHashMap<>();
        activities.forEach(a -> m.put(a.name() + " (" + a.code() + ")", a.code()));
        return m;
    }

    public void add() {
        regies.add(new RegieRow());
        NextFocus.on("regies:regies:" + (regies.size() - 1) + ":code");
    }

    public void remove(int index) {
        removed.remove(regies, index);
        NextFocus.on("regies:add");
    }

    /** Whether the agent may change where a régie collects (PayFiP, SEPA creditor): a régisseur. */
    public boolean isRegisseur() {
        return user.require().hasRole(fr.portailfamille.platform.security.StaffRoles.REGISSEUR);
    }

    public void save() {
        List<FieldError> errors = new ArrayList<>();
        List<Regie> typed = new ArrayList<>();
        for (int i = 0; i < regies.size(); i++) {
            typed.add(regies.get(i).toRegie("regies[" + i + "]", errors));
        }
        if (!errors.isEmpty()) {
            showAll("regies", errors);
            return;
        }
        save("regies", Texts.of("agent.config.billing.regies.saved"), c -> {
            BillingConfiguration b = TarificationView.billingOf(c);
            return c.withBilling(new BillingConfiguration(b.settings(), typed, b.tariffs()));
        });
    }

    public List<RegieRow> getRegies() { return regies; }
    public Map<String, String> getActivityItems() { return activityItems; }

    /** What another agent's save may not be overwritten with: the régies. */
    @Override
    protected Object part(CommuneConfiguration c) {
        return c.billing() == null ? List.of() : c.billing().regies();
    }
}
