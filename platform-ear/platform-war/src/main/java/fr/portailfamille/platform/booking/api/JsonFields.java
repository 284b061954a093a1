package fr.portailfamille.platform.booking.api;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Values of the booking API's JSON bodies: a positive integral id, an ISO date; empty when the value is not one. */
final class JsonFields {

    private JsonFields() {
    }

    /** A positive integral number that fits a long, else empty. */
    static Optional<Long> id(JsonValue v) {
        if (v instanceof JsonNumber n && n.isIntegral()) {
            try {
                long id = n.longValueExact();
                return id > 0 ? Optional.of(id) : Optional.empty();
            } catch (ArithmeticException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** A string holding an ISO date ("2027-07-06"), else empty. */
    static Optional<LocalDate> date(JsonValue v) {
        if (v instanceof JsonString s) {
            try {
                return Optional.of(LocalDate.parse(s.getString()));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
