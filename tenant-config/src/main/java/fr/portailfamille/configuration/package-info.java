/**
 * A commune's configuration as one file: establishments, school calendar, closures, activities with
 * their units and booking rules, legend, settings (zone, CGU), and billing (QF brackets, régies,
 * tariffs: {@link fr.portailfamille.billing.BillingConfiguration}).
 *
 * <ul>
 *   <li>{@link fr.portailfamille.configuration.CommuneConfiguration}: the configuration as a value.</li>
 *   <li>{@link fr.portailfamille.configuration.ConfigurationJson}: the file format (JSON with a
 *       {@code format}/{@code version} header), read with every problem reported by field path.</li>
 *   <li>{@link fr.portailfamille.configuration.ConfigurationRules}: what a configuration must respect
 *       before it is imported
 *       (the billing section's in {@code BillingRules}).</li>
 *   <li>{@link fr.portailfamille.configuration.ConfigurationStore}: the one writer of a commune
 *       schema's configuration tables (import; the billing tables through {@code BillingStore}), in the
 *       caller's transaction;
 *       {@link fr.portailfamille.configuration.ConfigurationReader}: their one reader (export, and the
 *       calendar, legend, settings and documents the platform reads on every request).</li>
 *   <li>{@link fr.portailfamille.configuration.SchoolLevel} and
 *       {@code CommuneConfiguration.ActivityType#holidayOnly()}: domain facts written once.</li>
 *   <li>{@link fr.portailfamille.configuration.DefaultConfiguration}: what a new commune starts with.</li>
 * </ul>
 *
 * <p>Refusals are {@link fr.portailfamille.configuration.ConfigurationException}s holding
 * {@link fr.portailfamille.problems.FieldError}s with French messages.
 */
package fr.portailfamille.configuration;
