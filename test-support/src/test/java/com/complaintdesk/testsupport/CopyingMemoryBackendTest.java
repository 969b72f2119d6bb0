package com.complaintdesk.testsupport;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.NoopOplog;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The tests' store hands out copies: an update never changes a document a reader already holds. */
class CopyingMemoryBackendTest {

    private static Document only(MongoCollection<?> c, String id) {
        List<Document> found = new ArrayList<>();
        c.handleQuery(new Document("_id", id)).forEach(found::add);
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    @Test
    void a_document_a_query_returned_is_not_changed_by_a_later_update_and_the_update_is_stored() {
        CopyingMemoryBackend backend = new CopyingMemoryBackend();
        try {
            MongoCollection<?> c = backend.resolveDatabase("t").createCollectionOrThrowIfExists("cases");
            c.addDocument(new Document("_id", "C-1").append("status", "NEW").append("version", 0L));

            Document read = only(c, "C-1");
            c.updateDocuments(new Document("_id", "C-1"), new Document("$set", new Document("status", "DISPATCHED")
                            .append("leaseOwner", "relay-1")).append("$inc", new Document("version", 1L)),
                    ArrayFilters.empty(), false, false, NoopOplog.get());

            assertThat(read).containsEntry("status", "NEW").containsEntry("version", 0L).doesNotContainKey("leaseOwner");
            assertThat(only(c, "C-1")).containsEntry("status", "DISPATCHED").containsEntry("version", 1L)
                    .containsEntry("leaseOwner", "relay-1");
        } finally {
            backend.close();
        }
    }
}
