/**
 * Running the platform: the MicroProfile Health checks behind Payara Micro's {@code /health/*} (started,
 * ready: database and Keycloak, live) kept with {@code /metrics} off the public hosts, correlation ids, the
 * friendly error pages, outages of the database or Keycloak answered with a 503 page ({@code Outage},
 * {@code FailureFilter}) and a throttled log.
 */
package fr.portailfamille.platform.ops;
