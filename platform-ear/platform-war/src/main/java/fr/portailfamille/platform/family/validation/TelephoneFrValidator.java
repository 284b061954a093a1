package fr.portailfamille.platform.family.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Validator of {@link TelephoneFr}: {@code null} and blank values are valid. */
public class TelephoneFrValidator implements ConstraintValidator<TelephoneFr, CharSequence> {

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        if (value == null || value.toString().isBlank()) {
            return true;
        }
        return FrenchFormats.isPhone(value.toString());
    }
}
