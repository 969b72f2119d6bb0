package com.complaintdesk.localrun;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.oplog.Oplog;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * mongo-java-server's H2 backend with unique indexes whose keys H2 compares value by value ({@link KeyValueDataType})
 * instead of by their Java-serialised form. Documents, collections and everything else are the H2 backend's own.
 * <p>
 * The index maps have names of their own ({@code <db>.<collection>._keyindex_<index>}); the backend's former maps
 * ({@code ._index_}) are removed. An index whose map is empty is filled from the collection's documents when the
 * collection is opened (mongo-java-server does that for every empty index), so a data directory written before this
 * change gets its indexes rebuilt once at the first start. The other way round is safe as well: an older launcher
 * finds its own maps gone, rebuilds them, and this backend, finding them there again, rebuilds its own (they missed
 * what the older launcher wrote).
 * <p>
 * Its collections hand out copies ({@link CopyingCollection}): mongo-java-server updates a stored document in place,
 * the very instance a query just returned and whose reply is still being encoded on another thread (and which the
 * MVStore may be serialising in the background), so a reader could get a half-updated document or the encoding
 * failed with a {@code ConcurrentModificationException} and the client got no answer. The data maps keep the H2
 * backend's names, so a data directory stays readable by either.
 */
final class KeyIndexedH2Backend extends H2Backend {

    static final String INDEX_MAP_INFIX = "._keyindex_";
    /** The H2 backend's own names of a collection's maps (H2Database.openOrCreateCollection). */
    static final String DATA_MAP_PREFIX = "databases.";
    static final String META_MAP_PREFIX = "meta.";
    private static final String FORMER_INDEX_MAP_INFIX = "._index_";

    KeyIndexedH2Backend(MVStore store) {
        super(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    /**
     * An inner class on purpose: H2Database's constructor opens the existing indexes (calling
     * {@link #openOrCreateUniqueIndex}) before a subclass's own fields are set, but the enclosing backend, and with it
     * the MVStore, is reachable from the start.
     */
    private final class Database extends H2Database {

        Database(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            MVStore store = getMvStore();
            String namespace = getFullCollectionNamespace(collectionName);
            MVMap<KeyValue, Object> map = store.openMap(namespace + INDEX_MAP_INFIX + indexName,
                    new MVMap.Builder<KeyValue, Object>().keyType(KeyValueDataType.INSTANCE));
            String former = namespace + FORMER_INDEX_MAP_INFIX + indexName;
            if (store.hasMap(former)) {
                // written by the H2 backend's own index (a data dir from before, or an older launcher since): this
                // map, if any, missed those writes; empty, it is filled from the documents
                map.clear();
                store.removeMap(former);
            }
            return new KeyIndex(indexName, map, keys, sparse);
        }

        /** The H2 backend's collection (same maps: {@code databases.<ns>} and {@code meta.<ns>}), handing out copies. */
        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> data = getMvStore().openMap(DATA_MAP_PREFIX + namespace);
            MVMap<String, Object> meta = getMvStore().openMap(META_MAP_PREFIX + namespace);
            return new CopyingCollection(this, collectionName, options, data, meta);
        }

        @Override
        protected void dropIndex(MongoCollection<Object> collection, String indexName) {
            super.dropIndex(collection, indexName);
            removeMap(getFullCollectionNamespace(collection.getCollectionName()) + INDEX_MAP_INFIX + indexName);
        }

        @Override
        public void dropCollection(String collectionName, Oplog oplog) {
            super.dropCollection(collectionName, oplog);
            removeIndexMaps(getFullCollectionNamespace(collectionName));
        }

        @Override
        public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
            String oldNamespace = collection.getFullName();
            super.moveCollection(oldDatabase, collection, newCollectionName);
            removeIndexMaps(oldNamespace); // the renamed collection's indexes are opened (and filled) under its new name
        }

        private void removeIndexMaps(String namespace) {
            for (String name : List.copyOf(getMvStore().getMapNames())) {
                if (name.startsWith(namespace + INDEX_MAP_INFIX)) {
                    removeMap(name);
                }
            }
        }

        private void removeMap(String name) {
            if (getMvStore().hasMap(name)) {
                getMvStore().removeMap(name);
            }
        }
    }

