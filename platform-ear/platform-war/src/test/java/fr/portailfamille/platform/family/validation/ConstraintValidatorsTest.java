package fr.portailfamille.platform.family.validation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.platform.kernel.PlatformTime;
import jakarta.validation.Constraint;
import java.lang.annotation.Annotation;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConstraintValidatorsTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 15);
    private static final Clock FIXED = Clock.fixed(TODAY.atStartOfDay(PlatformTime.ZONE).plusHours(10).toInstant(),
            PlatformTime.ZONE);

    @Test
    void telephone() {
        TelephoneFrValidator v = new TelephoneFrValidator();
        assertTrue(v.isValid(null, null));
        assertTrue(v.isValid("", null));
        assertTrue(v.isValid("   ", null));
        assertTrue(v.isValid("06 12 34 56 78", null));
        assertTrue(v.isValid("+33 5 55 45 60 00", null));
        assertTrue(v.isValid("0033612345678", null));
        assertTrue(v.isValid(new StringBuilder("06.12.34.56.78"), null));
        assertFalse(v.isValid("06 12 34 56", null));
        assertFalse(v.isValid("00 12 34 56 78", null));
        assertFalse(v.isValid("+33 06 12 34 56 78", null));
        assertFalse(v.isValid("téléphone", null));
    }

    @Test
    void codePostal() {
        CodePostalValidator v = new CodePostalValidator();
        assertTrue(v.isValid(null, null));
        assertTrue(v.isValid(" ", null));
        assertTrue(v.isValid("87000", null));
        assertTrue(v.isValid("20000", null));
        assertTrue(v.isValid("97400", null));
        assertTrue(v.isValid("98800", null));
        assertFalse(v.isValid("00000", null));
        assertFalse(v.isValid("97800", null));
        assertFalse(v.isValid("8700", null));
        assertFalse(v.isValid("2A004", null));
    }

    @Test
    void iban() {
        IbanValidator v = new IbanValidator();
        assertTrue(v.isValid(null, null));
        assertTrue(v.isValid("", null));
        assertTrue(v.isValid("FR76 3000 6000 0112 3456 7890 189", null));
        assertTrue(v.isValid("fr1420041010050500013m02606", null));
        assertTrue(v.isValid("DE89 3704 0044 0532 0130 00", null));
        assertFalse(v.isValid("FR76 3000 6000 0112 3456 7890 188", null));
        assertFalse(v.isValid("FR76 3000 6000 0112 3456 7890 18", null));
        assertFalse(v.isValid("FR14 2004 1010 0505 0001 3M02 607", null));
    }

    @Test
    void numeroCaf() {
        NumeroCafValidator v = new NumeroCafValidator();
        assertTrue(v.isValid(null, null));
        assertTrue(v.isValid("  ", null));
        assertTrue(v.isValid("1234567", null));
        assertTrue(v.isValid("123 4567", null));
        assertFalse(v.isValid("123456", null));
        assertFalse(v.isValid("12345678", null));
        assertFalse(v.isValid("12345A7", null));
    }

    @Test
    void dateNaissanceEnfantWithFixedClock() {
        DateNaissanceEnfantValidator v = new DateNaissanceEnfantValidator(FIXED);
        assertTrue(v.isValid(null, null));
        assertTrue(v.isValid(TODAY, null));
        assertTrue(v.isValid(LocalDate.of(2007, 6, 16), null));
        assertFalse(v.isValid(LocalDate.of(2007, 6, 15), null)); // 18th birthday today
        assertFalse(v.isValid(TODAY.plusDays(1), null));
    }

    @Test
    void dateNaissanceEnfantWithSystemClock() {
        DateNaissanceEnfantValidator v = new DateNaissanceEnfantValidator();
        LocalDate now = PlatformTime.today();
        assertTrue(v.isValid(now.minusYears(5), null));
        assertTrue(v.isValid(now.minusYears(18).plusDays(1), null));
        assertFalse(v.isValid(now.minusYears(18), null));
        assertFalse(v.isValid(now.plusDays(1), null));
    }

    @Test
    void dateNaissanceAdulteWithFixedClock() {
        DateNaissanceAdulteValidator v = new DateNaissanceAdulteValidator(FIXED);
        assertTrue(v.isValid(null, null));
        assertTrue(v.isValid(LocalDate.of(1980, 1, 31), null));
        assertTrue(v.isValid(LocalDate.of(2009, 6, 15), null)); // 16 today
        assertFalse(v.isValid(LocalDate.of(2009, 6, 16), null));
        assertTrue(v.isValid(LocalDate.of(1904, 6, 16), null)); // 120
        assertFalse(v.isValid(LocalDate.of(1904, 6, 15), null)); // 121
        assertFalse(v.isValid(TODAY.plusDays(1), null));
    }

    @Test
    void dateNaissanceAdulteWithSystemClock() {
        DateNaissanceAdulteValidator v = new DateNaissanceAdulteValidator();
        LocalDate now = PlatformTime.today();
        assertTrue(v.isValid(now.minusYears(40), null));
        assertTrue(v.isValid(now.minusYears(16), null));
        assertFalse(v.isValid(now.minusYears(16).plusDays(1), null));
        assertFalse(v.isValid(now.minusYears(130), null));
        assertFalse(v.isValid(now.plusDays(1), null));
    }

    @Test
    void annotationsCarryFrenchMessagesAndTheirValidator() throws Exception {
        Map<Class<? extends Annotation>, String> messages = Map.of(
                TelephoneFr.class,
                "Numéro de téléphone invalide : 10 chiffres, par exemple 06 12 34 56 78.",
                CodePostal.class, "Code postal invalide : 5 chiffres, par exemple 87000.",
                Iban.class, "IBAN invalide : vérifiez les chiffres (clé de contrôle incorrecte).",
                NumeroCaf.class, "Numéro d'allocataire CAF invalide : 7 chiffres.",
                DateNaissanceEnfant.class,
                "La date de naissance doit être passée et l'enfant doit avoir moins de 18 ans.",
                DateNaissanceAdulte.class,
                "La date de naissance doit être passée et la personne doit avoir entre 16 et 120 ans.");
        Map<Class<? extends Annotation>, Class<?>> validators = Map.of(
                TelephoneFr.class, TelephoneFrValidator.class,
                CodePostal.class, CodePostalValidator.class,
                Iban.class, IbanValidator.class,
                NumeroCaf.class, NumeroCafValidator.class,
                DateNaissanceEnfant.class, DateNaissanceEnfantValidator.class,
                DateNaissanceAdulte.class, DateNaissanceAdulteValidator.class);
        for (var entry : messages.entrySet()) {
            Class<? extends Annotation> type = entry.getKey();
            assertEquals(entry.getValue(), type.getMethod("message").getDefaultValue(), type.getName());
            assertEquals(0, ((Class<?>[]) type.getMethod("groups").getDefaultValue()).length);
            assertEquals(0, ((Class<?>[]) type.getMethod("payload").getDefaultValue()).length);
            Constraint constraint = type.getAnnotation(Constraint.class);
            assertNotNull(constraint, type.getName());
            assertArrayEquals(new Class<?>[] {validators.get(type)}, constraint.validatedBy());
            assertEquals(RetentionPolicy.RUNTIME, type.getAnnotation(Retention.class).value());
            assertNotNull(type.getAnnotation(Documented.class));
            assertArrayEquals(new ElementType[] {ElementType.FIELD, ElementType.METHOD,
                ElementType.PARAMETER, ElementType.TYPE_USE}, type.getAnnotation(Target.class).value());
            // the default validator factory needs a public no-arg constructor
            assertNotNull(validators.get(type).getConstructor().newInstance());
        }
    }
}
