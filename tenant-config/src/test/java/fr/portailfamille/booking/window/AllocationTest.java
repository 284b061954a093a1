package fr.portailfamille.booking.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.booking.MonthPlan.UnitDay;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AllocationTest {

    static final LocalDate JULY_6 = LocalDate.of(2027, 7, 6);
    static final UnitDay DAY1 = new UnitDay(9, JULY_6);
    static final UnitDay DAY2 = new UnitDay(9, JULY_6.plusDays(1));

    static final WindowRules WEIGHTS = new WindowRules(Map.of(Criterion.RESIDENT, 10, Criterion.SIBLING_PLACED, 5,
            Criterion.DISABILITY_OR_PAI, 20, Criterion.SOCIAL_QF, 3), 700, false);

    static PriorityFacts facts(boolean resident, boolean sibling, boolean pai, Integer qf) {
        return new PriorityFacts(resident, false, sibling, pai, false, qf);
    }

    static WindowRequest request(long family, PriorityFacts facts, UnitDay... days) {
        List<WindowRequest.Wish> wishes = new ArrayList<>();
        for (UnitDay d : days) {
            wishes.add(new WindowRequest.Wish(family * 10, d));
        }
        return new WindowRequest(family, facts, wishes);
    }

    static Map<Long, Boolean> placedOn(Allocation a, UnitDay day) {
        return a.outcomes().stream().filter(o -> o.unitDay().equals(day))
                .collect(Collectors.toMap(Allocation.Outcome::familyId, Allocation.Outcome::placed));
    }

    @Test
    void theScoreIsTheSumOfTheWeightsOfTheCriteriaMet() {
        assertEquals(0, WEIGHTS.score(PriorityFacts.none()));
        assertEquals(10, WEIGHTS.score(facts(true, false, false, null)));
        assertEquals(35, WEIGHTS.score(facts(true, true, true, null)));
        assertEquals(38, WEIGHTS.score(facts(true, true, true, 700)));
        assertEquals(35, WEIGHTS.score(facts(true, true, true, 701)), "above the QF ceiling: not social");
        // a criterion the commune does not weigh is not met, whatever the facts
        assertEquals(List.of(Criterion.RESIDENT), WEIGHTS.met(new PriorityFacts(true, true, false, false, true, null)));
        assertEquals(0, new WindowRules(Map.of(Criterion.SOCIAL_QF, 9), null, false).score(facts(false, false, false, 10)),
                "no ceiling: the social criterion is never met");
    }

    @Test
    void weightsOutOfRangeAreRefusedInFrench() {
        assertEquals("Le poids du critère « fratrie » doit être compris entre 0 et 100.",
                new WindowRules(Map.of(Criterion.SIBLING_PLACED, 101), null, false).refusal().orElseThrow().french());
        assertTrue(new WindowRules(Map.of(Criterion.RESIDENT, -1), null, false).refusal().isPresent());
        assertTrue(new WindowRules(Map.of(), -5, false).refusal().isPresent());
        assertFalse(WEIGHTS.refusal().isPresent());
    }

    @Test
    void higherScoresAreServedFirstWhateverTheLottery() {
        // 1 seat; the only resident gets it under every seed
        for (long seed = 0; seed < 200; seed++) {
            Allocation a = Allocation.allocate(WEIGHTS, Map.of(DAY1, 1), List.of(
                    request(1, PriorityFacts.none(), DAY1), request(2, facts(true, false, false, null), DAY1),
                    request(3, facts(false, false, false, 900), DAY1)), seed);
            assertEquals(Map.of(1L, false, 2L, true, 3L, false), placedOn(a, DAY1));
        }
    }

    @Test
    void tiesAreBrokenByTheLotteryAndEveryTiedRequestCanWin() {
        Set<Long> winners = new java.util.HashSet<>();
        for (long seed = 0; seed < 100; seed++) {
            Allocation a = Allocation.allocate(WEIGHTS, Map.of(DAY1, 1), List.of(
                    request(1, PriorityFacts.none(), DAY1), request(2, PriorityFacts.none(), DAY1),
                    request(3, PriorityFacts.none(), DAY1)), seed);
            List<Allocation.Outcome> placed = a.outcomes().stream().filter(Allocation.Outcome::placed).toList();
            assertEquals(1, placed.size());
            winners.add(placed.get(0).familyId());
            // the draws of the tied requests are 1, 2, 3; the waiting ranks follow them
            assertEquals(List.of(1, 2, 3), a.outcomes().stream().map(o -> o.priority().draw()).toList());
            assertEquals(List.of(0, 1, 2), a.outcomes().stream().map(Allocation.Outcome::waitingRank).toList());
        }
        assertEquals(Set.of(1L, 2L, 3L), winners, "a fair lottery lets each tied family win under some seed");
    }

    @Test
    void theReasonIsInWordsAndHidesHealthCriteriaFromAgentsWithoutTheRole() {
        List<WindowRequest> requests = new ArrayList<>();
        for (long f = 1; f <= 112; f++) {
            requests.add(request(f, facts(false, true, false, null), DAY1));
        }
        requests.add(request(500, facts(true, false, true, null), DAY1));
        Allocation a = Allocation.allocate(WEIGHTS, Map.of(DAY1, 50), requests, 42);
        Allocation.Outcome sibling = a.outcomes().get(37);
        assertEquals(37, sibling.priority().draw());
        assertEquals("priorité : fratrie ; tirage au sort n° 37 sur 112 demandes à égalité", sibling.priority().reason(true));
        assertEquals("place attribuée — priorité : fratrie ; tirage au sort n° 37 sur 112 demandes à égalité",
                sibling.text(false));
        Allocation.Outcome first = a.outcomes().get(0);
        assertEquals(500, first.familyId());
        assertEquals("priorité : résident, handicap ou PAI ; seule demande à ce niveau de priorité", first.priority().reason(true));
        assertEquals("priorité : résident, critère confidentiel ; seule demande à ce niveau de priorité",
                first.priority().reason(false));
        Allocation.Outcome last = a.outcomes().get(112);
        assertEquals("liste d'attente, rang 63 — priorité : fratrie ; tirage au sort n° 112 sur 112 demandes à égalité",
                last.text(true));
        assertEquals("aucun critère de priorité ; seule demande à ce niveau de priorité",
                Allocation.allocate(WEIGHTS, Map.of(DAY1, 1), List.of(request(1, PriorityFacts.none(), DAY1)), 1)
                        .outcomes().get(0).priority().reason(true));
        // the same words on an English page
        assertEquals("waiting list, rank 63 — priority: siblings; lottery draw no. 112 of 112 tied requests",
                last.message(true).in(java.util.Locale.ENGLISH));
        assertEquals("seat given — priority: resident, confidential criterion; only request at this priority level",
                first.message(false).in(java.util.Locale.ENGLISH));
    }

    @Test
    void theSameSeedGivesTheSameAllocationWhateverTheArrivalOrder() {
        List<WindowRequest> requests = randomRequests(300, new Random(7));
        Map<UnitDay, Integer> seats = Map.of(DAY1, 40, DAY2, 25);
        Allocation first = Allocation.allocate(WEIGHTS, seats, requests, 123456789L);
        for (int shuffle = 0; shuffle < 5; shuffle++) {
            List<WindowRequest> arrived = new ArrayList<>(requests);
            Collections.shuffle(arrived, new Random(shuffle));
            assertEquals(first, Allocation.allocate(WEIGHTS, seats, arrived, 123456789L));
        }
        assertNotEquals(first.outcomes(), Allocation.allocate(WEIGHTS, seats, requests, 987654321L).outcomes(),
                "another seed draws another lottery");
    }

    @Test
    void seatsAreNeverExceededAndTheOthersAreRankedPerDay() {
        List<WindowRequest> requests = randomRequests(200, new Random(3));
        Map<UnitDay, Integer> seats = Map.of(DAY1, 17, DAY2, 0);
        Allocation a = Allocation.allocate(WEIGHTS, seats, requests, 5);
        long askedDay1 = a.outcomes().stream().filter(o -> o.unitDay().equals(DAY1)).count();
        assertTrue(askedDay1 > 17);
        assertEquals(17, a.placedOn(DAY1));
        assertEquals(0, a.placedOn(DAY2));
        for (UnitDay d : List.of(DAY1, DAY2)) {
            List<Integer> ranks = a.outcomes().stream().filter(o -> o.unitDay().equals(d) && !o.placed())
                    .map(Allocation.Outcome::waitingRank).toList();
            for (int i = 0; i < ranks.size(); i++) {
                assertEquals(i + 1, ranks.get(i), "waiting ranks run 1, 2, 3… per unit-day");
            }
        }
        // a unit-day the window does not offer has no seat
        assertFalse(Allocation.allocate(WEIGHTS, Map.of(), List.of(request(1, PriorityFacts.none(), DAY1)), 1)
                .outcomes().get(0).placed());
    }

    @Test
    void siblingsArePlacedTogetherOrWaitTogetherWhenTheCommuneAsks() {
        // family 1 (two children) is drawn after family 2 under some seed; 2 seats: family 2 takes one,
        // the two siblings no longer fit together
        WindowRules together = new WindowRules(Map.of(), null, true);
        WindowRules apart = new WindowRules(Map.of(), null, false);
        WindowRequest twins = new WindowRequest(1, PriorityFacts.none(), List.of(
                new WindowRequest.Wish(11, DAY1), new WindowRequest.Wish(12, DAY1)));
        WindowRequest single = request(2, PriorityFacts.none(), DAY1);
        long seed = 0;
        while (Allocation.allocate(apart, Map.of(DAY1, 2), List.of(twins, single), seed).outcomes().get(0).familyId() != 2) {
            seed++;
        }
        Allocation split = Allocation.allocate(apart, Map.of(DAY1, 2), List.of(twins, single), seed);
        assertEquals(List.of(true, true, false), split.outcomes().stream().map(Allocation.Outcome::placed).toList(),
                "without the option, one twin gets the last seat");
        Allocation kept = Allocation.allocate(together, Map.of(DAY1, 2), List.of(twins, single), seed);
        assertEquals(List.of(true, false, false), kept.outcomes().stream().map(Allocation.Outcome::placed).toList());
        assertEquals(List.of(1, 2), kept.outcomes().stream().skip(1).map(Allocation.Outcome::waitingRank).toList());
        assertTrue(kept.outcomes().get(1).text(true).contains("frères et sœurs placés ensemble"));
        // with 3 seats they are placed together
        assertEquals(3, Allocation.allocate(together, Map.of(DAY1, 3), List.of(twins, single), seed).placedOn(DAY1));
    }

    @Test
    void aFamilyRequestsOnce() {
        assertThrows(IllegalArgumentException.class, () -> Allocation.allocate(WEIGHTS, Map.of(DAY1, 1),
                List.of(request(1, PriorityFacts.none(), DAY1), request(1, PriorityFacts.none(), DAY2)), 1));
    }

    @Test
    void tenThousandRequestsForFiveHundredSeats() {
        List<LocalDate> days = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            days.add(JULY_6.plusDays(i));
        }
        Map<UnitDay, Integer> seats = new HashMap<>();
        days.forEach(d -> seats.put(new UnitDay(9, d), 500));
        Random random = new Random(11);
        List<WindowRequest> requests = new ArrayList<>();
        for (long f = 1; f <= 10_000; f++) {
            List<WindowRequest.Wish> wishes = new ArrayList<>();
            int children = 1 + random.nextInt(2);
            for (int c = 0; c < children; c++) {
                for (LocalDate d : days) {
                    if (random.nextInt(3) > 0) {
                        wishes.add(new WindowRequest.Wish(f * 10 + c, new UnitDay(9, d)));
                    }
                }
            }
            requests.add(new WindowRequest(f, new PriorityFacts(random.nextBoolean(), random.nextInt(3) == 0,
                    random.nextInt(5) == 0, random.nextInt(20) == 0, random.nextInt(4) == 0, 300 + random.nextInt(1500)), wishes));
        }
        WindowRules rules = new WindowRules(Map.of(Criterion.RESIDENT, 10, Criterion.BOTH_PARENTS_WORKING, 8,
                Criterion.SIBLING_PLACED, 5, Criterion.DISABILITY_OR_PAI, 20, Criterion.PREVIOUS_ATTENDANCE, 2,
                Criterion.SOCIAL_QF, 4), 700, true);
        long start = System.nanoTime();
        Allocation a = Allocation.allocate(rules, seats, requests, 2027L);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("Allocation of 10,000 requests (" + a.outcomes().size() + " child-days) for 500 seats a day"
                + " over 20 days: " + millis + " ms");
        for (LocalDate d : days) {
            assertEquals(500, a.placedOn(new UnitDay(9, d)));
        }
    }

    static List<WindowRequest> randomRequests(int n, Random random) {
        List<WindowRequest> requests = new ArrayList<>();
        for (long f = 1; f <= n; f++) {
            long family = 1000 + f * 7;
            List<WindowRequest.Wish> wishes = new ArrayList<>();
            int children = 1 + random.nextInt(3);
            for (int c = 0; c < children; c++) {
                if (random.nextBoolean()) {
                    wishes.add(new WindowRequest.Wish(family * 10 + c, DAY1));
                }
                if (random.nextBoolean()) {
                    wishes.add(new WindowRequest.Wish(family * 10 + c, DAY2));
                }
            }
            requests.add(new WindowRequest(family, facts(random.nextBoolean(), random.nextInt(4) == 0,
                    random.nextInt(10) == 0, 400 + random.nextInt(800)), wishes));
        }
        return requests;
    }

    @Test
    void theWeightRefusalNamesTheCriterionInThePagesLanguage() {
        for (Criterion c : Criterion.values()) {
            assertEquals("Le poids du critère « " + c.label() + " » doit être compris entre 0 et 100.",
                    new WindowRules(Map.of(c, 101), null, false).refusal().orElseThrow().french(), c.name());
        }
        assertEquals("The weight of the criterion “siblings” must be between 0 and 100.",
                new WindowRules(Map.of(Criterion.SIBLING_PLACED, -1), null, false).refusal().orElseThrow()
                        .in(java.util.Locale.ENGLISH));
        assertEquals("Le plafond de quotient familial doit être positif.",
                new WindowRules(Map.of(), -5, false).refusal().orElseThrow().french());
    }
}
