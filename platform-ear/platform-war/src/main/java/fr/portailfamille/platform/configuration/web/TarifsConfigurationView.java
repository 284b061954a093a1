package fr.portailfamille.platform.configuration.web;

import fr.portailfamille.billing.BillingConfiguration;
import fr.portailfamille.billing.QfBracket;
import fr.portailfamille.billing.Tariff;
import fr.portailfamille.configuration.CommuneConfiguration;
import fr.portailfamille.configuration.CommuneConfiguration.Activity;
import fr.portailfamille.configuration.CommuneConfiguration.Unit;
import fr.portailfamille.platform.configuration.web.form.FormValues;
import fr.portailfamille.platform.configuration.web.form.TariffRow;
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
 * {@code agent/configuration/tarifs.xhtml}: the tariffs of the activities (or of one unit), each in force
 * from its date: a price per QF bracket and the maximum tariff, or an effort rate with floor and ceiling;
 * non-resident adjustment, sibling reductions, late-booking surcharge, unexcused absences, presence
 * without booking. Amounts are typed in euros and stored in cents; brackets and régies are kept as saved.
 */
@Named
@ViewScoped
public class TarifsConfigurationView extends ConfigurationSection {

    private List<TariffRow> tariffs;
    private List<QfBracket> brackets;
    private Map<String, String> targetItems;

    @Override
    public void load() {
        CommuneConfiguration conf = opened();
        BillingConfiguration billing = TarificationView.billingOf(conf);
        brackets = billing.settings().brackets();
        tariffs = new ArrayList<>(billing.tariffs().stream().map(t -> TariffRow.of(t, brackets)).toList());
        targetItems = targetItems(conf.activities());
    }

    /** Each activity, then each of its units (label → "ACT" or "ACT/UNIT"). */
    static Map<String, String> targetItems(List<Activity> activities) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Activity a : activities) {
            m.put(a.name() + " (" + a.code() + ")", a.code());
            for (Unit u : a.units()) {
                m.put(a.name() + " – " + u.label() + " (" + a.code() + TariffRow.UNIT_SEPARATOR + u.code() + ")",
                        a.code() + TariffRow.UNIT_SEPARATOR + u.code());
            }
        }
        return m;
    }

    public void add() {
        tariffs.add(new TariffRow(brackets));
        NextFocus.on("tarifs:tariffs:" + (tariffs.size() - 1) + ":target");
    }

    /** "Nouvelle grille à partir d'une date": a copy of tariff {@code index} whose date is left to type. */
    public void copy(int index) {
        tariffs.add(index + 1, tariffs.get(index).copy());
        NextFocus.on("tarifs:tariffs:" + (index + 1) + ":validFrom");
    }

    public void remove(int index) {
        tariffs.remove(index);
        NextFocus.on("tarifs:add");
    }

    public void save() {
        List<FieldError> errors = new ArrayList<>();
        List<Tariff> typed = typed(tariffs, errors);
        if (!errors.isEmpty()) {
            showAll("tarifs", errors);
            return;
        }
        List<String> codes = brackets.stream().map(QfBracket::code).toList();
        save("tarifs", Texts.of("agent.config.billing.tariffs.saved"), c -> {
            BillingConfiguration b = TarificationView.billingOf(c);
            return c.withBilling(new BillingConfiguration(b.settings(), b.regies(), typed));
        }, field -> FormValues.billingPath(field, codes));
    }

    /** The rows as tariffs; amounts that cannot be read are errors at their fields ("tariffs[1].maximum"). */
    static List<Tariff> typed(List<TariffRow> rows, List<FieldError> errors) {
        List<Tariff> typed = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            typed.add(rows.get(i).toTariff("tariffs[" + i + "]", errors));
        }
        return typed;
    }

    public List<TariffRow> getTariffs() { return tariffs; }
    public Map<String, String> getTargetItems() { return targetItems; }
    public boolean isBracketsDefined() { return !brackets.isEmpty(); }

    /** What another agent's save may not be overwritten with: the tariffs. */
    @Override
    protected Object part(CommuneConfiguration c) {
        return c.billing() == null ? List.of() : c.billing().tariffs();
    }
}
