package gov.appeals.intake.enterprise;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import gov.appeals.events.AppealStatus;
import gov.appeals.events.Rating;

/**
 * One file per enterprise (一企一档): the appeals of one enterprise an actor may see, open ones first and the newest
 * first within each group, with the repeats (重复件) each one drew, and counts by category and by year. About the
 * enterprise, not its contact: no contact name, no phone.
 *
 * @param name       the enterprise's name on its newest appeal
 * @param open       how many of {@code appeals} are not closed
 * @param total      how many {@code appeals} there are (at most {@link #MAX_APPEALS})
 * @param byCategory the appeals per category, most first, ties by category code (no category last)
 * @param byYear     the appeals per year of acceptance (China time), newest year first
 */
public record EnterpriseFile(String creditCode, String name, List<Appeal> appeals, int open, int total,
                             List<CategoryCount> byCategory, List<YearCount> byYear) {

    /** The newest appeals a file holds; older ones are left out, and the counts are over those held. */
    public static final int MAX_APPEALS = 1000;

    /** Years are counted as the district counts them. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** What the file needs of one stored appeal. */
    public record Summary(String id, String number, String enterpriseName, String title, AppealStatus status,
                          String category, String leadDepartment, Instant acceptedAt, Instant answerBy,
                          Rating rating, Boolean resolved, String repeatOf) {
    }

    /** One appeal of the file; {@code repeats} are the ids of the file's appeals that repeat this one. */
    public record Appeal(String id, String number, String title, AppealStatus status, String category,
                         String leadDepartment, Instant acceptedAt, Instant answerBy, Rating rating,
                         Boolean resolved, String repeatOf, List<String> repeats) {
    }

    public record CategoryCount(String category, int count) {
    }

    public record YearCount(int year, int count) {
    }

    /** Open first, then closed; newest accepted first within each; by id when accepted at the same instant. */
    static final Comparator<Summary> ORDER = Comparator.comparing((Summary s) -> s.status() == AppealStatus.CLOSED)
            .thenComparing(Summary::acceptedAt, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Summary::id, Comparator.nullsLast(Comparator.naturalOrder()));

    private static final Comparator<Summary> NEWEST = Comparator.comparing(Summary::acceptedAt,
                    Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Summary::id, Comparator.nullsLast(Comparator.naturalOrder()));

    public EnterpriseFile {
        appeals = List.copyOf(appeals);
        byCategory = List.copyOf(byCategory);
        byYear = List.copyOf(byYear);
    }

    /**
     * The file of the enterprise's appeals the actor may see (the caller has kept only those), the newest
     * {@link #MAX_APPEALS} of them.
     *
     * @return empty when there are none: the enterprise is not known, or none of its appeals is the actor's to see
     */
    public static Optional<EnterpriseFile> of(String creditCode, List<Summary> visible) {
        if (visible.isEmpty()) {
            return Optional.empty();
        }
        List<Summary> held = visible.stream().sorted(NEWEST).limit(MAX_APPEALS).toList();
        Map<String, List<String>> repeats = new LinkedHashMap<>();
        held.stream().sorted(NEWEST.reversed()).filter(s -> s.repeatOf() != null)
                .forEach(s -> repeats.computeIfAbsent(s.repeatOf(), k -> new ArrayList<>()).add(s.id()));
        List<Appeal> appeals = held.stream().sorted(ORDER)
                .map(s -> new Appeal(s.id(), s.number(), s.title(), s.status(), s.category(), s.leadDepartment(),
                        s.acceptedAt(), s.answerBy(), s.rating(), s.resolved(), s.repeatOf(),
                        List.copyOf(repeats.getOrDefault(s.id(), List.of()))))
                .toList();
        int open = (int) held.stream().filter(s -> s.status() != AppealStatus.CLOSED).count();
        return Optional.of(new EnterpriseFile(creditCode, held.get(0).enterpriseName(), appeals, open, held.size(),
                byCategory(held), byYear(held)));
    }

    private static List<CategoryCount> byCategory(List<Summary> held) {
        Map<String, Long> counts = held.stream().collect(Collectors.groupingBy(
                s -> Objects.requireNonNullElse(s.category(), ""), Collectors.counting()));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                        // No category ("") sorts after every code among equal counts.
                        .thenComparing(Map.Entry::getKey, Comparator.<String, Boolean>comparing(String::isEmpty)
                                .thenComparing(Comparator.naturalOrder())))
                .map(e -> new CategoryCount(e.getKey().isEmpty() ? null : e.getKey(), e.getValue().intValue()))
                .toList();
    }

    private static List<YearCount> byYear(List<Summary> held) {
        Map<Integer, Integer> counts = new TreeMap<>(Comparator.reverseOrder());
        held.stream().filter(s -> s.acceptedAt() != null)
                .forEach(s -> counts.merge(s.acceptedAt().atZone(ZONE).getYear(), 1, Integer::sum));
        return counts.entrySet().stream().map(e -> new YearCount(e.getKey(), e.getValue())).toList();
    }
}
