package gov.appeals.notification.inbox;

/** Told of every item just stored, once (the live stream of open inbox pages). */
@FunctionalInterface
public interface NewItems {

    void stored(InboxItem item);
}
