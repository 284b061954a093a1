/**
 * REST API under {@code /api}, per commune like the pages: authenticated by a bearer access token of
 * the commune's realm (or the platform session). Errors are JSON with a French message.
 */
package fr.portailfamille.platform.api;
