package gov.appeals.kit.startup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * {@code appeals.startup.exit-when-ready=true}: the service starts completely (web server, consumers, producers),
 * then exits. A JVM start-up cache (AOT cache or class-data-sharing archive) made from such a run holds every class
 * a real start loads, where Spring Boot's own {@code spring.context.exit=onRefresh} stops before the server and the
 * Kafka bindings start. The local launcher uses it once per build.
 */
public class TrainingRun implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingRun.class);

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        LOG.info("Training run: started, now exiting (appeals.startup.exit-when-ready)");
        // Not on the thread publishing the event: closing the context from inside its own start-up would wait on it.
        Thread exit = new Thread(() -> System.exit(SpringApplication.exit(event.getApplicationContext())),
                "training-exit");
        exit.start();
    }
}
