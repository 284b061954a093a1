/**
 * The platform, one WAR for every commune. Packages by bounded context: {@code tenancy} (which commune
 * a request is for, and the JPA layer bound to its schema), {@code security} (OIDC against the
 * commune's Keycloak realm), {@code family}, {@code news}, then {@code web} (Faces views and error
 * handling) and {@code api} (REST resources).
 */
package fr.portailfamille.platform;
