/**
 * What the integration tests share: the test stack started once per run, Chromium, the mail reader, the
 * generated data, and the Arquillian and JUnit settings that let test classes share one Payara Micro.
 */
package fr.portailfamille.it.support;
