package fr.portailfamille.platform.family.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Validator of {@link NumeroCaf}: {@code null} and blank values are valid. */
public class NumeroCafValidator implements ConstraintValidator<NumeroCaf, CharSequence> {

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        if (value == null || value.toString().isBlank()) {
            return true;
        }
        return FrenchFormats.isCafNumber(value.toString());
    }
}
