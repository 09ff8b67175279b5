package gov.appeals.notification.mail;

import java.time.Instant;

import gov.appeals.events.ClockKind;

/** An appeal of a department with a clock that ran out (ANSWER or SIGN_FOR), as the daily digest lists it. */
public record OverdueAppeal(String appealId, String number, String title, String department, ClockKind clock,
                            Instant deadline) {
}
