/**
 * A local PayFiP-compatible simulator: the SOAP operations of the committed WSDL on the JDK's HTTP server (127.0.0.1
 * only), payments kept in memory, and a payment page where a tester pays, refuses or abandons, after which the
 * simulator notifies {@code urlnotif} (before the redirect, after it, never, or several times) and redirects the
 * browser to {@code urlredirect}.
 */
package fr.portailfamille.payfip.simulator;
