package fr.portailfamille.platform.configuration.web;

import fr.portailfamille.billing.BillingConfiguration;
import fr.portailfamille.billing.BillingSettings;
import fr.portailfamille.billing.QfBracket;
import fr.portailfamille.billing.Tariff;
import fr.portailfamille.configuration.CommuneConfiguration;
import fr.portailfamille.platform.configuration.web.form.BracketRow;
import fr.portailfamille.platform.configuration.web.form.FormValues;
import fr.portailfamille.platform.web.FormErrors;
import fr.portailfamille.platform.web.NextFocus;
import fr.portailfamille.platform.web.Texts;
import fr.portailfamille.problems.FieldError;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code agent/configuration/tarification.xhtml}: the commune's billing settings: its quotient familial
 * brackets (add, remove; the last one open-ended), how long a QF proof stays valid, its residents'
 * postcodes and the delays of the reminders. Régies and tariffs are kept as saved.
 */
@Named
@ViewScoped
public class TarificationView extends ConfigurationSection {

    private Integer qfValidityMonths;
    private String residentPostcodes;
    private String reminderDays;
    private Integer certificateDays;
    private List<BracketRow> brackets;

    /** The billing section of {@code c}, empty when the commune never configured billing. */
    static BillingConfiguration billingOf(CommuneConfiguration c) {
        return c.billing() == null ? BillingConfiguration.empty() : c.billing();
    }

    @Override
    public void load() {
        BillingSettings s = billingOf(opened()).settings();
        qfValidityMonths = s.qfValidityMonths();
        residentPostcodes = String.join(", ", s.residentPostcodes());
        reminderDays = s.reminderDays().stream().map(String::valueOf).collect(Collectors.joining(", "));
        certificateDays = s.certificateDays();
        brackets = new ArrayList<>(s.brackets().stream().map(BracketRow::of).toList());
    }

    public void addBracket() {
        brackets.add(new BracketRow());
        NextFocus.on("tarification:brackets:" + (brackets.size() - 1) + ":code");
    }

    public void removeBracket(int index) {
        brackets.remove(index);
        NextFocus.on("tarification:addBracket");
    }

    public void save() {
        List<FieldError> errors = new ArrayList<>();
        List<Integer> days = FormValues.wholeNumbers(reminderDays, "reminderDays", errors);
        if (!errors.isEmpty()) {
            showAll("tarification", errors);
            return;
        }
        BillingSettings settings = settings(qfValidityMonths, residentPostcodes, days, brackets, certificateDays);
        List<String> codes = settings.brackets().stream().map(QfBracket::code).toList();
        List<String> pricedAtMaximum = new ArrayList<>();
        boolean saved = save("tarification", Texts.of("agent.config.billing.settings.saved"), c -> {
            BillingConfiguration b = billingOf(c);
            // the tariffs by brackets follow the grid (a removed bracket's price goes, a new one starts at the maximum
            // tariff): saved alone, the grid broke every tariff, and no screen could mend them
            List<String> before = b.settings().brackets().stream().map(QfBracket::code).toList();
            pricedAtMaximum.clear();
            if (b.tariffs().stream().anyMatch(t -> t.mode() == Tariff.Mode.BRACKETS)) {
                codes.stream().filter(code -> !before.contains(code)).forEach(pricedAtMaximum::add);
            }
            // a bracket row without a valid code (empty, malformed, twice) is refused by the rules on its own field; the
            // tariffs, which could not follow such a grid, are left out of that refused save (each tariff by brackets
            // added « Tranche inconnue » to the summary)
            boolean codesValid = codes.stream().allMatch(code -> code != null && code.matches("[A-Z0-9_-]{1,20}"))
                    && codes.stream().distinct().count() == codes.size();
            return c.withBilling(new BillingConfiguration(settings, b.regies(), codesValid
                    ? b.tariffs().stream().map(t -> t.forBrackets(codes)).toList() : List.of()));
        });
        if (saved && !pricedAtMaximum.isEmpty()) {
            FormErrors.info(Texts.of("agent.config.billing.brackets.atMaximum", String.join(", ", pricedAtMaximum)));
        }
    }

    /** The settings as typed (postcodes separated by commas or spaces). */
    static BillingSettings settings(Integer validity, String postcodes, List<Integer> days, List<BracketRow> rows,
                                    Integer certificateDays) {
        return new BillingSettings(validity, FormValues.items(postcodes), rows.stream().map(BracketRow::toBracket).toList(), days,
                certificateDays);
    }

    public Integer getQfValidityMonths() { return qfValidityMonths; }
    public void setQfValidityMonths(Integer v) { qfValidityMonths = v; }
    public String getResidentPostcodes() { return residentPostcodes; }
    public void setResidentPostcodes(String v) { residentPostcodes = v; }
    public String getReminderDays() { return reminderDays; }
    public Integer getCertificateDays() { return certificateDays; }
    public void setCertificateDays(Integer v) { certificateDays = v; }
    public void setReminderDays(String v) { reminderDays = v; }
    public List<BracketRow> getBrackets() { return brackets; }

    /** What another agent's save may not be overwritten with: the billing settings and brackets. */
    @Override
    protected Object part(CommuneConfiguration c) {
        return c.billing() == null ? null : c.billing().settings();
    }
}
