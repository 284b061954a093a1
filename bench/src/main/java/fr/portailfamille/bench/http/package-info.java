/**
 * The planning page over real HTTP: 50 parents signed in through Keycloak load "Mon planning" and the
 * commune's 404 page (same template, no service call) with Gatling, on the whole platform (devstack).
 */
package fr.portailfamille.bench.http;
