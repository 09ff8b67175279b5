package gov.appeals.feedback.casefile.web;

import java.net.URI;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import gov.appeals.feedback.casefile.Extension;
import gov.appeals.kit.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import reactor.core.publisher.Mono;

/** Extensions (延期): the lead's head asks before the answer deadline, a supervisor decides. */
@RestController
@RequestMapping("/api/v1/appeals/{id}/extensions")
public class ExtensionController {

    private final SupervisionDesk desk;

    public ExtensionController(SupervisionDesk desk) {
        this.desk = desk;
    }

    @Operation(summary = "Ask to move the answer deadline to the end of `until` (the lead department's head)",
            description = "Before the answer deadline only, one request at a time, at most 15 working days from "
                    + "the clock's start (complex cases); 409 when late or one is pending, 400 for a date out of range.")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<Extension>> request(@PathVariable String id,
                                                   @Validated @RequestBody ExtensionRequest request,
                                                   @AuthenticationPrincipal Actor actor) {
        return desk.requestExtension(id, request, actor).map(extension -> ResponseEntity
                .created(URI.create("/api/v1/appeals/" + id + "/extensions/" + extension.extensionId()))
                .body(extension));
    }

    @Operation(summary = "Approve or refuse an extension (supervisors)",
            description = "An approval moves the answer deadline and must come before the current one passes; a "
                    + "lapsed request can only be refused (409). The same decision again is answered the same way.")
    @PostMapping(path = "/{extensionId}/decision", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<Extension> decide(@PathVariable String id, @PathVariable String extensionId,
                                  @Validated @RequestBody DecisionRequest request,
                                  @AuthenticationPrincipal Actor actor) {
        return desk.decideExtension(id, extensionId, request, actor);
    }
}
