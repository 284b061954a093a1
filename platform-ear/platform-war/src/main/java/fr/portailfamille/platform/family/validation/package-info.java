/**
 * French input rules for the family file (dossier famille). {@link
 * fr.portailfamille.platform.family.validation.FrenchFormats} holds the rules as pure static
 * functions, with no dependency and "today" passed in: telephone numbers normalised to the
 * national form {@code 06 12 34 56 78}, postcodes of metropolitan France and overseas, IBANs
 * checked against their country length and mod-97 key, e-mail addresses, CAF allocataire
 * numbers, quotient familial and birth dates of children and adults. The Jakarta Bean Validation
 * constraints of the package ({@code @TelephoneFr}, {@code @CodePostal}, {@code @Iban},
 * {@code @NumeroCaf}, {@code @DateNaissanceEnfant}, {@code @DateNaissanceAdulte}) apply these
 * rules to entities, forms and REST resources with default messages in French shown to the
 * families as they are; like the standard constraints they treat {@code null} (and a blank
 * string) as valid, so a mandatory value also needs {@code @NotBlank} or {@code @NotNull}.
 */
package fr.portailfamille.platform.family.validation;
