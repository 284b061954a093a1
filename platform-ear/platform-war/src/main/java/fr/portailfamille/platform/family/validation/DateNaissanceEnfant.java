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
 * The annotated {@link java.time.LocalDate} must be the birth date of a child: not in the
 * future and under 18 today, see {@link FrenchFormats#isBirthDateOfChild}. "Today" comes from
 * the Bean Validation {@code ClockProvider} (system clock by default), its day in the platform's zone.
 *
 * <p>{@code null} is valid: combine with {@code @NotNull} when the value is mandatory.
 */
@Documented
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
@Constraint(validatedBy = DateNaissanceEnfantValidator.class)
public @interface DateNaissanceEnfant {

    String message() default "La date de naissance doit être passée et l'enfant doit avoir moins de 18 ans.";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
