package gov.appeals.kit.security;

import java.util.regex.Pattern;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import gov.appeals.kit.web.ProblemWebExceptionHandler;
import gov.appeals.kit.web.Problems;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Authenticates a request that carries {@link RequestSignature#KEY}: a source system's signed request. The body is
 * read (within the request size limit) to check its hash, then handed on unchanged. A request that does not carry
 * the key header is left to the bearer-token authentication; one that carries it is either authenticated here or
 * refused with a 401 naming the reason, before anything is stored.
 */
public final class SignedRequests implements WebFilter {

    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9._~+/=-]{8,128}");

    private final SigningKeys keys;
    private final NonceWindow nonces;
    private final int maxBodyBytes;
    private final ProblemWebExceptionHandler problems;

    public SignedRequests(SigningKeys keys, NonceWindow nonces, int maxBodyBytes, ProblemWebExceptionHandler problems) {
        this.keys = keys;
        this.nonces = nonces;
        this.maxBodyBytes = maxBodyBytes;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        String keyId = headers.getFirst(RequestSignature.KEY);
        if (keyId == null) {
            return chain.filter(exchange);
        }
        if (headers.containsHeader(HttpHeaders.AUTHORIZATION)) {
            return refuse(exchange, "A request is either signed or carries a bearer token, not both");
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(String.valueOf(headers.getFirst(RequestSignature.TIMESTAMP)).strip());
        } catch (NumberFormatException e) {
            return refuse(exchange, RequestSignature.TIMESTAMP + " must be the Unix time in seconds");
        }
        if (!nonces.inWindow(timestamp)) {
            return refuse(exchange, RequestSignature.TIMESTAMP + " is more than " + nonces.window().toSeconds()
                    + " s away from the server's clock (check the sender's clock)");
        }
        String nonce = headers.getFirst(RequestSignature.NONCE);
        if (nonce == null || !NONCE.matcher(nonce).matches()) {
            return refuse(exchange, RequestSignature.NONCE
                    + " must be 8 to 128 characters of letters, digits and ._~+/=- , unique per request");
        }
        String signature = headers.getFirst(RequestSignature.SIGNATURE);
        if (signature == null) {
            return refuse(exchange, RequestSignature.SIGNATURE + " is missing");
        }
        var key = keys.find(keyId);
        if (key.isEmpty()) {
            return refuse(exchange, "The key " + keyId.replaceAll("[^A-Za-z0-9._-]", "?") + " is not known");
        }
        return body(exchange.getRequest()).flatMap(body -> {
            ServerHttpRequest request = exchange.getRequest();
            String target = request.getURI().getRawPath()
                    + (request.getURI().getRawQuery() == null ? "" : "?" + request.getURI().getRawQuery());
            String canonical = RequestSignature.canonical(request.getMethod().name(), target, timestamp, nonce, body);
            if (!RequestSignature.matches(key.get().secret(), canonical, signature)) {
                return refuse(exchange, "The signature does not match the request (method, path and query, "
                        + "timestamp, nonce and body as sent)");
            }
            if (!nonces.firstUse(keyId, nonce, timestamp)) {
                return refuse(exchange, "The nonce was used before: a request is sent once, a retry signs afresh");
            }
            ServerWebExchange replayable = exchange.mutate().request(withBody(request, body)).build();
            return chain.filter(replayable).contextWrite(ReactiveSecurityContextHolder.withAuthentication(
                    new ActorAuthentication(Actor.source(keyId, key.get().source()))));
        }).onErrorResume(DataBufferLimitException.class,
                tooLarge -> problems.write(exchange, Problems.tooLarge(maxBodyBytes)));
    }

    private Mono<byte[]> body(ServerHttpRequest request) {
        return DataBufferUtils.join(request.getBody(), maxBodyBytes).map(buffer -> {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            DataBufferUtils.release(buffer);
            return bytes;
        }).defaultIfEmpty(new byte[0]);
    }

    private static ServerHttpRequest withBody(ServerHttpRequest request, byte[] body) {
        return new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return body.length == 0 ? Flux.empty()
                        : Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body)));
            }
        };
    }

    /** The body, when not read yet, is read and dropped first (see SecurityProblems.afterBody). */
    private Mono<Void> refuse(ServerWebExchange exchange, String reason) {
        var problem = Problems.of(HttpStatus.UNAUTHORIZED, "The signed request is refused: " + reason);
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Appeals-HMAC-SHA256");
        return SecurityProblems.afterBody(exchange, maxBodyBytes, problems.write(exchange, problem));
    }
}
