package fr.portailfamille.platform.family.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Validator of {@link CodePostal}: {@code null} and blank values are valid. */
public class CodePostalValidator implements ConstraintValidator<CodePostal, CharSequence> {

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        if (value == null || value.toString().isBlank()) {
            return true;
        }
        return FrenchFormats.isPostcode(value.toString());
    }
}
