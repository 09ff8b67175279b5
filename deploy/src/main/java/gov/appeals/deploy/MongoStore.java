package gov.appeals.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * The store process: mongo-java-server speaking the MongoDB wire protocol on 127.0.0.1, keeping every service's
 * database in one H2 file, {@code <dataDir>/mongo/appeals.mv}, so a restart comes back on the existing data.
 */
public final class MongoStore {

    private static final Logger log = LoggerFactory.getLogger(MongoStore.class);

    /**
     * H2's page cache, in MB. Its default, 16 MB, holds a few thousand appeals: beyond that every lookup by id, even
     * of an index, reads and deserializes pages from the file again (most of the store's CPU at a 10,000-appeal
     * backlog). 64 MB keeps the indexes and the open work in memory within the store's 256 MB heap.
     */
    static final int CACHE_MB = 64;

    /**
     * H2 rewrites a file chunk once less than this share of it (percent) is live. Its default, 90, has its
     * background writer re-reading and rewriting pages all the time under a steady stream of updates (a quarter of
     * the store's CPU); at 40 the file is allowed to hold more dead space before it is compacted.
     */
    static final int COMPACT_BELOW_FILL_PERCENT = 40;

    private MongoStore() {
    }

    static MVStore openStore(Path file) {
        return new MVStore.Builder().fileName(file.toString()).cacheSize(CACHE_MB)
                .autoCompactFillRate(COMPACT_BELOW_FILL_PERCENT).open();
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        PlatformConfig config = PlatformConfig.fromEnvironment(System.getenv());
        Path file = config.mongoFile();
        Files.createDirectories(file.getParent());
        boolean existing = Files.exists(file);
        MongoServer server = new MongoServer(new H2Backend(openStore(file)));
        // Closing the backend commits the H2 store; a SIGTERM from the launcher or Ctrl-C runs this.
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "mongo-store-stop"));
        server.bind("127.0.0.1", config.mongoPort());
        log.info("MongoDB store (mongo-java-server, H2 file {} {}) listening on 127.0.0.1:{}",
                file, existing ? "reopened" : "created", config.mongoPort());
        Thread.currentThread().join();
    }
}
