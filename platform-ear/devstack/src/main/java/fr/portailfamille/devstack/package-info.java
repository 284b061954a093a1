/**
 * The embedded default stack. {@link fr.portailfamille.devstack.DevStack} starts, all on 127.0.0.1:
 * PostgreSQL ({@link fr.portailfamille.devstack.Postgres}, zonky binaries), GreenMail with its REST API
 * ({@link fr.portailfamille.devstack.MailServer}), Keycloak in production mode on that PostgreSQL
 * ({@link fr.portailfamille.devstack.KeycloakServer}, distribution from Maven Central, unpacked once
 * into a cache) and the platform on Payara Micro ({@link fr.portailfamille.devstack.PayaraServer});
 * then it provisions the demo communes ({@link fr.portailfamille.devstack.DemoCommunes}) with the same
 * {@link fr.portailfamille.tenancy.CommuneProvisioner} an operator uses. The integration tests start
 * the same pieces.
 */
package fr.portailfamille.devstack;
