/**
 * REST API under {@code /api}, per commune like the pages: authenticated by a bearer access token of the commune's
 * realm (or the platform session); every error is JSON ({@link fr.portailfamille.platform.api.ApiError}) with a
 * stable code and a French message. The families' API ({@code /api/famille/v1}) has its resources in the contexts'
 * {@code api} packages, each marked {@link fr.portailfamille.platform.api.FamilyApi} (a parent of the Host's commune
 * only): a new endpoint, such as requests to an opening window, goes beside its context the same way.
 */
package fr.portailfamille.platform.api;
