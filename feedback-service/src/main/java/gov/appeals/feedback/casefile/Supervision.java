package gov.appeals.feedback.casefile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The supervision side of a case: where its clocks started, which alarms already fired (so each fires once per
 * deadline, whichever instance and however often the clocks are scanned), its supervision orders and extension
 * requests, and how often the enterprise was dissatisfied.
 *
 * @param profile      from the acceptance, null until it was seen
 * @param clockStart   when the running clocks started: the first assignment (re-routing keeps them running), or
 *                     the reopening
 * @param firedAlarms  {@link ClockAlarms.Alarm#key()} of every alarm fired
 * @param dissatisfied dissatisfied ratings so far
 * @param flagged      sent to triage with a supervisor flag after too many dissatisfied ratings
 */
public record Supervision(AppealProfile profile, Instant clockStart, List<String> firedAlarms,
                          List<SupervisionOrder> orders, List<Extension> extensions, int dissatisfied,
                          boolean flagged) {

    public static final Supervision NONE = new Supervision(null, null, List.of(), List.of(), List.of(), 0, false);

    public Supervision {
        firedAlarms = firedAlarms == null ? List.of() : List.copyOf(firedAlarms);
        orders = orders == null ? List.of() : List.copyOf(orders);
        extensions = extensions == null ? List.of() : List.copyOf(extensions);
    }

    public Optional<SupervisionOrder> openOrder() {
        return orders.stream().filter(SupervisionOrder::isOpen).findFirst();
    }

    public Optional<SupervisionOrder> order(String orderId) {
        return orders.stream().filter(o -> o.orderId().equals(orderId)).findFirst();
    }

    public Optional<Extension> extension(String extensionId) {
        return extensions.stream().filter(e -> e.extensionId().equals(extensionId)).findFirst();
    }

    public Optional<Extension> pendingExtension() {
        return extensions.stream().filter(e -> e.state() == Extension.State.PENDING).findFirst();
    }

    boolean hasFired(String alarmKey) {
        return firedAlarms.contains(alarmKey);
    }

    Supervision withProfile(AppealProfile newProfile) {
        return new Supervision(newProfile, clockStart, firedAlarms, orders, extensions, dissatisfied, flagged);
    }

    Supervision withClockStart(Instant start) {
        return new Supervision(profile, start, firedAlarms, orders, extensions, dissatisfied, flagged);
    }

    Supervision firing(String alarmKey) {
        List<String> fired = new ArrayList<>(firedAlarms);
        fired.add(alarmKey);
        return new Supervision(profile, clockStart, fired, orders, extensions, dissatisfied, flagged);
    }

    Supervision withOrder(SupervisionOrder order) {
        List<SupervisionOrder> next = new ArrayList<>(orders.stream()
                .filter(o -> !o.orderId().equals(order.orderId())).toList());
        next.add(order);
        return new Supervision(profile, clockStart, firedAlarms, next, extensions, dissatisfied, flagged);
    }

    Supervision withExtension(String extensionId, UnaryOperator<Extension> change) {
        List<Extension> next = extensions.stream()
                .map(e -> e.extensionId().equals(extensionId) ? change.apply(e) : e).toList();
        return new Supervision(profile, clockStart, firedAlarms, orders, next, dissatisfied, flagged);
    }

    Supervision withNewExtension(Extension extension) {
        List<Extension> next = new ArrayList<>(extensions);
        next.add(extension);
        return new Supervision(profile, clockStart, firedAlarms, orders, next, dissatisfied, flagged);
    }

    Supervision dissatisfiedOnceMore(boolean nowFlagged) {
        return new Supervision(profile, clockStart, firedAlarms, orders, extensions, dissatisfied + 1,
                flagged || nowFlagged);
    }
}
