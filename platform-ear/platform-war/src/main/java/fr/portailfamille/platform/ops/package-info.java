/**
 * Running the platform: health endpoints, correlation ids, the friendly error pages, outages of the
 * database or Keycloak answered with a 503 page ({@code Outage}, {@code FailureFilter}) and a throttled log.
 */
package fr.portailfamille.platform.ops;
