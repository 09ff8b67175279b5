package gov.appeals.feedback.metrics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import gov.appeals.events.AppealAccepted;
import gov.appeals.events.AppealAssigned;
import gov.appeals.events.AppealClosed;
import gov.appeals.events.AppealClosed.ClosureReason;
import gov.appeals.events.AppealEvent;
import gov.appeals.events.AppealOverdue;
import gov.appeals.events.AppealRated;
import gov.appeals.events.AppealRef;
import gov.appeals.events.AppealReopened;
import gov.appeals.events.AppealReturned;
import gov.appeals.events.AppealResponded;
import gov.appeals.events.AppealSentToTriage;
import gov.appeals.events.AppealSigned;
import gov.appeals.events.ClockKind;
import gov.appeals.events.ExtensionDecided;
import gov.appeals.events.Rating;
import gov.appeals.reference.calendar.WorkingCalendar;

/**
 * What one appeal contributes to the closure metrics (三率), folded from its events. Every event id is remembered,
 * so an event delivered twice changes nothing. The appeal's events arrive in order, but where it costs little the
 * fold does not rely on it: "first" and "latest" are decided by version, returns by the set of departments that
 * returned the appeal, and a running clock's overdue mark only by a note at least as new as the stage change that stopped it.
 *
 * @param acceptedDay            the Shanghai date of the acceptance: the period the appeal counts in; null until the
 *                               acceptance is seen, and until then the appeal counts nowhere
 * @param lead                   the lead of the newest assignment or reopening, null before any
 * @param triageUnit             the unit of the newest triage hand-over, the appeal's department while it has no lead
 * @param assignedCategory       the category of the newest assignment that named one
 * @param returnedBy             every department that returned the appeal (退单), sorted
 * @param signedOnTime           whether the first signature was within its deadline, null before any
 * @param firstAnsweredAt        when the first answer was given, null before any
 * @param rating                 the newest rating, null before any
 * @param overdue                the clocks overdue now
 * @param signForClearedAt       version of the newest stage change that stopped the sign-for clock
 * @param allClearedAt           version of the newest stage change that stopped every clock
 */
