/**
 * The platform, one WAR for every commune, packaged by bounded context ({@code family}, {@code registration},
 * {@code booking}, {@code configuration}, {@code news}), each with its Faces beans in a {@code web} subpackage;
 * {@code tenancy}, {@code security}, {@code kernel}, {@code ops}, {@code mail} and {@code web} serve them all.
 */
package fr.portailfamille.platform;
