/**
 * Benchmarks outside the test command (run by {@code bench/run}): month planning (JMH), the seat lock under
 * concurrent bookers on a real PostgreSQL, and the heap of many plannings; each writes its section through
 * {@code Report}, and {@code bench/run} gathers them with the machine and verdicts in {@code bench/results/}.
 */
package fr.portailfamille.bench;
