package fr.portailfamille.platform.billing.export;

import fr.portailfamille.platform.billing.PaymentModes;
import java.util.Map;

/** The French words the exports print for the codes stored in the régie's tables. */
public final class ExportLabels {

    private static final Map<String, String> KINDS = Map.of("INVOICE", "Facture", "CREDIT_NOTE", "Avoir");
    private static final Map<String, String> STATES = Map.of("ISSUED", "Émise", "CANCELLED", "Annulée",
            "TITRE_EMIS", "Titre émis");
    private static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry("RUN_STARTED", "Facturation lancée"),
            Map.entry("RUN_DONE", "Facturation terminée"),
            Map.entry("RUN_FAILED", "Facturation en échec"),
            Map.entry("INVOICE_ISSUED", "Facture émise"),
            Map.entry("CREDIT_NOTE", "Avoir émis"),
            Map.entry("PAYMENT_RECORDED", "Paiement enregistré"),
            Map.entry("PAYMENT_CANCELLED", "Paiement annulé"),
            Map.entry("PAYMENT_ALLOCATED", "Imputation"),
            Map.entry("CREDIT_USED", "Crédit utilisé"),
            Map.entry("CREDIT_TAKEN_BACK", "Crédit repris (paiement annulé)"),
            Map.entry("TITRE_EMIS", "Titre de recettes émis"),
            Map.entry("REMINDER_SENT", "Relance envoyée"),
            Map.entry("SEPA_FILE", "Fichier de prélèvements"),
            Map.entry("SEPA_MANDATE_SIGNED", "Mandat de prélèvement signé"),
            Map.entry("SEPA_MANDATE_REVOKED", "Mandat de prélèvement révoqué"),
            Map.entry("WALLET_TOP_UP", "Versement sur le porte-monnaie"),
            Map.entry("WALLET_WITHDRAWAL", "Retrait du porte-monnaie"),
            Map.entry("ONLINE_PAYMENT_STARTED", "Paiement en ligne commencé"),
            Map.entry("ONLINE_PAYMENT_PAID", "Paiement en ligne réussi"),
            Map.entry("ONLINE_PAYMENT_REFUSED", "Paiement en ligne refusé"),
            Map.entry("ONLINE_PAYMENT_ABANDONED", "Paiement en ligne abandonné"),
            Map.entry("ONLINE_PAYMENT_EXPIRED", "Paiement en ligne expiré"),
            Map.entry("ONLINE_PAYMENT_ANOMALY", "Paiement en ligne en anomalie"),
            Map.entry("ONLINE_PAYMENT_CHECKED", "Anomalie de paiement en ligne vérifiée"));

    private ExportLabels() {
    }

    /** "Facture", "Avoir"; an unknown code as it is. */
    public static String kind(String code) {
        return KINDS.getOrDefault(code, code);
    }

    public static String state(String code) {
        return STATES.getOrDefault(code, code);
    }

    public static String mode(String code) {
        return PaymentModes.label(code);
    }

    /** An audited action in words; a code the exports do not know yet (a new money action) as it is. */
    public static String action(String code) {
        return ACTIONS.getOrDefault(code, code);
    }
}
