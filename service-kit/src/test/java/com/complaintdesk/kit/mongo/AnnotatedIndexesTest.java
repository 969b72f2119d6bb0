package com.complaintdesk.kit.mongo;

import com.complaintdesk.testsupport.TestInfrastructure;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.Test;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import static org.assertj.core.api.Assertions.assertThat;

/** With index auto-creation off, the annotations create nothing until {@link AnnotatedIndexes} does. */
class AnnotatedIndexesTest {

    @Document("annotated_things")
    @CompoundIndex(name = "owner_slot", def = "{'owner': 1, 'slot': 1}", unique = true)
    static class Thing {
        @Id
        String id;
        @Indexed(unique = true)
        String code;
        String owner;
        int slot;
    }

    @Test
    void the_indexes_a_document_class_declares_exist_once_created_and_not_before() {
        try (MongoClient client = MongoClients.create(TestInfrastructure.mongoUri("annotated_indexes"))) {
            MongoTemplate mongo = new MongoTemplate(client, "annotated_indexes");
            mongo.dropCollection(Thing.class);
            mongo.createCollection(Thing.class);
            assertThat(mongo.indexOps(Thing.class).getIndexInfo()).extracting(i -> i.getName()).containsExactly("_id_");

            AnnotatedIndexes.create(mongo, Thing.class);
            AnnotatedIndexes.create(mongo, Thing.class); // a second start changes nothing

            assertThat(mongo.indexOps(Thing.class).getIndexInfo()).extracting(i -> i.getName())
                    .containsExactlyInAnyOrder("_id_", "code", "owner_slot");
        }
    }
}
