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
 * The annotated {@code CharSequence} must be a valid IBAN (country length and mod-97 key),
 * spaces and lower case allowed, see {@link FrenchFormats#normalizeIban(String)}. Store the
 * normalised form.
 *
 * <p>{@code null} is valid, and so is a blank value: combine with {@code @NotBlank} when the
 * value is mandatory.
 */
@Documented
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
@Constraint(validatedBy = IbanValidator.class)
public @interface Iban {

    String message() default "IBAN invalide : vérifiez les chiffres (clé de contrôle incorrecte).";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
