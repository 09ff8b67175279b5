package gov.appeals.intake.acceptance.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import gov.appeals.classification.SegmentedText;
import gov.appeals.events.AppealAccepted;
import gov.appeals.events.AppealRef;
import gov.appeals.events.AppealStatus;
import gov.appeals.events.Deadlines;
import gov.appeals.events.Enterprise;
import gov.appeals.intake.acceptance.AppealNumbers;
import gov.appeals.intake.acceptance.Classifier;
import gov.appeals.intake.acceptance.RepeatRule;
import gov.appeals.intake.acceptance.Submission;
import gov.appeals.intake.acceptance.SubmissionRules;
import gov.appeals.intake.appeal.Actors;
import gov.appeals.intake.appeal.Stage;
import gov.appeals.intake.appeal.Stages;
import gov.appeals.intake.appeal.StatusView;
import gov.appeals.intake.appeal.store.AppealDocument;
import gov.appeals.intake.appeal.store.AppealStore;
import gov.appeals.intake.appeal.store.NumberBlocks;
import gov.appeals.intake.appeal.store.Outbox;
import gov.appeals.kit.outbox.OutboxRelay;
import gov.appeals.kit.web.FieldProblem;
import gov.appeals.kit.web.InvalidRequestException;
import gov.appeals.reference.calendar.DeadlinePolicy;
import reactor.core.publisher.Mono;

/**
 * Acceptance (受理): validate, de-duplicate by source + external id, number, classify, link a repeat (重复件) to the
 * appeal it repeats, set the clocks, and store the appeal together with its AppealAccepted event in one insert.
 */
@Service
public class AcceptAppeal {

    private static final Logger LOG = LoggerFactory.getLogger(AcceptAppeal.class);
    /** The newest appeals of an enterprise compared with a new one: more within a week would be a flood, not repeats. */
    private static final int REPEAT_CANDIDATES = 50;

    /** @param created false when the submission repeated one already accepted (nothing new happened) */
    public record Outcome(AppealDocument appeal, boolean created) {
    }

    private final SubmissionRules rules;
    private final Classifier classifier;
    private final RepeatRule repeats;
    private final DeadlinePolicy deadlines;
    private final AppealStore store;
    private final NumberBlocks numbers;
    private final OutboxRelay relay;
    private final Clock clock;

    public AcceptAppeal(SubmissionRules rules, Classifier classifier, RepeatRule repeats, DeadlinePolicy deadlines,
                        AppealStore store, NumberBlocks numbers, OutboxRelay relay, Clock clock) {
        this.rules = rules;
        this.classifier = classifier;
        this.repeats = repeats;
        this.deadlines = deadlines;
        this.store = store;
        this.numbers = numbers;
        this.relay = relay;
        this.clock = clock;
    }

    public Mono<Outcome> accept(Submission submission) {
        List<FieldProblem> problems = rules.check(submission);
        if (!problems.isEmpty()) {
            return Mono.error(new InvalidRequestException(problems));
        }
        // Insert first: a new appeal (nearly every one) costs one write, and the unique source+externalId index turns
        // a repeat, or the loser of a race between two identical submissions, into a lookup of the one that won.
        return create(submission).onErrorResume(DuplicateKeyException.class,
                repeat -> store.findByExternalId(submission.source(), submission.externalId())
                        .map(appeal -> new Outcome(appeal, false)));
    }

    private Mono<Outcome> create(Submission s) {
        Instant now = clock.instant();
        LocalDate day = AppealNumbers.counterDay(now);
        // One segmentation for both the repeat check and the classifier: it is most of what either costs.
        SegmentedText text = SegmentedText.of(s.title(), s.content());
        List<String> words = text.words();
        return repeated(s, words, now)
                .flatMap(repeat -> numbers.next(day).map(sequence ->
                        newAppeal(s, text, AppealNumbers.format(day, sequence), now, words, repeat.orElse(null))))
                .flatMap(store::insert)
                .doOnNext(appeal -> {
                    LOG.info("Accepted appeal {} as {} from {}", appeal.id(), appeal.number(), appeal.source());
                    relay.publishSoon(appeal.id(), appeal.outbox());
                })
                .map(appeal -> new Outcome(appeal, true));
    }

    /** The earlier appeal of the same enterprise this submission repeats, if any (RepeatRule). */
    private Mono<Optional<RepeatRule.Repeat>> repeated(Submission s, List<String> words, Instant now) {
        return store.findRecentOfEnterprise(s.enterprise().creditCode(), repeats.since(now), REPEAT_CANDIDATES)
                .map(a -> new RepeatRule.Earlier(a.id(), a.acceptedAt(), a.words(), a.repeatOf()))
                .collectList()
                .map(earlier -> repeats.find(words, now, earlier));
    }

    private AppealDocument newAppeal(Submission s, SegmentedText text, String number, Instant now, List<String> words,
                                     RepeatRule.Repeat repeat) {
        String id = UUID.randomUUID().toString();
        Classifier.Result classification = classifier.classify(text, s.category(), s.urgency());
        Deadlines clocks = deadlines.atAcceptance(classification.urgency(), now);
        Submission.Applicant a = s.enterprise();
        Enterprise enterprise = new Enterprise(a.name(), a.creditCode(), a.contactName(), a.phone());
        String actor = Actors.of(s.source());
        AppealAccepted event = new AppealAccepted(UUID.randomUUID().toString(),
                new AppealRef(id, number, s.source(), s.externalId()), 1, now, actor, enterprise, s.street(),
                s.title(), s.content(), classification.category(), classification.urgency(), clocks,
                a.keyEnterprise(), classification.how(), repeat == null ? null : repeat.appealId());
        List<Stage> timeline = List.of(
                Stage.plain(null, 0, AppealStatus.RECEIVED, now, actor, null, "received from " + s.source()),
                Stages.of(event, null));
        StatusView view = StatusView.fold(timeline);
        return new AppealDocument(id, number, s.source(), s.externalId(), view.status(), view.version(),
                view.category(), classification.urgency(), s.street(), s.title(), s.content(), enterprise,
                view.lead(), view.coHandlers(), view.deadlines(), null, null, timeline,
                List.of(Outbox.entry(event, now)), now, classification.how(), event.repeatOf(), words, 0);
    }
}
