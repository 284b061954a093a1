package fr.portailfamille.tenancy;

import fr.portailfamille.problems.FieldError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommuneRulesTest {

    static CommuneSpec spec(String slug, List<String> domains) {
        return new CommuneSpec(slug, "Montfaucou", "https://www.paysdemontfaucou.fr", "#1d4f91", "#f2a900",
                "<svg xmlns='http://www.w3.org/2000/svg'/>", domains);
    }

    @Test
    void slugIsReadFromPlatformSubdomainOnly() {
        assertEquals(Optional.of("montfaucou"), CommuneRules.slugFromHost("montfaucou.localhost:8080", "localhost"));
        assertEquals(Optional.of("l-hermitage"), CommuneRules.slugFromHost("L-Hermitage.portail-famille.fr.", "portail-famille.fr"));
        assertEquals(Optional.empty(), CommuneRules.slugFromHost("localhost:8080", "localhost"));
        assertEquals(Optional.empty(), CommuneRules.slugFromHost("a.b.localhost", "localhost"));
        assertEquals(Optional.empty(), CommuneRules.slugFromHost("montfaucou.evil.fr", "localhost"));
        assertEquals(Optional.empty(), CommuneRules.slugFromHost("xlocalhost", "localhost"));
        assertEquals(Optional.empty(), CommuneRules.slugFromHost(null, "localhost"));
    }

    @Test
    void hostIsNormalized() {
        assertEquals("familles.paysdemontfaucou.fr", CommuneRules.normalizeHost(" Familles.PaysDeMontfaucou.FR.:443"));
        assertEquals("[::1]", CommuneRules.normalizeHost("[::1]:8080"));
    }

    @Test
    void validSpecHasNoError() {
        assertEquals(List.of(), CommuneRules.validate(spec("montfaucou", List.of("familles.paysdemontfaucou.fr")), "localhost"));
    }

    @Test
    void invalidSlugsAreRefusedInFrench() {
        for (String bad : List.of("", "ab", "Montfaucou", "mont faucou", "-mont", "mont-", "élan", "master", "www")) {
            List<FieldError> errors = CommuneRules.validate(spec(bad, List.of()), "localhost");
            assertEquals(1, errors.size(), bad);
            assertEquals("slug", errors.get(0).field());
            assertTrue(errors.get(0).message().contains("identifiant"), errors.get(0).message());
        }
    }

    @Test
    void everyProblemIsListedAtOnce() {
        CommuneSpec bad = new CommuneSpec("x", " ", "ftp://site", "blue", "#12345", "<svg onload='x()'/>",
                List.of("pas un domaine", "montfaucou.localhost", "a.fr", "A.fr"));
        List<String> fields = CommuneRules.validate(bad, "localhost").stream().map(FieldError::field).toList();
        assertEquals(List.of("slug", "name", "websiteUrl", "primaryColor", "accentColor", "logoSvg",
                "domains", "domains", "domains"), fields);
    }

    @Test
    void aWebsiteAddressLongerThanItsColumnIsRefusedOnItsField() {
        String url = "https://www.montfaucou.fr/" + "a".repeat(CommuneRules.WEBSITE_URL_MAX);
        List<FieldError> errors = CommuneRules.validate(new CommuneSpec("montfaucou", "Montfaucou", url, "#1d4ed8", "#1d4ed8", null,
                List.of()), "localhost");
        assertEquals(List.of("websiteUrl"), errors.stream().map(FieldError::field).toList());
        assertEquals("L'adresse du site de la commune dépasse 500 caractères.", errors.get(0).message());
    }

    @Test
    void primaryColourMustContrastWithWhiteText() {
        CommuneSpec pale = new CommuneSpec("montfaucou", "Montfaucou", "https://x.fr", "#f2a900", "#f2a900", null, List.of());
        List<FieldError> errors = CommuneRules.validate(pale, "localhost");
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).message().contains("contraste"));
        assertEquals(21.0, CommuneRules.contrastWithWhite("#000000"), 0.01);
        assertEquals(1.0, CommuneRules.contrastWithWhite("#ffffff"), 0.01);
    }

    @Test
    void namesOfSchemaAndRealmComeFromTheSlug() {
        assertEquals("commune_l_hermitage", CommuneRules.schemaName("l-hermitage"));
        assertEquals("pf-l-hermitage", CommuneRules.realmName("l-hermitage"));
    }

    @Test
    void theOperatorsHostAndRealmCannotBeTakenByACommune() {
        for (String reserved : List.of("admin", "operateurs", "import", "archives")) {
            List<FieldError> errors = CommuneRules.validate(spec(reserved, List.of()), "localhost");
            assertEquals(List.of(new FieldError("slug", "L'identifiant « " + reserved + " » est réservé par la plateforme.")),
                    errors, reserved);
        }
        // the operators' realm is the one a commune "operateurs" would get
        assertEquals("pf-operateurs", CommuneRules.realmName("operateurs"));
    }

    @Test
    void anEnglishPageReadsTheProblemsInEnglish() {
        List<FieldError> errors = CommuneRules.validate(new CommuneSpec("admin", "Montfaucou", "https://www.paysdemontfaucou.fr",
                "#999999", "#f2a90", null, List.of("www.montfaucou.localhost")), "localhost");
        assertEquals(List.of("L'identifiant « admin » est réservé par la plateforme.",
                "La couleur principale est trop claire : le texte blanc n'aurait qu'un contraste de 2,8:1 (4,5:1 au moins, RGAA).",
                "La couleur d'accent doit être au format #RRGGBB.",
                "Le domaine « www.montfaucou.localhost » appartient déjà à la plateforme."),
                errors.stream().map(FieldError::message).toList());
        assertEquals(List.of("The identifier “admin” is reserved by the platform.",
                "The main colour is too light: white text would only have a contrast of 2.8:1 (at least 4.5:1, RGAA).",
                "The accent colour must be in the format #RRGGBB.",
                "The domain “www.montfaucou.localhost” already belongs to the platform."),
                errors.stream().map(e -> e.text().in(java.util.Locale.ENGLISH)).toList());
        ProvisioningException unknown = new ProvisioningException.NoSuchCommune("nulle-part");
        assertEquals("slug : Aucune commune n'a l'identifiant « nulle-part ».", unknown.getMessage());
        assertEquals("No commune has the identifier “nulle-part”.", unknown.errors().get(0).text().in(java.util.Locale.ENGLISH));
    }
}
