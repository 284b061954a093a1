package fr.portailfamille.platform.family.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The annotated {@code CharSequence} must be a French telephone number, as accepted by {@link
 * FrenchFormats#normalizePhone(String)} ({@code 06 12 34 56 78}, {@code +33 6 12 34 56 78},
 * ...). Store the normalised form.
 *
 * <p>{@code null} is valid, and so is a blank value: combine with {@code @NotBlank} when the
 * value is mandatory.
 */
@Documented
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
@Constraint(validatedBy = TelephoneFrValidator.class)
public @interface TelephoneFr {

    String message() default "Numéro de téléphone invalide : 10 chiffres, par exemple 06 12 34 56 78.";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
