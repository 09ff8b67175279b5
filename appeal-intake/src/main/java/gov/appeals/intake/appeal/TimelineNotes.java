package gov.appeals.intake.appeal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;

import gov.appeals.events.AppealAccepted;
import gov.appeals.events.Classification;
import gov.appeals.events.AppealAssigned;
import gov.appeals.events.AppealNotified;
import gov.appeals.events.AppealClosed;
import gov.appeals.events.AppealDueSoon;
import gov.appeals.events.AppealOverdue;
import gov.appeals.events.AppealReturned;
import gov.appeals.events.CoHandlerInputPosted;
import gov.appeals.events.ConsultationAnswered;
import gov.appeals.events.ConsultationRequested;
import gov.appeals.events.ClockKind;
import gov.appeals.events.ExtensionDecided;
import gov.appeals.events.ExtensionRequested;
import gov.appeals.events.HotspotFormed;
import gov.appeals.events.SupervisionOrderClosed;
import gov.appeals.events.SupervisionOrderRaised;
import gov.appeals.events.AppealEvent;
import gov.appeals.events.AppealRated;
import gov.appeals.events.AppealReopened;
import gov.appeals.events.AppealResponded;
import gov.appeals.events.AppealSentToTriage;
import gov.appeals.events.AppealSigned;
import gov.appeals.events.Rating;
import gov.appeals.events.Urgency;
import gov.appeals.reference.calendar.WorkingCalendar;

/** The sentence a person reads in an appeal's timeline for each stage change. */
public final class TimelineNotes {

    private static final DateTimeFormatter SHANGHAI_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(WorkingCalendar.ZONE);

    private TimelineNotes() {
    }

    public static String accepted(String number, String category, Urgency urgency, Classification how,
                                  String repeatOf) {
        return "accepted as " + number + ", " + classified(category, how) + ", " + urgency.name().toLowerCase()
                + " urgency" + (repeatOf == null ? "" : ", a repeat (重复件) of appeal " + repeatOf);
    }

    /** e.g. "category TAX by the model lr-3f2a… (confidence 0.82; words 发票, 开票, 税务)". */
    private static String classified(String category, Classification how) {
        if (how == null) {
            return category == null ? "no category matched (triage decides)" : "category " + category;
        }
        String evidence = " (confidence " + String.format(Locale.ROOT, "%.2f", how.confidence())
                + (how.words().isEmpty() ? "" : "; words " + String.join(", ", how.words())) + ")";
        return switch (how.decidedBy()) {
            case Classification.SUBMITTER -> "category " + category + " as submitted; the model " + how.model()
                    + " would say " + how.candidates().get(0).category() + evidence;
            case Classification.MODEL -> "category " + category + " by the model " + how.model() + evidence;
            default -> "no category: the model " + how.model() + " is not confident enough, triage decides between "
                    + how.candidates().stream()
                            .map(c -> c.category() + " " + String.format(Locale.ROOT, "%.2f", c.confidence()))
                            .collect(Collectors.joining(", "))
                    + evidence;
        };
    }

    public static String rated(Rating rating, Boolean resolved, String comment) {
        String note = "rated " + rating + (resolved == null ? "" : resolved ? ", problem resolved" : ", problem not resolved");
        return comment == null || comment.isBlank() ? note : note + ": " + comment;
    }

