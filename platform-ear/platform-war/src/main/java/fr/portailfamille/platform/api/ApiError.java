package fr.portailfamille.platform.api;

import java.util.List;

/**
 * Every error of the API as JSON: a stable {@code code} that clients test, a French {@code message} they may show,
 * and the inputs concerned ({@code champs}, possibly empty). JSON-B writes the record's components.
 */
public record ApiError(String code, String message, List<Field> champs) {

    /** One input at fault: its path in the request ({@code elements[2].date}, {@code mois}) and why. */
    public record Field(String champ, String message) {
    }

    public ApiError {
        champs = champs == null ? List.of() : List.copyOf(champs);
    }
}
