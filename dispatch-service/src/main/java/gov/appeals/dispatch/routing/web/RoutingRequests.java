package gov.appeals.dispatch.routing.web;

import java.time.Instant;
import java.util.List;

import gov.appeals.events.Source;
import gov.appeals.events.Urgency;

/** The bodies the routing endpoints accept. */
public final class RoutingRequests {

    private RoutingRequests() {
    }

    /**
     * @param basedOn the active version the edit started from: publishing fails (409) when it is no longer active
     * @param why     why the rules change, kept with the version
     */
    public record Publish(Integer basedOn, String why, List<RuleBody> rules) {
    }

    /** @param version the earlier version whose rules become active again, as a new version */
    public record Rollback(Integer version, String why) {
    }

    /**
     * @param version a published version to try, the active one when neither it nor {@code rules} is given
     * @param rules   candidate rules to try instead of a published version
     */
    public record DryRun(List<Appeal> appeals, Integer version, List<RuleBody> rules) {
    }

    /** An appeal as routing sees it; title and content are what keyword rules search. */
    public record Appeal(String category, String street, Urgency urgency, Source source, Boolean keyEnterprise,
                         String title, String content) {
    }

    /** @param from default 30 days before {@code to}; @param to default now */
    public record WhatIf(List<RuleBody> rules, Instant from, Instant to) {
    }
}
