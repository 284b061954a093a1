package fr.portailfamille.platform.family.validation;

import jakarta.validation.ConstraintValidatorContext;
import java.time.Clock;
import java.time.LocalDate;

/** Where the birth-date validators take "today" from. */
final class BirthDateValidatorSupport {

    private BirthDateValidatorSupport() {
    }

    /**
     * Today according to, in order: the clock given to the validator (tests), the Bean Validation
     * {@code ClockProvider} of the context (system clock unless configured), the system clock.
     */
    static LocalDate today(Clock fixedClock, ConstraintValidatorContext context) {
        if (fixedClock != null) {
            return LocalDate.now(fixedClock);
        }
        if (context != null && context.getClockProvider() != null) {
            return LocalDate.now(context.getClockProvider().getClock());
        }
        return LocalDate.now();
    }
}
