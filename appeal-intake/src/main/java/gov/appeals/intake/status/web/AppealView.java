package gov.appeals.intake.status.web;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import gov.appeals.events.AnswerResult;
import gov.appeals.events.AppealStatus;
import gov.appeals.events.Classification;
import gov.appeals.events.ClockKind;
import gov.appeals.events.Deadlines;
import gov.appeals.events.Rating;
import gov.appeals.events.Source;
import gov.appeals.events.Urgency;
import gov.appeals.intake.acceptance.PhoneNumber;
import gov.appeals.intake.appeal.AppealAccess;
import gov.appeals.intake.appeal.Stage;
import gov.appeals.intake.appeal.StatusView;
import gov.appeals.intake.appeal.store.AppealDocument;

/**
 * What {@code GET /api/v1/appeals/{id}} shows: the appeal, its current stage and its history; the phone number in
 * full only to the departments handling it, staff names not to the enterprise's side.
 *
 * @param classification how the category was decided at acceptance: by whom, the model's confidence, the words that
 *                       decided and the candidates (null on an appeal accepted before it was kept)
 * @param repeatOf       the earlier appeal this one repeats (重复件), null when none
 */
public record AppealView(String id, String number, Source source, String externalId, AppealStatus status,
                         String category, Urgency urgency, String street, String title, String content,
                         EnterpriseView enterprise, String leadDepartment, List<String> coHandlers,
                         Deadlines deadlines, AnswerView answer, RatingView rating, List<TimelineView> timeline,
                         int version, List<AlarmView> alarms, Classification classification, String repeatOf) {

    /** A running clock that is due soon (临期) or overdue (超期) now. */
    public record AlarmView(ClockKind clock, String state, Instant deadline) {
    }

    public record EnterpriseView(String name, String creditCode, String contactName, String phone) {
    }

    public record AnswerView(AnswerResult result, String text, String department, Instant at) {
    }

    public record RatingView(Rating rating, Boolean resolved, String comment, Instant at) {
    }

    public record TimelineView(AppealStatus status, Instant at, String actor, String department, String note) {
    }

    static AppealView of(AppealDocument a, AppealAccess.View view) {
        var e = a.enterprise();
        String phone = view == AppealAccess.View.HANDLER ? e.phone() : PhoneNumber.mask(e.phone());
        // The enterprise's own view names departments, never the staff who acted.
        boolean staffHidden = view == AppealAccess.View.ENTERPRISE;
        return new AppealView(a.id(), a.number(), a.source(), a.externalId(), a.status(), a.category(), a.urgency(),
                a.street(), a.title(), a.content(),
                new EnterpriseView(e.name(), e.creditCode(), e.contactName(), phone),
                a.leadDepartment(), a.coHandlers(), a.deadlines(),
                a.answer() == null ? null
                        : new AnswerView(a.answer().result(), a.answer().text(), a.answer().department(), a.answer().at()),
                a.rating() == null ? null
                        : new RatingView(a.rating().rating(), a.rating().resolved(), a.rating().comment(), a.rating().at()),
                a.timeline().stream().sorted(StatusView.HISTORY_ORDER)
                        .filter(t -> !(staffHidden && t.internal()))
                        .map(t -> new TimelineView(t.status(), t.at(),
                                staffHidden && t.department() != null ? null : t.actor(), t.department(), t.note()))
                        .toList(),
                a.version(), alarms(a), a.classification(), a.repeatOf());
    }

    /**
     * The alarms of the clocks running now: those fired on the current stage for the deadlines it has now (an
     * approved extension leaves the old deadline's alarms behind), overdue outranking due soon.
     */
    private static List<AlarmView> alarms(AppealDocument a) {
        Map<ClockKind, AlarmView> byClock = new EnumMap<>(ClockKind.class);
        a.timeline().stream().sorted(StatusView.HISTORY_ORDER)
                .filter(stage -> stage.alarm() != null && stage.version() == a.version())
                .map(Stage::alarm)
                .filter(alarm -> alarm.deadline().equals(current(a.deadlines(), alarm.clock())))
                .forEach(alarm -> byClock.merge(alarm.clock(),
                        new AlarmView(alarm.clock(), alarm.overdue() ? "OVERDUE" : "DUE_SOON", alarm.deadline()),
                        (before, after) -> "OVERDUE".equals(before.state()) ? before : after));
        return List.copyOf(byClock.values());
    }

    private static Instant current(Deadlines deadlines, ClockKind clock) {
        if (deadlines == null) {
            return null;
        }
        return switch (clock) {
            case SIGN_FOR -> deadlines.signBy();
            case FIRST_CONTACT -> deadlines.firstContactBy();
            case ANSWER -> deadlines.answerBy();
        };
    }
}
