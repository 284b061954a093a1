package fr.portailfamille.platform.family.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Validator of {@link Iban}: {@code null} and blank values are valid. */
public class IbanValidator implements ConstraintValidator<Iban, CharSequence> {

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        if (value == null || value.toString().isBlank()) {
            return true;
        }
        return FrenchFormats.isIban(value.toString());
    }
}
