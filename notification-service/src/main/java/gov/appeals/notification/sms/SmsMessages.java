package gov.appeals.notification.sms;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import gov.appeals.events.AppealAccepted;
import gov.appeals.events.AppealEvent;
import gov.appeals.events.AppealResponded;

/**
 * Which event texts the enterprise's contact what: the acceptance its number and answer deadline
 * ({@code accepted}); the answer its result ({@code answered}) and how to rate it ({@code rating-invitation}).
 * Every other event texts nothing.
 */
public final class SmsMessages {

    private final SmsTemplates templates;
    private final Function<String, String> departmentName;

    /** @param departmentName a unit's name by its code (the code itself when unknown) */
    public SmsMessages(SmsTemplates templates, Function<String, String> departmentName) {
        this.templates = templates;
        this.departmentName = departmentName;
    }

    /** Whether the event texts anyone. */
    public static boolean concernsContact(AppealEvent event) {
        return event instanceof AppealAccepted || event instanceof AppealResponded;
    }

    /** The contact the acceptance names, or null when it names no phone number. */
    public static SmsContact contactOf(AppealAccepted accepted) {
        String phone = accepted.enterprise() == null ? null : accepted.enterprise().phone();
        if (phone == null || phone.isBlank()) {
            return null;
        }
        return new SmsContact(accepted.appealId(), phone.strip(), accepted.appeal().number(), accepted.urgency(),
                accepted.enterprise().creditCode());
    }

    /** The messages the event sends to the appeal's contact, in the order they go out; none for other events. */
    public List<SmsMessage> of(AppealEvent event, SmsContact contact) {
        Map<String, String> values = new HashMap<>();
        values.put("number", contact.number() != null ? contact.number() : event.appeal().number());
        if (event instanceof AppealAccepted accepted) {
            values.put("answerBy", SmsTemplates.time(accepted.deadlines() == null ? null
                    : accepted.deadlines().answerBy()));
            return List.of(message(SmsTemplates.ACCEPTED, values));
        }
        if (event instanceof AppealResponded responded) {
            values.put("result", SmsTemplates.result(responded.result()));
            values.put("department", responded.department() == null ? ""
                    : departmentName.apply(responded.department()));
            return List.of(message(SmsTemplates.ANSWERED, values), message(SmsTemplates.RATING_INVITATION, values));
        }
        return List.of();
    }

    private SmsMessage message(String topic, Map<String, String> values) {
        return new SmsMessage(topic, templates.render(topic, values));
    }
}
