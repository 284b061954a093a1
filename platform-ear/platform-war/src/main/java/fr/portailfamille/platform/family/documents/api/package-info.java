/**
 * The documents' part of the families' REST API ({@code /api/famille/v1/documents}): Mes documents listed, read and
 * sent by a {@code multipart/form-data} form, through the page's own service and its checks.
 */
package fr.portailfamille.platform.family.documents.api;
