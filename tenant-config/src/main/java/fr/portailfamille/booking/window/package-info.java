/**
 * The opening window of an activity's period (pure rules, JDK only): requests are accepted between an
 * opening and a closing date-time, then {@link fr.portailfamille.booking.window.Allocation} gives the
 * unit-days' seats by the commune's weighted priority criteria and a lottery drawn from a recorded seed,
 * so the same seed and the same requests always give the same allocation, whatever their arrival order.
 */
package fr.portailfamille.booking.window;
