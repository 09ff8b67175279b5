package gov.appeals.intake.enterprise.web;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import gov.appeals.intake.acceptance.CreditCode;
import gov.appeals.intake.appeal.AppealAccess;
import gov.appeals.intake.appeal.AppealNotFoundException;
import gov.appeals.intake.appeal.store.AppealDocument;
import gov.appeals.intake.appeal.store.AppealStore;
import gov.appeals.intake.enterprise.EnterpriseFile;
import gov.appeals.kit.security.Actor;
import gov.appeals.kit.security.Roles;
import gov.appeals.kit.web.ForbiddenException;
import gov.appeals.kit.web.InvalidRequestException;
import reactor.core.publisher.Mono;

/**
 * One file per enterprise (一企一档): every appeal of an enterprise for supervisors and the triage desk, a
 * department's own (led or co-handled) for its staff. Whoever may see none of them is told there are none (404), as
 * for an enterprise that never appealed. The newest {@link EnterpriseFile#MAX_APPEALS} appeals at most.
 */
@RestController
@RequestMapping(path = "/api/v1/enterprises", produces = MediaType.APPLICATION_JSON_VALUE)
public class EnterpriseController {

    private final AppealStore store;

    public EnterpriseController(AppealStore store) {
        this.store = store;
    }

    @GetMapping("/{creditCode}")
    public Mono<EnterpriseFileView> file(@PathVariable String creditCode, @AuthenticationPrincipal Actor actor) {
        if (!CreditCode.isValid(creditCode)) {
            return Mono.error(new InvalidRequestException("creditCode",
                    "is not a valid unified social credit code (GB 32100-2015)"));
        }
        // The matrix refuses sources already; a source system is no person to read a file.
        if (actor.isSource()) {
            return Mono.error(new ForbiddenException("An enterprise's file is for the district's staff, not for a "
                    + "source system"));
        }
        Mono<EnterpriseFile> file;
        if (actor.readsEverything()) {
            file = fileOf(creditCode, null, actor);
        } else if (actor.department() != null && (actor.has(Roles.CLERK) || actor.has(Roles.HEAD))) {
            file = fileOf(creditCode, actor.department(), actor);
        } else {
            file = Mono.empty();
        }
        return file.map(EnterpriseFileView::of)
                .switchIfEmpty(Mono.error(() -> new AppealNotFoundException("of enterprise " + creditCode)));
    }

    /** The file of the appeals the actor may see, read for {@code department} only when it is not null. */
    private Mono<EnterpriseFile> fileOf(String creditCode, String department, Actor actor) {
        return store.findOfEnterprise(creditCode, department, EnterpriseFile.MAX_APPEALS)
                .filter(appeal -> AppealAccess.of(actor, appeal.source(), appeal.leadDepartment(),
                        appeal.coHandlers()) != AppealAccess.View.NONE)
                .map(EnterpriseController::summary)
                .collectList()
                .flatMap(visible -> Mono.justOrEmpty(EnterpriseFile.of(creditCode, visible)));
    }

    private static EnterpriseFile.Summary summary(AppealDocument a) {
        return new EnterpriseFile.Summary(a.id(), a.number(), a.enterprise() == null ? null : a.enterprise().name(),
                a.title(), a.status(), a.category(), a.leadDepartment(), a.acceptedAt(),
                a.deadlines() == null ? null : a.deadlines().answerBy(),
                a.rating() == null ? null : a.rating().rating(), a.rating() == null ? null : a.rating().resolved(),
                a.repeatOf());
    }
}
