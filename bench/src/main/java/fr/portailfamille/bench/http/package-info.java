/**
 * Benches over real HTTP on the whole platform (devstack): parents signed in through Keycloak load "Mon planning"
 * and the commune's 404 page with Gatling, communes at scale, and the opening rush, where thousands of parents with
 * real access tokens of the realm book or request the same days at once through the families' REST API.
 */
package fr.portailfamille.bench.http;
