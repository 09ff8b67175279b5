package gov.appeals.kit.web;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses, before a byte of the body is read: a declared body larger than the limit (413; a body without a length is
 * stopped by the codecs' in-memory limit, set to the same size), and a body declared in a charset other than UTF-8
 * (415), which the JSON reader would otherwise decode as something the client did not mean.
 */
public class RequestGuard implements WebFilter, Ordered {

    private final long maxBytes;
    private final ProblemWebExceptionHandler problems;

    public RequestGuard(long maxBytes, ProblemWebExceptionHandler problems) {
        this.maxBytes = maxBytes;
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange = closeAfterRefusingABody(exchange);
        long length = exchange.getRequest().getHeaders().getContentLength();
        if (length > maxBytes) {
            return problems.write(exchange, Problems.tooLarge(maxBytes));
        }
        String charsetProblem = charsetProblem(exchange);
        if (charsetProblem != null) {
            return problems.write(exchange, Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, charsetProblem));
        }
        return chain.filter(exchange);
    }

    /**
     * A request refused before its body was read leaves that body unread on the connection; reused for the next
     * request, such a connection was seen to go unanswered (the next request waited for ever behind the unread body).
     * So an error answer to a request that has a body closes the connection, and so does any answer to one whose body
     * nothing read (an endpoint that takes no body), and the client opens a fresh one.
     */
    private static ServerWebExchange closeAfterRefusingABody(ServerWebExchange exchange) {
        var request = exchange.getRequest().getHeaders();
        if (request.getContentLength() <= 0 && !request.containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            return exchange;
        }
        AtomicBoolean read = new AtomicBoolean();
        var response = exchange.getResponse();
        response.beforeCommit(() -> {
            if (!read.get() || response.getStatusCode() != null && response.getStatusCode().isError()) {
                response.getHeaders().setConnection("close");
            }
            return Mono.empty();
        });
        return exchange.mutate().request(new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return super.getBody().doOnSubscribe(subscription -> read.set(true));
            }
        }).build();
    }

    private static String charsetProblem(ServerWebExchange exchange) {
        MediaType type;
        try {
            type = exchange.getRequest().getHeaders().getContentType();
        } catch (RuntimeException unparsable) {
            return "The Content-Type header is not a valid media type";
        }
        if (type == null || type.getParameter("charset") == null) {
            return null;
        }
        try {
            Charset charset = type.getCharset();
            return StandardCharsets.UTF_8.equals(charset) ? null
                    : "Request bodies must be UTF-8; the body is declared as " + charset.name();
        } catch (RuntimeException unknown) {
            return "Request bodies must be UTF-8; the declared charset is not known";
        }
    }
}
