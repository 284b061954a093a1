package fr.portailfamille.billing;

import java.time.LocalDate;

/**
 * What the tariff rules need to know of a family.
 *
 * @param qf quotient familial; {@code null} when unknown
 * @param qfProofDate date of the proof of the QF and resources (attestation, avis); {@code null} when none
 * @param qfSource where the QF comes from; {@code null} when unknown
 * @param monthlyResourcesCents monthly resources for effort-rate tariffs; {@code null} when not declared
 * @param resident whether the family lives in the commune ({@link BillingSettings#isResident})
 */
public record FamilyFacts(Integer qf, LocalDate qfProofDate, QfSource qfSource, Long monthlyResourcesCents,
        boolean resident) {
}
