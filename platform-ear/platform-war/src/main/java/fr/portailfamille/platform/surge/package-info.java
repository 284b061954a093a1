/**
 * The surge queue: a bounded admission gate per commune in front of the booking pages, the request-window page and the
 * families' booking API, where a request that cannot be served at once waits in a first-in, first-out queue with its
 * position shown instead of failing.
 */
package fr.portailfamille.platform.surge;
