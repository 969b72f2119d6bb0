package com.complaintdesk.kit.mongo;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexResolver;

/**
 * Creates the indexes that {@code @Indexed} / {@code @CompoundIndex} declare on a document class. Spring Data's index
 * auto-creation is off (its default), so those annotations alone create nothing — on a real MongoDB the queries they
 * were written for would scan. Call it from a store's constructor for each document class it owns. (mongo-java-server
 * ignores non-unique indexes with a warning; see CONVENTIONS "Queries on a hot path".)
 */
public final class AnnotatedIndexes {

    private AnnotatedIndexes() {
    }

    public static void create(MongoTemplate mongo, Class<?>... documentClasses) {
        IndexResolver resolver = IndexResolver.create(mongo.getConverter().getMappingContext());
        for (Class<?> type : documentClasses) {
            resolver.resolveIndexFor(type).forEach(index -> mongo.indexOps(type).createIndex(index));
        }
    }
}
