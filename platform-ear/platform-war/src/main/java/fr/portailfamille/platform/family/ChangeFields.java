package fr.portailfamille.platform.family;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Which fields each type of change request carries, and how they are read and written. */
public final class ChangeFields {

    private ChangeFields() {
    }

    public static List<String> fields(ChangeRequest.Type type) {
        return switch (type) {
            case ADRESSE -> List.of("addressLine", "postcode", "city");
            case TELEPHONES -> List.of("homePhone", "responsable1.mobilePhone", "responsable1.workPhone");
            case CAF -> List.of("cafNumber", "quotientFamilial");
            case BANQUE -> List.of("iban", "accountHolder");
        };
    }

    public static String label(ChangeRequest.Type type) {
        return switch (type) {
            case ADRESSE -> "adresse";
            case TELEPHONES -> "téléphones";
            case CAF -> "CAF et quotient familial";
            case BANQUE -> "coordonnées bancaires";
        };
    }

    static boolean concerns(ChangeRequest.Type type, String field) {
        return fields(type).contains(field);
    }

    static Map<String, String> read(Family f, ChangeRequest.Type type) {
        return readForm(FamilyFileMapper.toForm(f), type);
    }

    public static Map<String, String> readForm(FamilyForm form, ChangeRequest.Type type) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String field : fields(type)) {
            m.put(field, get(form, field));
        }
        return m;
    }

    static void write(FamilyForm form, ChangeRequest.Type type, Map<String, String> values) {
        for (String field : fields(type)) {
            set(form, field, values.get(field));
        }
    }

    /** Applies accepted values to the file (they were checked and normalised when requested). */
    static void apply(Family f, ChangeRequest.Type type, Map<String, String> values) {
        FamilyForm form = FamilyFileMapper.toForm(f);
        write(form, type, values);
        FamilyFileMapper.apply(form, f);
    }

    private static String get(FamilyForm f, String field) {
        return switch (field) {
            case "addressLine" -> f.getAddressLine();
            case "postcode" -> f.getPostcode();
            case "city" -> f.getCity();
            case "homePhone" -> f.getHomePhone();
            case "responsable1.mobilePhone" -> f.getResponsable1().getMobilePhone();
            case "responsable1.workPhone" -> f.getResponsable1().getWorkPhone();
            case "cafNumber" -> f.getCafNumber();
            case "quotientFamilial" -> f.getQuotientFamilial() == null ? null : f.getQuotientFamilial().toString();
            case "iban" -> f.getIban();
            case "accountHolder" -> f.getAccountHolder();
            default -> throw new IllegalArgumentException(field);
        };
    }

    private static void set(FamilyForm f, String field, String v) {
        switch (field) {
            case "addressLine" -> f.setAddressLine(v);
            case "postcode" -> f.setPostcode(v);
            case "city" -> f.setCity(v);
            case "homePhone" -> f.setHomePhone(v);
            case "responsable1.mobilePhone" -> f.getResponsable1().setMobilePhone(v);
            case "responsable1.workPhone" -> f.getResponsable1().setWorkPhone(v);
            case "cafNumber" -> f.setCafNumber(v);
            case "quotientFamilial" -> f.setQuotientFamilial(parseQf(v));
            case "iban" -> f.setIban(v);
            case "accountHolder" -> f.setAccountHolder(v);
            default -> throw new IllegalArgumentException(field);
        }
    }

    private static Integer parseQf(String v) {
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(v.trim().replace(" ", ""));
        } catch (NumberFormatException e) {
            return -1; // refused by the rules with a French message
        }
    }
}
