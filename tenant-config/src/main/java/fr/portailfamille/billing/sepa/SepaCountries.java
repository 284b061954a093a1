package fr.portailfamille.billing.sepa;

import java.util.Set;

/** The countries and territories of the SEPA schemes (EPC list), by the two letters an IBAN starts with. */
final class SepaCountries {

    private static final Set<String> SEPA = Set.of(
            "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU",
            "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO", "CH", "GB", "MC", "SM", "VA", "AD",
            "AL", "MD", "ME", "MK", "GI", "GF", "GP", "MQ", "YT", "RE", "PM", "BL", "MF", "JE", "GG", "IM", "AX");

    /**
     * Those outside the European Economic Area (the EU, Iceland, Liechtenstein, Norway; the French overseas territories
     * bank as France): the SEPA Core rulebook requires the debtor bank's BIC for their accounts.
     */
    private static final Set<String> OUTSIDE_EEA = Set.of("CH", "GB", "MC", "SM", "VA", "AD", "AL", "MD", "ME", "MK", "GI",
            "JE", "GG", "IM");

    private SepaCountries() {
    }

    static boolean outsideEea(String country) {
        return OUTSIDE_EEA.contains(country);
    }

    static boolean isSepa(String country) {
        return SEPA.contains(country);
    }
}
