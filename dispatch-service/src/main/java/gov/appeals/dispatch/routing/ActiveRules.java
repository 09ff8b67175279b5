package gov.appeals.dispatch.routing;

/** The rule set routing uses now: the active version, as last read from the store. */
public interface ActiveRules {

    RoutingRules current();
}
