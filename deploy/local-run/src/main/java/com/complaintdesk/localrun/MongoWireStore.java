package com.complaintdesk.localrun;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The MongoDB wire protocol (mongo-java-server) on an H2 MVStore file in {@code <data>/mongo}, so the data survives a
 * restart. Runs inside the launcher's JVM. Each service uses its own database on it. Supports CRUD, indexes,
 * findAndModify, upserts and the common aggregation stages; no multi-document transactions, no $text. Its unique
 * indexes compare keys value by value ({@link KeyIndexedH2Backend}), not by their Java-serialised form.
 */
final class MongoWireStore implements AutoCloseable {

    private final MongoServer server;
    private final H2Backend backend;
    private final String host;
    private final int port;

    private MongoWireStore(MongoServer server, H2Backend backend, String host, int port) {
        this.server = server;
        this.backend = backend;
        this.host = host;
        this.port = port;
    }

    /**
     * The MVStore's page cache. At its default (16 MB) a run of a few thousand complaints no longer fits, and a sixth
     * of the store's CPU went to reading pages back from the file and Java-deserialising their documents (issue 7,
     * eighth round); the launcher runs with {@code -Xmx768m -Xmn256m}, deploy/run-local.sh.
     */
    static final int PAGE_CACHE_MB = 64;

    static MongoWireStore start(Path dataDir, String host, int port) throws IOException {
        Path dir = dataDir.resolve("mongo");
        Files.createDirectories(dir);
        H2Backend backend = new KeyIndexedH2Backend(new MVStore.Builder().fileName(dir.resolve("store.mv.db").toString())
                .cacheSize(PAGE_CACHE_MB).open());
        MongoServer server = new MongoServer(backend);
        try {
            server.bind(host, port);
        } catch (RuntimeException e) {
            backend.close();
            throw new StartupException("the Mongo-wire store cannot listen on " + host + ":" + port + ": " + e.getMessage());
        }
        return new MongoWireStore(server, backend, host, server.getLocalAddress().getPort());
    }

    int port() {
        return port;
    }

    /** Base URI without a database, e.g. {@code mongodb://127.0.0.1:27017}. */
    String baseUri() {
        return "mongodb://" + host + ":" + port;
    }

    @Override
    public void close() {
        try {
            server.shutdown();
        } finally {
            backend.close(); // flushes the MVStore file
        }
    }
}
