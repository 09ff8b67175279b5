package gov.appeals.kit.web;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.tracing.handler.TracingObservationHandler;
import reactor.core.publisher.Mono;

/**
 * Answers every request with its trace id ({@code X-Trace-Id}): a caller that reports a problem can quote it, and an
 * operator finds every log line of every service the request led to (the events it caused carry the same trace).
 */
public class TraceIdHeader implements WebFilter, Ordered {

    public static final String HEADER = "X-Trace-Id";

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return Mono.deferContextual(context -> {
            Observation observation = context.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
            TracingObservationHandler.TracingContext tracing = observation == null ? null
                    : observation.getContext().get(TracingObservationHandler.TracingContext.class);
            if (tracing != null && tracing.getSpan() != null) {
                exchange.getResponse().getHeaders().set(HEADER, tracing.getSpan().context().traceId());
            }
            return chain.filter(exchange);
        });
    }
}
