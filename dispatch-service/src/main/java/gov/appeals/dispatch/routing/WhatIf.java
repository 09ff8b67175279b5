package gov.appeals.dispatch.routing;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import gov.appeals.dispatch.routing.RoutingHistory.PastRouting;

/**
 * What a candidate rule set would have changed over a period: each appeal accepted then is routed again, as it was
 * when it arrived (before any return), and its new lead compared with the lead the rules first chose. How many of
 * the changed ones were returned or reopened under the old rules says whether the candidate fixes a real problem.
 *
 * @param replayed        appeals accepted in the period
 * @param unchanged       the same lead as before (or triage again)
 * @param changed         a different lead, or triage instead of a lead, or the other way round
 * @param changedReturned of the changed ones, how many a department returned under the old rules
 * @param changedReopened of the changed ones, how many were reopened after a dissatisfied rating
 * @param toTriage        how many the candidate would send to triage
 * @param moves           from which lead to which, most frequent first; {@value #TRIAGE} stands for the triage queue
 */
public record WhatIf(Instant from, Instant to, int replayed, int unchanged, int changed, int changedReturned,
                     int changedReopened, int toTriage, List<Move> moves) {

    public static final String TRIAGE = "TRIAGE";

    public WhatIf {
        moves = List.copyOf(moves);
    }

    public record Move(String from, String to, int count, int returned, int reopened) {
    }

    public static WhatIf replay(Instant from, Instant to, List<PastRouting> past, RoutingRules candidate) {
        int unchanged = 0;
        int returned = 0;
        int reopened = 0;
        int toTriage = 0;
        Map<List<String>, int[]> moves = new LinkedHashMap<>();
        for (PastRouting routing : past) {
            RoutingDecision decision = candidate.route(routing.facts(), Set.of());
            String lead = decision instanceof RoutingDecision.Assign assign ? assign.lead() : null;
            if (lead == null) {
                toTriage++;
            }
            if (Objects.equals(lead, routing.firstLead())) {
                unchanged++;
                continue;
            }
            int[] move = moves.computeIfAbsent(List.of(label(routing.firstLead()), label(lead)), key -> new int[3]);
            move[0]++;
            if (routing.returned()) {
                move[1]++;
                returned++;
            }
            if (routing.reopened()) {
                move[2]++;
                reopened++;
            }
        }
        List<Move> sorted = moves.entrySet().stream()
                .map(e -> new Move(e.getKey().get(0), e.getKey().get(1), e.getValue()[0], e.getValue()[1],
                        e.getValue()[2]))
                .sorted(Comparator.comparingInt(Move::count).reversed().thenComparing(Move::from)
                        .thenComparing(Move::to))
                .toList();
        return new WhatIf(from, to, past.size(), unchanged, past.size() - unchanged, returned, reopened, toTriage,
                sorted);
    }

    private static String label(String lead) {
        return lead == null ? TRIAGE : lead;
    }
}
