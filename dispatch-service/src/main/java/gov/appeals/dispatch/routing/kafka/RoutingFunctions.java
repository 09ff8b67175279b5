package gov.appeals.dispatch.routing.kafka;

import java.util.function.Function;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

@Configuration(proxyBeanMethods = false)
public class RoutingFunctions {

    /** appeals.accepted → appeals.assigned (binding routeAcceptedAppeal-in-0 / -out-0). */
    @Bean
    public Function<Message<byte[]>, Message<byte[]>> routeAcceptedAppeal(AcceptedAppealRouter router) {
        return router::route;
    }
}
