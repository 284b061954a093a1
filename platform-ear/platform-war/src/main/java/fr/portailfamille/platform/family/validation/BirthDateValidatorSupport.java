package fr.portailfamille.platform.family.validation;

import fr.portailfamille.platform.kernel.PlatformTime;
import jakarta.validation.ConstraintValidatorContext;
import java.time.Clock;
import java.time.LocalDate;

/** Where the birth-date validators take "today" from. */
final class BirthDateValidatorSupport {

    private BirthDateValidatorSupport() {
    }

    /**
     * Today according to, in order: the clock given to the validator (tests), the instant of the Bean Validation
     * {@code ClockProvider} of the context (system clock unless configured) as a day of the platform's zone, the
     * platform's clock ({@link PlatformTime}).
     */
    static LocalDate today(Clock fixedClock, ConstraintValidatorContext context) {
        if (fixedClock != null) {
            return PlatformTime.today(fixedClock);
        }
        if (context != null && context.getClockProvider() != null) {
            return PlatformTime.today(context.getClockProvider().getClock());
        }
        return PlatformTime.today();
    }
}
