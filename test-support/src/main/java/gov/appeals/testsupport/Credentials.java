package gov.appeals.testsupport;

import java.time.Instant;
import java.util.UUID;

import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpRequestDecorator;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserter;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;

import gov.appeals.kit.security.RequestSignature;
import reactor.core.publisher.Mono;

/** A service's WebTestClient as a demo user (a bearer token of {@link TestIssuer}) or as a signing source system. */
public final class Credentials {

    private Credentials() {
    }

    public static WebTestClient as(WebTestClient client, String user) {
        String token = TestIssuer.start().token(user);
        return client.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).build();
    }

    /**
     * Each request sent by the user whose job it is, unless it carries credentials already: a department's queue
     * by its head ({@code /departments/<unit>/…}), triage by the triager, operations by the operator, anything
     * else by the supervisor. For tests about something other than who may do it.
     */
    public static WebTestClient natural(WebTestClient client) {
        return natural(client, path -> null);
    }

    /** As {@link #natural(WebTestClient)}, with the user for some paths chosen by {@code users} (null: the default). */
    public static WebTestClient natural(WebTestClient client, java.util.function.Function<String, String> users) {
        return client.mutate().filter((request, next) -> {
            if (request.headers().containsHeader(HttpHeaders.AUTHORIZATION)
                    || request.headers().containsHeader(RequestSignature.KEY)) {
                return next.exchange(request);
            }
            return next.exchange(ClientRequest.from(request).header(HttpHeaders.AUTHORIZATION,
                    "Bearer " + TestIssuer.start().token(java.util.Objects.requireNonNullElseGet(
                            users.apply(request.url().getRawPath()), () -> naturalUser(request.url().getRawPath()))))
                    .build());
        }).build();
    }

    static String naturalUser(String path) {
        var department = java.util.regex.Pattern.compile("^/api/v1/departments/([^/]+)/").matcher(path);
        if (department.find()) {
            return "head-" + department.group(1);
        }
        if (path.startsWith("/api/v1/triage/")) {
            return "triager";
        }
        return path.startsWith("/api/v1/ops/") ? "operator" : "supervisor";
    }

    /** Signs every request with the test key of {@code source} (e.g. {@code HOTLINE_12345}). */
    public static WebTestClient signedBy(WebTestClient client, String source) {
        return client.mutate().filter(signing(TestIssuer.SourceKeys.keyId(source),
                TestIssuer.SourceKeys.SECRETS.get(source))).build();
    }

    /**
     * Signs each request as sent: the body is hashed as it is written, so the signature covers exactly the bytes on
     * the wire. A fresh nonce and the current time every time.
     */
    public static ExchangeFilterFunction signing(String keyId, String secret) {
        return (request, next) -> next.exchange(ClientRequest.from(request)
                .body(signedBody(request.body(), keyId, secret)).build());
    }

    private static <M extends ClientHttpRequest> BodyInserter<?, ? super ClientHttpRequest> signedBody(
            BodyInserter<?, ? super ClientHttpRequest> body, String keyId, String secret) {
        return (message, context) -> body.insert(new ClientHttpRequestDecorator(message) {
            @Override
            public Mono<Void> writeWith(Publisher<? extends DataBuffer> content) {
                return DataBufferUtils.join(content).defaultIfEmpty(message.bufferFactory().wrap(new byte[0]))
                        .flatMap(buffer -> {
                            byte[] bytes = new byte[buffer.readableByteCount()];
                            buffer.read(bytes);
                            DataBufferUtils.release(buffer);
                            sign(bytes);
                            return super.writeWith(Mono.just(message.bufferFactory().wrap(bytes)));
                        });
            }

            @Override
            public Mono<Void> setComplete() {
                sign(new byte[0]);
                return super.setComplete();
            }

            private void sign(byte[] bytes) {
                var uri = message.getURI();
                String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
                RequestSignature.headers(keyId, secret, message.getMethod().name(), target,
                        Instant.now().getEpochSecond(), UUID.randomUUID().toString(), bytes)
                        .forEach(getHeaders()::set);
            }
        }, context);
    }
}
