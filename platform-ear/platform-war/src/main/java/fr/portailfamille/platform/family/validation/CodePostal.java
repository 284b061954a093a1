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
 * The annotated {@code CharSequence} must be a French postcode, see {@link
 * FrenchFormats#isPostcode(String)}.
 *
 * <p>{@code null} is valid, and so is a blank value: combine with {@code @NotBlank} when the
 * value is mandatory.
 */
@Documented
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
@Constraint(validatedBy = CodePostalValidator.class)
public @interface CodePostal {

    String message() default "Code postal invalide : 5 chiffres, par exemple 87000.";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
