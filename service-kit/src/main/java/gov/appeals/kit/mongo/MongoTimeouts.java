package gov.appeals.kit.mongo;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;

import com.mongodb.MongoClientSettings;

/**
 * Every wait on MongoDB is bounded in the service's own defaults, whatever the connection string says: a store that
 * does not answer becomes an error the caller retries or reports, never a thread parked for ever.
 *
 * @param connect         to open a connection
 * @param socket          for one reply on an open connection
 * @param serverSelection to find a server able to take the operation (the whole store unreachable)
 * @param poolWait        for a connection of the pool (the driver's own default is two minutes, which no reader of
 *                        a page waits out)
 */
public record MongoTimeouts(Duration connect, Duration socket, Duration serverSelection, Duration poolWait) {

    public MongoClientSettingsBuilderCustomizer customizer() {
        return (MongoClientSettings.Builder builder) -> builder
                .applyToSocketSettings(s -> s
                        .connectTimeout((int) connect.toMillis(), TimeUnit.MILLISECONDS)
                        .readTimeout((int) socket.toMillis(), TimeUnit.MILLISECONDS))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(serverSelection.toMillis(),
                        TimeUnit.MILLISECONDS))
                .applyToConnectionPoolSettings(p -> p.maxWaitTime(poolWait.toMillis(), TimeUnit.MILLISECONDS));
    }
}