public record AppealFigures(String appealId, String number, LocalDate acceptedDay, String street,
                            String acceptedCategory, String lead, int leadVersion, String triageUnit,
                            int triageVersion, String assignedCategory, int assignedCategoryVersion,
                            List<String> returnedBy, Instant firstAssignedAt, int firstAssignedVersion,
                            Boolean signedOnTime, int signedVersion, Instant firstAnsweredAt, Boolean answeredOnTime,
                            int answeredVersion, Rating rating, Boolean resolved, int ratingVersion, boolean reopened,
                            ClosureReason closure, List<ClockKind> overdue, int signForClearedAt, int allClearedAt,
                            List<String> appliedEventIds) {

    public AppealFigures {
        Objects.requireNonNull(appealId, "appealId");
        returnedBy = returnedBy == null ? List.of() : List.copyOf(returnedBy);
        overdue = overdue == null ? List.of() : List.copyOf(overdue);
        appliedEventIds = appliedEventIds == null ? List.of() : List.copyOf(appliedEventIds);
    }

    /** An appeal nothing is known about yet. */
    public static AppealFigures of(AppealRef appeal) {
        return new AppealFigures(appeal.appealId(), appeal.number(), null, null, null, null, 0, null, 0, null, 0,
                List.of(), null, 0, null, 0, null, null, 0, null, null, 0, false, null, List.of(), 0, 0, List.of());
    }

    public boolean hasApplied(String eventId) {
        return appliedEventIds.contains(eventId);
    }

    /** @return the figures after the event; this same object when it was applied before or changes no figure */
    public AppealFigures apply(AppealEvent event) {
        if (hasApplied(event.eventId())) {
            return this;
        }
        Builder next = new Builder(this);
        int version = event.version();
        if (event instanceof AppealAccepted accepted) {
            next.number = accepted.appeal().number();
            next.acceptedDay = accepted.occurredAt().atZone(WorkingCalendar.ZONE).toLocalDate();
            next.street = accepted.street();
            next.acceptedCategory = accepted.category();
        } else if (event instanceof AppealAssigned assigned) {
            next.lead(assigned.department(), version);
            if (assigned.category() != null && version > assignedCategoryVersion) {
                next.assignedCategory = assigned.category();
                next.assignedCategoryVersion = version;
            }
            if (firstAssignedAt == null || version < firstAssignedVersion) {
                next.firstAssignedAt = assigned.occurredAt();
                next.firstAssignedVersion = version;
            }
        } else if (event instanceof AppealReturned returned) {
            Set<String> departments = new TreeSet<>(returnedBy);
            if (returned.department() != null) {
                departments.add(returned.department());
            }
            next.returnedBy = List.copyOf(departments);
        } else if (event instanceof AppealSentToTriage triage) {
            if (version > triageVersion) {
                next.triageUnit = triage.department();
                next.triageVersion = version;
            }
        } else if (event instanceof AppealSigned signed) {
            if (signedOnTime == null || version < signedVersion) {
                next.signedOnTime = signed.withinDeadline();
                next.signedVersion = version;
            }
            next.signForClearedAt = Math.max(signForClearedAt, version);
            next.overdue.remove(ClockKind.SIGN_FOR);
        } else if (event instanceof AppealResponded responded) {
            if (firstAnsweredAt == null || version < answeredVersion) {
                next.firstAnsweredAt = responded.occurredAt();
                next.answeredOnTime = responded.withinDeadline();
                next.answeredVersion = version;
            }
            next.stopAllClocks(version);
        } else if (event instanceof AppealRated rated) {
            if (version >= ratingVersion) {
                next.rating = rated.rating();
                next.resolved = rated.resolved();
                next.ratingVersion = version;
            }
        } else if (event instanceof AppealReopened reopenedEvent) {
            next.reopened = true;
            next.lead(reopenedEvent.department(), version);
            next.stopAllClocks(version);
        } else if (event instanceof AppealClosed closed) {
            next.closure = closed.reason();
            next.stopAllClocks(version);
        } else if (event instanceof AppealOverdue overdueEvent) {
            int clearedAt = overdueEvent.clock() == ClockKind.SIGN_FOR
                    ? Math.max(signForClearedAt, allClearedAt) : allClearedAt;
            if (closure == null && overdueEvent.clock() != null && version >= clearedAt) {
                next.overdue.add(overdueEvent.clock());
            }
        } else if (event instanceof ExtensionDecided decided) {
            if (decided.approved()) {
                next.overdue.remove(ClockKind.ANSWER);
            }
        } else {
            // Due-soon alarms, supervision orders, extension requests and hotspots change no figure.
            return this;
        }
        next.appliedEventIds.add(event.eventId());
        return next.build();
    }

    /** Whether the acceptance has been seen: only then does the appeal count anywhere. */
    public boolean counted() {
        return acceptedDay != null;
    }

    /** The row the appeal counts in when grouped by {@code dimension}. */
    public String key(Dimension dimension) {
        String key = switch (dimension) {
            case DEPARTMENT -> lead != null ? lead : triageUnit;
            case STREET -> street;
            case CATEGORY -> assignedCategory != null ? assignedCategory : acceptedCategory;
        };
        return key == null ? dimension.none() : key;
    }

    /** The figures the appeal counts in, by the definitions of docs/metrics.md; none before the acceptance. */
    public Set<Figure> figures() {
        Set<Figure> figures = EnumSet.noneOf(Figure.class);
        if (!counted()) {
            return figures;
        }
        figures.add(Figure.VOLUME);
        boolean assigned = firstAssignedAt != null;
        add(figures, Figure.ASSIGNED, assigned);
        add(figures, Figure.SIGNED_ON_TIME, Boolean.TRUE.equals(signedOnTime));
        add(figures, Figure.RATED, rating != null);
        add(figures, Figure.RESOLVED, rating != null && Boolean.TRUE.equals(resolved));
        add(figures, Figure.SATISFIED, rating == Rating.SATISFIED || rating == Rating.BASICALLY_SATISFIED);
        add(figures, Figure.ANSWERED, firstAnsweredAt != null);
        add(figures, Figure.ANSWERED_ON_TIME, Boolean.TRUE.equals(answeredOnTime));
        add(figures, Figure.RETURNS, !returnedBy.isEmpty());
        add(figures, Figure.REOPENS, reopened);
        add(figures, Figure.UNRATED, closure == ClosureReason.NO_RATING_IN_TIME);
        add(figures, Figure.BACKLOG, closure == null);
        add(figures, Figure.OVERDUE_NOW, closure == null && !overdue.isEmpty());
        return figures;
    }

    /**
     * Whole hours, rounded up, from the first assignment to the first answer; null unless both happened and the
     * appeal counts.
     */
    public Integer answerHours() {
        if (!counted() || firstAssignedAt == null || firstAnsweredAt == null) {
            return null;
        }
        long seconds = Math.max(0, Duration.between(firstAssignedAt, firstAnsweredAt).toSeconds());
        return (int) ((seconds + 3599) / 3600);
    }

    private static void add(Set<Figure> figures, Figure figure, boolean in) {
        if (in) {
            figures.add(figure);
        }
    }

    /** The fields a fold step changes, copied once per event rather than once per field. */
    private static final class Builder {
        private final AppealFigures from;
        private String number;
        private LocalDate acceptedDay;
        private String street;
        private String acceptedCategory;
        private String lead;
        private int leadVersion;
        private String triageUnit;
        private int triageVersion;
        private String assignedCategory;
        private int assignedCategoryVersion;
        private List<String> returnedBy;
        private Instant firstAssignedAt;
        private int firstAssignedVersion;
        private Boolean signedOnTime;
        private int signedVersion;
        private Instant firstAnsweredAt;
        private Boolean answeredOnTime;
        private int answeredVersion;
        private Rating rating;
        private Boolean resolved;
        private int ratingVersion;
        private boolean reopened;
        private ClosureReason closure;
        private final EnumSet<ClockKind> overdue = EnumSet.noneOf(ClockKind.class);
        private int signForClearedAt;
        private int allClearedAt;
        private final List<String> appliedEventIds;

        private Builder(AppealFigures f) {
            from = f;
            number = f.number;
            acceptedDay = f.acceptedDay;
            street = f.street;
            acceptedCategory = f.acceptedCategory;
            lead = f.lead;
            leadVersion = f.leadVersion;
            triageUnit = f.triageUnit;
            triageVersion = f.triageVersion;
            assignedCategory = f.assignedCategory;
            assignedCategoryVersion = f.assignedCategoryVersion;
            returnedBy = f.returnedBy;
            firstAssignedAt = f.firstAssignedAt;
            firstAssignedVersion = f.firstAssignedVersion;
            signedOnTime = f.signedOnTime;
            signedVersion = f.signedVersion;
            firstAnsweredAt = f.firstAnsweredAt;
            answeredOnTime = f.answeredOnTime;
            answeredVersion = f.answeredVersion;
            rating = f.rating;
            resolved = f.resolved;
            ratingVersion = f.ratingVersion;
            reopened = f.reopened;
            closure = f.closure;
            overdue.addAll(f.overdue);
            signForClearedAt = f.signForClearedAt;
            allClearedAt = f.allClearedAt;
            appliedEventIds = new ArrayList<>(f.appliedEventIds);
        }

        private void lead(String department, int version) {
            if (department != null && version > leadVersion) {
                lead = department;
                leadVersion = version;
            }
        }

        private void stopAllClocks(int version) {
            allClearedAt = Math.max(allClearedAt, version);
            overdue.clear();
        }

        private AppealFigures build() {
            return new AppealFigures(from.appealId, number, acceptedDay, street, acceptedCategory, lead, leadVersion,
                    triageUnit, triageVersion, assignedCategory, assignedCategoryVersion, returnedBy,
                    firstAssignedAt, firstAssignedVersion, signedOnTime, signedVersion, firstAnsweredAt,
                    answeredOnTime, answeredVersion, rating, resolved, ratingVersion, reopened, closure,
                    List.copyOf(overdue), signForClearedAt, allClearedAt, appliedEventIds);
        }
    }
}
