/**
 * The family's billing documents as PDF (invoice or credit note, relevé de compte, attestation fiscale),
 * built as XHTML in the commune's name and colours and rendered by {@code kernel.HtmlPdf}; every read
 * goes through {@code billing.FamilyAccount}, which keeps a family to its own account.
 */
package fr.portailfamille.platform.billing.documents;
