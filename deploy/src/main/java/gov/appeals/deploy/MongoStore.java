package gov.appeals.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * The store process: mongo-java-server speaking the MongoDB wire protocol on 127.0.0.1, keeping every service's
 * database in one H2 file, {@code <dataDir>/mongo/appeals.mv}, so a restart comes back on the existing data.
 */
public final class MongoStore {

    private static final Logger log = LoggerFactory.getLogger(MongoStore.class);

    private MongoStore() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        PlatformConfig config = PlatformConfig.fromEnvironment(System.getenv());
        Path file = config.mongoFile();
        Files.createDirectories(file.getParent());
        boolean existing = Files.exists(file);
        MongoServer server = new MongoServer(new H2Backend(file.toString()));
        // Closing the backend commits the H2 store; a SIGTERM from the launcher or Ctrl-C runs this.
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "mongo-store-stop"));
        server.bind("127.0.0.1", config.mongoPort());
        log.info("MongoDB store (mongo-java-server, H2 file {} {}) listening on 127.0.0.1:{}",
                file, existing ? "reopened" : "created", config.mongoPort());
        Thread.currentThread().join();
    }
}
