package fr.portailfamille.platform.configuration.web;

import fr.portailfamille.billing.Adjustment;
import fr.portailfamille.billing.Regie;
import fr.portailfamille.billing.Tariff;
import fr.portailfamille.booking.LatePolicy;
import fr.portailfamille.configuration.CommuneConfiguration.ActivityType;
import fr.portailfamille.configuration.CommuneConfiguration.EstablishmentKind;
import fr.portailfamille.configuration.CommuneConfiguration.PeriodKind;
import fr.portailfamille.configuration.ConfigurationRules;
import fr.portailfamille.configuration.SchoolLevel;
import fr.portailfamille.platform.web.AgentMenuView;
import fr.portailfamille.platform.web.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fixed choices of the configuration screens (label → value), the same for every commune, their labels in the
 * view's language (French outside a Faces request).
 */
@Named
@ApplicationScoped
public class ConfigurationChoices {

    /** Each value labelled by the text {@code prefix + its name}, in this order, as an ordered label → name map. */
    static Map<String, String> items(String prefix, Enum<?>... values) {
        return Texts.choices(prefix, Arrays.stream(values).map(Enum::name).toArray(String[]::new));
    }

    public Map<String, String> getPeriodKinds() {
        return items("agent.config.choice.periodKind.", PeriodKind.ANNEE_SCOLAIRE, PeriodKind.VACANCES);
    }

    public Map<String, String> getLatePolicies() {
        return items("agent.config.choice.latePolicy.", LatePolicy.REFUSED, LatePolicy.SURCHARGED);
    }

    public Map<String, String> getEstablishmentKinds() {
        return items("agent.config.choice.establishmentKind.", EstablishmentKind.ECOLE_MATERNELLE,
                EstablishmentKind.ECOLE_ELEMENTAIRE, EstablishmentKind.ECOLE_PRIMAIRE, EstablishmentKind.ACCUEIL_LOISIRS,
                EstablishmentKind.RESTAURANT_SCOLAIRE, EstablishmentKind.AUTRE);
    }

    public Map<String, String> getActivityTypes() {
        return items("agent.config.choice.activityType.", ActivityType.PERISCOLAIRE, ActivityType.RESTAURATION,
                ActivityType.MERCREDI, ActivityType.ALSH_VACANCES, ActivityType.SEJOUR, ActivityType.SPORT);
    }

    /** "Lundi" → "1" … "Dimanche" → "7" (the JDK's names, capitalised). */
    public Map<String, String> getWeekdays() {
        Locale locale = Texts.locale();
        Map<String, String> days = new LinkedHashMap<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            String name = d.getDisplayName(TextStyle.FULL, locale);
            days.put(name.substring(0, 1).toUpperCase(locale) + name.substring(1), String.valueOf(d.getValue()));
        }
        return Collections.unmodifiableMap(days);
    }

    /** "Zone A" → "A"… */
    public Map<String, String> getZones() {
        Map<String, String> zones = new LinkedHashMap<>();
        for (String z : ConfigurationRules.ZONES) {
            zones.put(Texts.of("agent.config.choice.zone", z), z);
        }
        return Collections.unmodifiableMap(zones);
    }

    public List<String> getLevels() { return SchoolLevel.codes(); }
    /** The sections' pages under {@code agent/configuration/}, in the staff menu's order. */
    public List<String> getSections() { return AgentMenuView.CONFIGURATION_SECTIONS; }

    public Map<String, String> getTariffModes() {
        return items("agent.config.choice.tariffMode.", Tariff.Mode.BRACKETS, Tariff.Mode.EFFORT_RATE);
    }

    public Map<String, String> getCollections() {
        return items("agent.config.choice.collection.", Regie.Collection.INVOICE, Regie.Collection.WALLET);
    }

    public Map<String, String> getNonResidentKinds() {
        return items("agent.config.choice.adjustmentKind.", Adjustment.Kind.PERCENT, Adjustment.Kind.FIXED,
                Adjustment.Kind.PRICE);
    }

    public Map<String, String> getSurchargeKinds() {
        return items("agent.config.choice.adjustmentKind.", Adjustment.Kind.PERCENT, Adjustment.Kind.FIXED);
    }
}
