/**
 * Faces beans of every page (by audience: {@code /} public, {@code /espace} families, {@code /agent} staff,
 * {@code /erreur}) and the web's cross-cutting guards: correlation id, security headers, CSP and session
 * cookie attributes ({@code HardeningFilter}), outages answered with a 503 page and a throttled log
 * ({@code FailureFilter}, {@code Outage}, {@code LogThrottle}), view parameters read on a page's first request only.
 */
package fr.portailfamille.platform.web;
