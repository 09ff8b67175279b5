package gov.appeals.dispatch.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a declared body larger than the limit before anything reads it. Filters run outside the controller
 * advice, so the problem document is written here; bodies without a length are capped by the codecs' in-memory
 * limit instead.
 */
@Component
public class RequestSizeLimit implements WebFilter, Ordered {

    private final long maxBytes;
    private final JsonMapper json;

    public RequestSizeLimit(@Value("${dispatch.http.max-request-size:64KB}") DataSize maxRequestSize,
                            JsonMapper json) {
        this.maxBytes = maxRequestSize.toBytes();
        this.json = json;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long length = exchange.getRequest().getHeaders().getContentLength();
        if (length <= maxBytes) {
            return chain.filter(exchange);
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", HttpStatus.PAYLOAD_TOO_LARGE.getReasonPhrase());
        problem.put("status", HttpStatus.PAYLOAD_TOO_LARGE.value());
        problem.put("detail", "The request body of " + length + " bytes exceeds the limit of " + maxBytes + " bytes.");
        problem.put("instance", exchange.getRequest().getPath().value());
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.PAYLOAD_TOO_LARGE);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        DataBuffer body = response.bufferFactory().wrap(json.writeValueAsString(problem)
                .getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(body));
    }
}
