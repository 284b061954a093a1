package fr.portailfamille.billing.sepa;

import java.util.LinkedHashMap;
import java.util.Map;

/** The reasons a bank gives when it rejects or returns a direct debit (ISO 20022 codes), with what a family reads. */
public final class RejectReason {

    private static final Map<String, String> LABELS = new LinkedHashMap<>();

    static {
        LABELS.put("AM04", "Provision insuffisante");
        LABELS.put("MD01", "Pas de mandat valide (mandat inconnu ou révoqué)");
        LABELS.put("AC01", "Numéro de compte (IBAN) erroné");
        LABELS.put("AC04", "Compte clôturé");
        LABELS.put("AC06", "Compte bloqué");
        LABELS.put("AG01", "Prélèvement interdit sur ce compte");
        LABELS.put("MD02", "Données du mandat manquantes ou erronées");
        LABELS.put("MD06", "Remboursement demandé par le débiteur");
        LABELS.put("MD07", "Titulaire du compte décédé");
        LABELS.put("MS02", "Refus du débiteur");
        LABELS.put("MS03", "Raison non communiquée par la banque");
        LABELS.put("RR04", "Motif réglementaire");
        LABELS.put("SL01", "Service spécifique de la banque du débiteur");
    }

    private RejectReason() {
    }

    /** Code → French label, in the order a régisseur picks them (the most frequent first). */
    public static Map<String, String> all() {
        return java.util.Collections.unmodifiableMap(LABELS);
    }

    /** Whether {@code code} is a reason this version knows. */
    public static boolean known(String code) {
        return code != null && LABELS.containsKey(code);
    }

    /**
     * The reasons after which the mandate cannot be debited again as it is: the account is wrong, closed, blocked or
     * closed to direct debits, the mandate unknown or wrong at the bank, the holder deceased. Debiting it next month
     * would be rejected again (with fees): the family signs a new mandate.
     */
    private static final java.util.Set<String> DEFINITIVE = java.util.Set.of("AC01", "AC04", "AC06", "AG01", "MD01", "MD02",
            "MD07");

    /** Whether a reject for {@code code} ends the mandate ({@link #DEFINITIVE}); a lack of funds does not. */
    public static boolean endsMandate(String code) {
        return code != null && DEFINITIVE.contains(code);
    }

    /** The French label of {@code code}, e.g. "Provision insuffisante (AM04)". */
    public static String label(String code) {
        String label = LABELS.get(code);
        return label == null ? code : label + " (" + code + ")";
    }
}
