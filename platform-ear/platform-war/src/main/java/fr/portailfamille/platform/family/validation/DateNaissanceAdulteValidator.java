package fr.portailfamille.platform.family.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.Clock;
import java.time.LocalDate;

/**
 * Validator of {@link DateNaissanceAdulte}: {@code null} is valid; "today" is taken from the
 * Bean Validation {@code ClockProvider} (its instant, in the platform's zone), or the platform's clock when called
 * without a context.
 */
public class DateNaissanceAdulteValidator
        implements ConstraintValidator<DateNaissanceAdulte, LocalDate> {

    private final Clock clock;

    /** Used by the Bean Validation provider. */
    public DateNaissanceAdulteValidator() {
        this(null);
    }

    /** With a fixed clock (tests); {@code null} means the provider's or the platform's clock. */
    public DateNaissanceAdulteValidator(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        return FrenchFormats.isBirthDateOfAdult(value,
                BirthDateValidatorSupport.today(clock, context));
    }
}