    /**
     * The H2 backend's collection, except that every document a query finds is a copy of the stored one's top level.
     * Updates, deletes-by-query and findAndModify all find their documents through {@link #queryDocuments} and then
     * change what they found in place (keys put and removed at the top level; every changed value is a new object,
     * computed on a deep clone) before storing it again. With a copy they change and store a new map, and the stored
     * map a reader was handed (a reply being encoded, a cursor's next batch, the MVStore's background serialiser)
     * never changes under it. Nested values are shared with the stored document: nothing changes those in place.
     * <p>
     * It also answers the outbox relay's scan, {@code {outboxPending: true}}, from the {@code _id}s of the documents
     * stored pending ({@link #pending}) instead of reading the whole collection: every service's relay runs it on each
     * of its outbox collections every {@code kit.outbox.idle-poll}, so without it the store's idle cost grew with every
     * complaint ever stored (issue 7, eighth round). The set is kept by every write (insert, update, delete all go
     * through {@link #addDocumentInternal}, {@link #handleUpdate} and {@link #removeDocument}, under the collection's
     * lock) and filled from the documents when the collection is opened; a listed document is matched against the
     * query again, so the answer is the scan's.
     */
    final class CopyingCollection extends H2Collection {

        static final String PENDING_FIELD = "outboxPending";

        private final MVMap<Object, Document> data;
        private final Set<Object> pending = ConcurrentHashMap.newKeySet();

        CopyingCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                          MVMap<Object, Document> data, MVMap<String, Object> meta) {
            super(database, collectionName, options, data, meta, getCursorRegistry());
            this.data = data;
            for (Map.Entry<Object, Document> stored : data.entrySet()) {
                track(stored.getKey(), stored.getValue());
            }
        }

        private void track(Object position, Document document) {
            if (document != null && Boolean.TRUE.equals(document.get(PENDING_FIELD))) {
                pending.add(position);
            } else {
                pending.remove(position);
            }
        }

        static boolean isPendingScan(Document query) {
            return query.size() == 1 && Boolean.TRUE.equals(query.get(PENDING_FIELD));
        }

        @Override
        protected Object addDocumentInternal(Document document) {
            Object position = super.addDocumentInternal(document);
            track(position, document);
            return position;
        }

        @Override
        protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
            super.handleUpdate(position, oldDocument, newDocument);
            track(position, newDocument);
        }

        @Override
        protected void removeDocument(Object position) {
            super.removeDocument(position);
            pending.remove(position);
        }

        @Override
        protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                             int batchSize, Document fieldSelector) {
            if (isPendingScan(query)) {
                List<Object> listed = new ArrayList<>();
                for (Object position : pending) {
                    if (data.containsKey(position)) {
                        listed.add(position);
                    }
                }
                return matchDocuments(query, listed, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            }
            return super.matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
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

        /**
         * No running total of the collection's size. mongo-java-server keeps one for {@code collStats} by BSON-encoding
         * the whole document before and after every update, and every inserted and removed document: a quarter of the
         * store's CPU under load (issue 7, eighth round), for a figure nothing of ours reads. {@code collStats} on the
         * local store reports the size stored before this change (or 0), not the collection's.
         */
        @Override
        protected boolean tracksDataSize() {
            return false;
        }
    }

    /** The H2 backend's unique index, on a map with {@link KeyValueDataType} keys. */
    static final class KeyIndex extends AbstractUniqueIndex<Object> {

        private final MVMap<KeyValue, Object> map;

        KeyIndex(String name, MVMap<KeyValue, Object> map, List<IndexKey> keys, boolean sparse) {
            super(name, keys, sparse);
            this.map = map;
        }

        @Override
        protected Object removeDocument(KeyValue key) {
            return map.remove(key);
        }

        @Override
        protected boolean putKeyPosition(KeyValue key, Object position) {
            return map.putIfAbsent(key, Missing.ofNullable(position)) == null;
        }

        @Override
        protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
            return map.entrySet();
        }

        @Override
        protected Object getPosition(KeyValue key) {
            return map.get(key);
        }

        @Override
        public long getCount() {
            return map.sizeAsLong();
        }

        @Override
        public boolean isEmpty() {
            return map.isEmpty();
        }

        @Override
        public long getDataSize() {
            return getCount();
        }
    }
}
