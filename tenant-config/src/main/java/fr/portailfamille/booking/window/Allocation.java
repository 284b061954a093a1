package fr.portailfamille.booking.window;

import fr.portailfamille.problems.Message;
import fr.portailfamille.problems.Problems;
import fr.portailfamille.booking.MonthPlan;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The allocation of an opening window's seats when it closes.
 *
 * <ol>
 *   <li>Each request scores the sum of the weights of the criteria it meets ({@link WindowRules#score}).</li>
 *   <li>The lottery: the requests, sorted by family id (so that their arrival order plays no part), are
 *       shuffled by Fisher–Yates with a {@link SplittableRandom} seeded with the recorded seed; a request's
 *       place in that shuffle breaks the ties of its score.</li>
 *   <li>Requests are served by score, then by draw; each asks for its unit-days in day order, its
 *       children in id order. A unit-day's free seats are never exceeded; when the commune places
 *       siblings together, the family's children asking for the same unit-day are all placed or all wait.
 *       Whoever is not placed is ranked on that unit-day's waiting list, in the order served.</li>
 * </ol>
 *
 * The same seed, rules, seats and requests always give the same outcomes, in the same order.
 *
 * @param outcomes one per child and unit-day asked, in the order requests were served
 */
public record Allocation(long seed, List<Outcome> outcomes) {

    /** What one child got on one unit-day, and why. {@code waitingRank} is 0 when placed. */
    public record Outcome(long familyId, long childId, MonthPlan.UnitDay unitDay, boolean placed, int waitingRank,
                          Priority priority, boolean siblingsKeptTogether) {

        /** The outcome and its reason in French words. */
        public String text(boolean showHealth) {
            return message(showHealth).french();
        }

        /** {@link #text}, to be read in the reader's language. */
        public Message message(boolean showHealth) {
            Message why = priority.reasonText(showHealth);
            if (placed) {
                return Problems.of("booking.outcome.placed", why);
            }
            return Problems.of(siblingsKeptTogether ? "booking.outcome.waitingSiblings" : "booking.outcome.waiting",
                    String.valueOf(waitingRank), why);
        }
    }

    /** A seed for a window being closed, drawn from the platform's strong random source. */
    public static long newSeed() {
        return new SecureRandom().nextLong();
    }

    /**
     * Allocates the seats of an opening window.
     *
     * @param seats the free seats of each unit-day the window offers (a unit-day missing has none)
     * @param requests one per family (a family twice is refused)
     */
    public static Allocation allocate(WindowRules rules, Map<MonthPlan.UnitDay, Integer> seats,
                                      List<WindowRequest> requests, long seed) {
        List<WindowRequest> byFamily = new ArrayList<>(requests);
        byFamily.sort(Comparator.comparingLong(WindowRequest::familyId));
        for (int i = 1; i < byFamily.size(); i++) {
            if (byFamily.get(i).familyId() == byFamily.get(i - 1).familyId()) {
                throw new IllegalArgumentException("two requests of family " + byFamily.get(i).familyId());
            }
        }
        int n = byFamily.size();
        int[] drawOf = draws(n, seed);
        int[] scoreOf = new int[n];
        for (int i = 0; i < n; i++) {
            scoreOf[i] = rules.score(byFamily.get(i).facts());
        }
        List<Integer> order = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingInt(i -> -scoreOf[i]).thenComparingInt(i -> drawOf[i]));

        Map<Integer, Integer> tiedByScore = new HashMap<>();
        for (int s : scoreOf) {
            tiedByScore.merge(s, 1, Integer::sum);
        }
        Map<MonthPlan.UnitDay, Integer> free = new HashMap<>(seats);
        Map<MonthPlan.UnitDay, Integer> waiting = new HashMap<>();
        List<Outcome> outcomes = new ArrayList<>();
        int previousScore = Integer.MIN_VALUE;
        int drawInTie = 0;
        for (int i : order) {
            drawInTie = scoreOf[i] == previousScore ? drawInTie + 1 : 1;
            previousScore = scoreOf[i];
            WindowRequest request = byFamily.get(i);
            Priority priority = new Priority(scoreOf[i], rules.met(request.facts()), drawInTie, tiedByScore.get(scoreOf[i]));
            for (Map.Entry<MonthPlan.UnitDay, List<Long>> asked : askedByUnitDay(request).entrySet()) {
                MonthPlan.UnitDay unitDay = asked.getKey();
                List<Long> children = asked.getValue();
                boolean together = rules.siblingsTogether() && children.size() > 1;
                int left = free.getOrDefault(unitDay, 0);
                boolean allFit = left >= children.size();
                for (long child : children) {
                    left = free.getOrDefault(unitDay, 0);
                    if (left > 0 && (!together || allFit)) {
                        free.put(unitDay, left - 1);
                        outcomes.add(new Outcome(request.familyId(), child, unitDay, true, 0, priority, false));
                    } else {
                        int rank = waiting.merge(unitDay, 1, Integer::sum);
                        outcomes.add(new Outcome(request.familyId(), child, unitDay, false, rank, priority,
                                together && left > 0));
                    }
                }
            }
        }
        return new Allocation(seed, List.copyOf(outcomes));
    }

    /** For each request (by index in family order), its place in the seeded shuffle (from 0). */
    private static int[] draws(int n, long seed) {
        int[] shuffled = new int[n];
        for (int i = 0; i < n; i++) {
            shuffled[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = t;
        }
        int[] drawOf = new int[n];
        for (int place = 0; place < n; place++) {
            drawOf[shuffled[place]] = place;
        }
        return drawOf;
    }

    /** A request's unit-days in day then unit order, each with its children in id order (duplicates once). */
    private static Map<MonthPlan.UnitDay, List<Long>> askedByUnitDay(WindowRequest request) {
        Map<MonthPlan.UnitDay, Set<Long>> sets = new TreeMap<>(Comparator.comparing(MonthPlan.UnitDay::day)
                .thenComparingLong(MonthPlan.UnitDay::unitId));
        for (WindowRequest.Wish w : request.wishes()) {
            sets.computeIfAbsent(w.unitDay(), k -> new HashSet<>()).add(w.childId());
        }
        Map<MonthPlan.UnitDay, List<Long>> asked = new LinkedHashMap<>();
        sets.forEach((d, children) -> asked.put(d, children.stream().sorted().toList()));
        return asked;
    }

    /** Seats given on {@code unitDay}. */
    public long placedOn(MonthPlan.UnitDay unitDay) {
        return outcomes.stream().filter(o -> o.placed() && o.unitDay().equals(unitDay)).count();
    }
}
