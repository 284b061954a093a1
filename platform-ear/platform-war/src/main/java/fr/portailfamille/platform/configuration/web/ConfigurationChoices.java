package fr.portailfamille.platform.configuration.web;

import fr.portailfamille.booking.LatePolicy;
import fr.portailfamille.configuration.CommuneConfiguration.ActivityType;
import fr.portailfamille.configuration.CommuneConfiguration.EstablishmentKind;
import fr.portailfamille.configuration.CommuneConfiguration.PeriodKind;
import fr.portailfamille.configuration.SchoolLevel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The fixed choices of the configuration screens (label → value), the same for every commune. */
@Named
@ApplicationScoped
public class ConfigurationChoices {

    private static final Map<String, String> PERIOD_KINDS = items(
            "Année scolaire", PeriodKind.ANNEE_SCOLAIRE, "Vacances scolaires", PeriodKind.VACANCES);
    private static final Map<String, String> LATE_POLICIES = items(
            "Refusée", LatePolicy.REFUSED, "Acceptée et majorée", LatePolicy.SURCHARGED);
    private static final Map<String, String> ESTABLISHMENT_KINDS = items(
            "École maternelle", EstablishmentKind.ECOLE_MATERNELLE, "École élémentaire", EstablishmentKind.ECOLE_ELEMENTAIRE,
            "École primaire", EstablishmentKind.ECOLE_PRIMAIRE, "Accueil de loisirs", EstablishmentKind.ACCUEIL_LOISIRS,
            "Restaurant scolaire", EstablishmentKind.RESTAURANT_SCOLAIRE, "Autre", EstablishmentKind.AUTRE);
    private static final Map<String, String> ACTIVITY_TYPES = items(
            "Périscolaire", ActivityType.PERISCOLAIRE, "Restauration scolaire", ActivityType.RESTAURATION,
            "Mercredi", ActivityType.MERCREDI, "Accueil de loisirs (vacances)", ActivityType.ALSH_VACANCES,
            "Séjour", ActivityType.SEJOUR, "Sport", ActivityType.SPORT);
    private static final Map<String, String> TARIFF_MODES = items(
            "Par tranches de quotient familial", fr.portailfamille.billing.Tariff.Mode.BRACKETS,
            "Taux d'effort (ressources mensuelles)", fr.portailfamille.billing.Tariff.Mode.EFFORT_RATE);
    private static final Map<String, String> COLLECTIONS = items(
            "Facturation après le mois (factures)", fr.portailfamille.billing.Regie.Collection.INVOICE,
            "Porte-monnaie (prépaiement débité à la réservation)", fr.portailfamille.billing.Regie.Collection.WALLET);
    private static final Map<String, String> NON_RESIDENT_KINDS = items(
            "Majoration en %", fr.portailfamille.billing.Adjustment.Kind.PERCENT,
            "Majoration en €", fr.portailfamille.billing.Adjustment.Kind.FIXED,
            "Autre prix (€)", fr.portailfamille.billing.Adjustment.Kind.PRICE);
    private static final Map<String, String> SURCHARGE_KINDS = items(
            "Majoration en %", fr.portailfamille.billing.Adjustment.Kind.PERCENT,
            "Majoration en €", fr.portailfamille.billing.Adjustment.Kind.FIXED);
    /** The sections' pages under {@code agent/configuration/}, in the menu's order. */
    private static final List<String> SECTIONS = List.of("calendrier", "activites", "etablissements", "legende", "textes",
            "tarification", "regies", "tarifs", "documents", "services", "fichier");
    private static final Map<String, String> WEEKDAYS;
    private static final Map<String, String> ZONES;

    static {
        Map<String, String> days = new LinkedHashMap<>();
        String[] names = {"Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi", "Dimanche"};
        for (int i = 0; i < names.length; i++) {
            days.put(names[i], String.valueOf(i + 1));
        }
        WEEKDAYS = Collections.unmodifiableMap(days);
        Map<String, String> zones = new LinkedHashMap<>();
        for (String z : fr.portailfamille.configuration.ConfigurationRules.ZONES) {
            zones.put("Zone " + z, z);
        }
        ZONES = Collections.unmodifiableMap(zones);
    }

    /** Label, enum, label, enum… as an ordered label → name map. */
    static Map<String, String> items(Object... labelsAndValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < labelsAndValues.length; i += 2) {
            m.put((String) labelsAndValues[i], ((Enum<?>) labelsAndValues[i + 1]).name());
        }
        return Collections.unmodifiableMap(m);
    }

    public Map<String, String> getPeriodKinds() { return PERIOD_KINDS; }
    public Map<String, String> getLatePolicies() { return LATE_POLICIES; }
    public Map<String, String> getEstablishmentKinds() { return ESTABLISHMENT_KINDS; }
    public Map<String, String> getActivityTypes() { return ACTIVITY_TYPES; }
    public Map<String, String> getWeekdays() { return WEEKDAYS; }
    public Map<String, String> getZones() { return ZONES; }
    public List<String> getLevels() { return SchoolLevel.codes(); }
    public List<String> getSections() { return SECTIONS; }
    public Map<String, String> getTariffModes() { return TARIFF_MODES; }
    public Map<String, String> getCollections() { return COLLECTIONS; }
    public Map<String, String> getNonResidentKinds() { return NON_RESIDENT_KINDS; }
    public Map<String, String> getSurchargeKinds() { return SURCHARGE_KINDS; }
}
