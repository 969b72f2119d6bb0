package com.complaintdesk.testsupport;

import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * The tests' in-JVM Mongo-wire store: mongo-java-server's memory backend, except that every document a query finds is
 * a copy of the stored one's top level (nested values, which no update changes in place, are shared). The memory backend updates a stored document in place, the same instance a find had just returned, so
 * a reply still being encoded on the network thread could carry half of an update or fail with a
 * {@code ConcurrentModificationException} (and the client wait for an answer that never comes); updates find their
 * documents through the same query path, so with copies they change a new instance, which is then stored at the
 * document's position (the memory backend itself stores nothing on update: it relies on the change in place). The
 * local run's store does the same ({@code KeyIndexedH2Backend.CopyingCollection}).
 */
public class CopyingMemoryBackend extends MemoryBackend {

    @Override
    public MemoryDatabase openOrCreateDatabase(String databaseName) {
        CursorRegistry cursors = getCursorRegistry();
        return new MemoryDatabase(databaseName, cursors) {
            @Override
            protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
                return new CopyingCollection(this, collectionName, options, cursors);
            }
        };
    }

    static final class CopyingCollection extends MemoryCollection {

        /** The memory backend's document list, by position (private there; read once, by reflection). */
        private final List<Document> stored;

        @SuppressWarnings("unchecked")
        CopyingCollection(MemoryDatabase database, String collectionName, CollectionOptions options, CursorRegistry cursors) {
            super(database, collectionName, options, cursors);
            try {
                Field documents = MemoryCollection.class.getDeclaredField("documents");
                documents.setAccessible(true);
                this.stored = (List<Document>) documents.get(this);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("mongo-java-server's MemoryCollection changed: no 'documents' list", e);
            }
        }

        /**
         * No running total of the collection's size: mongo-java-server would BSON-encode the whole document before and
         * after every update for a {@code collStats} figure no test reads (the local run's store does the same).
         */
        @Override
        protected boolean tracksDataSize() {
            return false;
        }

        @Override
        protected void handleUpdate(Integer position, Document oldDocument, Document newDocument) {
            stored.set(position, newDocument); // under the collection's lock, as every update
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                             int batchSize, Document fieldSelector) {
            QueryResult found = super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            List<Document> copies = new ArrayList<>();
            for (Document d : found) {
                copies.add(d.clone()); // the top level: see above
            }
            return new QueryResult(copies, found.getCursorId());
        }
    }
}