    public static String of(AppealEvent event) {
        if (event instanceof AppealAccepted e) {
            return accepted(e.appeal().number(), e.category(), e.urgency(), e.classification(), e.repeatOf());
        }
        if (event instanceof AppealAssigned e) {
            String note = e.transferredFrom() != null
                    ? "transferred (转办) from " + e.transferredFrom() + " to " + e.department()
                    : "assigned to " + e.department() + " by " + e.decidedBy()
                            + (e.ruleVersion() == null ? "" : " (rules v" + e.ruleVersion() + ")");
            if (!e.coHandlers().isEmpty()) {
                note += " with co-handlers " + String.join(", ", e.coHandlers());
            }
            return withReason(note, e.reason()) + answerBy(e.deadlines() == null ? null : e.deadlines().answerBy());
        }
        if (event instanceof AppealSentToTriage e) {
            return withReason("sent to triage at " + e.department()
                    + (e.supervisorFlag() ? " with a supervisor flag" : ""), e.reason());
        }
        if (event instanceof AppealSigned e) {
            return "signed for by " + e.department() + (e.withinDeadline() ? " in time" : " after the deadline");
        }
        if (event instanceof AppealResponded e) {
            return "answered by " + e.department() + " (" + e.result() + ")"
                    + (e.withinDeadline() ? "" : " after the deadline");
        }
        if (event instanceof AppealRated e) {
            return rated(e.rating(), e.resolved(), e.comment());
        }
        if (event instanceof AppealReopened e) {
            return withReason("reopened to " + e.department(), e.reason())
                    + answerBy(e.deadlines() == null ? null : e.deadlines().answerBy());
        }
        if (event instanceof AppealClosed e) {
            return "closed" + (e.reason() == null ? "" : switch (e.reason()) {
                case SATISFIED -> ": the enterprise was satisfied";
                case BASICALLY_SATISFIED -> ": the enterprise was basically satisfied";
                case NO_RATING_IN_TIME -> ": no rating within the callback window";
            });
        }
        if (event instanceof AppealDueSoon e) {
            return clock(e.clock()) + " deadline " + SHANGHAI_TIME.format(e.deadline()) + " is near (临期)";
        }
        if (event instanceof AppealOverdue e) {
            return clock(e.clock()) + " deadline " + SHANGHAI_TIME.format(e.deadline()) + " passed (超期)";
        }
        if (event instanceof SupervisionOrderRaised e) {
            return "supervision order (督办) to " + e.department()
                    + (e.trigger() == SupervisionOrderRaised.Trigger.OVERDUE ? " on overdue" : " by a supervisor")
                    + (e.escalatedTo() == null ? "" : ", escalated to " + e.escalatedTo())
                    + ", due " + SHANGHAI_TIME.format(e.dueBy()) + withReason("", e.comment());
        }
        if (event instanceof SupervisionOrderClosed e) {
            return withReason("supervision order closed", e.comment());
        }
        if (event instanceof ExtensionRequested e) {
            return withReason(e.department() + " asked to extend the answer deadline to "
                    + SHANGHAI_TIME.format(e.until()), e.reason());
        }
        if (event instanceof ExtensionDecided e) {
            return withReason(e.approved() ? "extension approved" + answerBy(e.deadlines() == null ? null
                    : e.deadlines().answerBy()) : "extension refused", e.comment());
        }
        if (event instanceof AppealReturned e) {
            return withReason("returned (退单) by " + e.department() + ", " + e.reason() + " (return " + e.returns()
                    + ")", e.text());
        }
        if (event instanceof AppealNotified e) {
            String who = "CALLBACK".equals(e.channel()) ? "12345 told of " + e.message()
                    : "SMS " + e.message() + " to " + e.recipient();
            return who + ": " + e.state().toLowerCase(Locale.ROOT)
                    + (e.outcome() == null || e.outcome().isBlank() ? "" : " (" + e.outcome() + ")");
        }
        if (event instanceof CoHandlerInputPosted e) {
            return withReason("co-handler " + e.department() + " posted its input (协办意见) " + e.inputId()
                    + (e.attachments().isEmpty() ? "" : " with " + e.attachments().size() + " attachment(s)"),
                    e.text());
        }
        if (event instanceof ConsultationRequested e) {
            return withReason(e.department() + " asked " + String.join(", ", e.departments())
                    + " whether the appeal is theirs (征询)", e.question());
        }
        if (event instanceof ConsultationAnswered e) {
            return withReason(e.department() + " answered the consultation: "
                    + (e.ours() ? "it is ours" : "it is not ours"), e.text());
        }
        if (event instanceof HotspotFormed e) {
            return "part of a hotspot (热点): " + e.appealIds().size() + " appeals of " + e.category() + " in "
                    + e.street();
        }
        return event.type();
    }

    private static String clock(ClockKind clock) {
        return switch (clock) {
            case SIGN_FOR -> "sign-for";
            case FIRST_CONTACT -> "first-contact";
            case ANSWER -> "answer";
        };
    }

    private static String withReason(String note, String reason) {
        if (reason == null || reason.isBlank()) {
            return note;
        }
        // Reasons are sentences; the note goes on after them.
        return note + ": " + reason.strip().replaceAll("[.。]+$", "");
    }

    private static String answerBy(Instant answerBy) {
        return answerBy == null ? "" : "; answer due " + SHANGHAI_TIME.format(answerBy);
    }
}
