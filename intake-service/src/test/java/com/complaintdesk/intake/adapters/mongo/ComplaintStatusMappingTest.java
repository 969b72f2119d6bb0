package com.complaintdesk.intake.adapters.mongo;

import com.complaintdesk.contracts.model.Acceptance;
import com.complaintdesk.contracts.model.Channel;
import com.complaintdesk.contracts.model.ComplaintStatus;
import com.complaintdesk.intake.domain.ComplainantStatus;
import com.complaintdesk.intake.domain.Holder;
import com.complaintdesk.kit.outbox.OutboxEvent;
import com.complaintdesk.testsupport.ServiceSpringTest;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.QueryMapper;
import org.springframework.data.mongodb.core.convert.UpdateMapper;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The status projection's hand-written read and {@code $set} ({@link ComplaintStatusMapping}) read what Spring Data
 * read and store what Spring Data's update mapping stored, on every field kind (enums, Instants, nulls, processed ids,
 * the version), and keep the compare-and-set on {@code (_id, version)}.
 */
class ComplaintStatusMappingTest extends ServiceSpringTest {

    private static final JsonWriterSettings EXACT = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();
    private static final String[] STATUS_FIELDS = {"status", "acceptance", "reason", "nextStep", "deadline", "statusAt",
            "department", "confidential", "category", "processedEvents", "version"};

    @Autowired
    MongoTemplate mongo;
    @Autowired
    ComplaintStore store;

    /** A stored complaint with its personal data, outbox and every status field set (or, {@code sparse}, most unset). */
    private ComplaintDocument stored(String number, boolean sparse) {
        ComplaintDocument d = new ComplaintDocument();
        d.number = number;
        d.idempotencyId = "none:" + number;
        d.channel = Channel.PHONE;
        d.nameSealed = "sealed-name";
        d.content = "电饭煲坏了";
        d.receivedAt = Instant.parse("2026-11-23T01:30:00.123Z");
        d.status = ComplaintStatus.DISPATCHED;
        d.acceptance = Acceptance.ACCEPTED;
        if (!sparse) {
            d.reason = "受理";
            d.nextStep = "处理中";
            d.deadline = Instant.parse("2026-12-03T16:00:00.456789Z");
            d.department = "3F";
            d.confidential = true;
            d.category = "PRODUCT_QUALITY";
        }
        d.statusAt = Instant.parse("2026-11-23T02:00:00.789Z");
        d.setProcessedEvents(new ArrayList<>(List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString())));
        d.setOutbox(new ArrayList<>(List.of(new OutboxEvent("e1@t", "e1", "ComplaintReceived", "t", number, "{}"))));
        return d;
    }

    private ComplaintStatusDocument springFindStatus(String number) {
        Query query = new Query(Criteria.where("_id").is(number));
        query.fields().include(STATUS_FIELDS);
        return mongo.findOne(query, ComplaintStatusDocument.class, "complaints");
    }

    /** What updateStatus did before (Spring Data's Update mapped against ComplaintDocument). */
    private Update springUpdate(ComplaintStatusDocument read, ComplainantStatus projected) {
        Update update = new Update();
        setOrUnset(update, "status", projected.status());
        setOrUnset(update, "acceptance", projected.acceptance());
        setOrUnset(update, "reason", projected.reason());
        setOrUnset(update, "nextStep", projected.nextStep());
        setOrUnset(update, "deadline", projected.deadline());
        setOrUnset(update, "statusAt", projected.statusAt());
        setOrUnset(update, "department", projected.holder().department());
        update.set("confidential", projected.holder().confidential());
        setOrUnset(update, "category", projected.holder().category());
        update.set("processedEvents", read.getProcessedEvents());
        update.set("version", read.getVersion() == null ? 1L : read.getVersion() + 1);
        return update;
    }

    private static void setOrUnset(Update update, String field, Object value) {
        if (value == null) {
            update.unset(field);
        } else {
            update.set(field, value);
        }
    }

    @Test
    void the_status_part_reads_by_hand_as_spring_data_read_it() {
        for (boolean sparse : List.of(false, true)) {
            String number = "C-map-" + UUID.randomUUID();
            ComplaintDocument d = stored(number, sparse);
            mongo.insert(d);
            ComplaintStatusDocument bySpring = springFindStatus(number);
            ComplaintStatusDocument byHand = store.findStatus(number).orElseThrow();
            assertThat(byHand).usingRecursiveComparison().withStrictTypeChecking().isEqualTo(bySpring);
            assertThat(byHand.getVersion()).isEqualTo(0L);
            assertThat(byHand.getOutbox()).as("not read").isEmpty();
            assertThat(byHand.toDomain()).usingRecursiveComparison().isEqualTo(bySpring.toDomain());
        }
        assertThat(store.findStatus("C-missing-" + UUID.randomUUID())).isEmpty();
    }

    @Test
    void the_status_write_stores_what_spring_datas_update_mapping_stored() {
        List<ComplainantStatus> projections = List.of(
                // every field set
                new ComplainantStatus(ComplaintStatus.RESOLVED, Acceptance.ACCEPTED, "已解决", "回访",
                        Instant.parse("2026-12-05T16:00:00.111222Z"), Instant.parse("2026-12-01T03:04:05.678Z"),
                        new Holder("4F", true, "SERVICE")),
                // nulls: unset on a document that had them
                new ComplainantStatus(ComplaintStatus.TRANSFERRED, null, null, null, null,
                        Instant.parse("2026-12-01T03:04:05Z"), new Holder(null, false, null)));
        for (ComplainantStatus projected : projections) {
            for (boolean sparse : List.of(false, true)) {
                String byHandId = "C-hand-" + UUID.randomUUID();
                String bySpringId = byHandId.replace("hand", "sprg");
                mongo.insert(stored(byHandId, sparse));
                ComplaintDocument other = stored(bySpringId, sparse);
                mongo.insert(other);

                ComplaintStatusDocument read = store.findStatus(byHandId).orElseThrow();
                read.markProcessed(UUID.randomUUID());
                assertThat(store.updateStatus(read, projected)).isTrue();

                ComplaintStatusDocument readSpring = springFindStatus(bySpringId);
                readSpring.setProcessedEvents(new ArrayList<>(read.getProcessedEvents())); // the same event applied
                Query sameVersion = new Query(Criteria.where("_id").is(bySpringId).and("version").is(readSpring.getVersion()));
                assertThat(mongo.updateFirst(sameVersion, springUpdate(readSpring, projected), ComplaintDocument.class)
                        .getMatchedCount()).isEqualTo(1);

                assertThat(raw(byHandId)).isEqualTo(raw(bySpringId));
            }
        }
    }

    /** The stored document without what differs by construction (its number and idempotency id, and the outbox's key). */
    private String raw(String number) {
        Document d = mongo.getCollection("complaints").find(new Document("_id", number)).first();
        d.remove("_id");
        d.remove("idempotencyId");
        d.remove("outbox");
        return d.toJson(EXACT);
    }

    @Test
    void a_status_write_on_a_version_that_moved_meanwhile_changes_nothing() {
        String number = "C-stale-" + UUID.randomUUID();
        mongo.insert(stored(number, false));
        ComplaintStatusDocument stale = store.findStatus(number).orElseThrow();
        ComplaintStatusDocument fresh = store.findStatus(number).orElseThrow();
        ComplainantStatus first = new ComplainantStatus(ComplaintStatus.RESOLVED, Acceptance.ACCEPTED, "a", null, null,
                Instant.parse("2026-12-01T00:00:00Z"), new Holder("3F", false, null));
        assertThat(store.updateStatus(fresh, first)).isTrue();
        String afterFirst = raw(number);
        ComplainantStatus late = new ComplainantStatus(ComplaintStatus.CLOSED, Acceptance.ACCEPTED, "b", null, null,
                Instant.parse("2026-12-02T00:00:00Z"), new Holder("3F", false, null));
        assertThat(store.updateStatus(stale, late)).isFalse();
        assertThat(raw(number)).isEqualTo(afterFirst);
        assertThat(store.findStatus(number).orElseThrow().getVersion()).isEqualTo(1L);
    }

    /**
     * Not an assertion: 10,000 mapping round trips of the projection (query and projection mapped, the status part
     * read, the update and its filter mapped), Spring Data's mappers against the hand-written documents.
     */
    @Test
    void prints_the_time_of_10000_mapping_round_trips() {
        String number = "C-bench-" + UUID.randomUUID();
        mongo.insert(stored(number, false));
        Document stored = mongo.getCollection("complaints").find(new Document("_id", number))
                .projection(ComplaintStatusMapping.PROJECTION).first();
        var converter = mongo.getConverter();
        QueryMapper queryMapper = new QueryMapper(converter);
        UpdateMapper updateMapper = new UpdateMapper(converter);
        MongoPersistentEntity<?> statusEntity = converter.getMappingContext().getRequiredPersistentEntity(ComplaintStatusDocument.class);
        MongoPersistentEntity<?> complaintEntity = converter.getMappingContext().getRequiredPersistentEntity(ComplaintDocument.class);
        ComplainantStatus projected = new ComplainantStatus(ComplaintStatus.RESOLVED, Acceptance.ACCEPTED, "已解决", null,
                Instant.parse("2026-12-05T16:00:00Z"), Instant.parse("2026-12-01T03:04:05Z"), new Holder("4F", false, null));
        Runnable spring = () -> {
            Query query = new Query(Criteria.where("_id").is(number));
            query.fields().include(STATUS_FIELDS);
            queryMapper.getMappedObject(query.getQueryObject(), statusEntity);
            queryMapper.getMappedFields(query.getFieldsObject(), statusEntity);
            ComplaintStatusDocument read = converter.read(ComplaintStatusDocument.class, stored);
            Query sameVersion = new Query(Criteria.where("_id").is(number).and("version").is(read.getVersion()));
            queryMapper.getMappedObject(sameVersion.getQueryObject(), complaintEntity);
            updateMapper.getMappedObject(springUpdate(read, projected).getUpdateObject(), complaintEntity);
        };
        Runnable hand = () -> {
            new Document("_id", number);
            ComplaintStatusDocument read = ComplaintStatusMapping.read(stored);
            new Document("_id", read.number).append("version", read.getVersion());
            ComplaintStatusMapping.update(read, projected);
        };
        for (int round = 0; round < 2; round++) { // the second round after both are warm
            System.out.printf("status projection mapping, 10,000 round trips (round %d): Spring Data %d ms, by hand %d ms%n",
                    round + 1, time(spring), time(hand));
        }
    }

    private static long time(Runnable roundTrip) {
        long start = System.nanoTime();
        for (int i = 0; i < 10_000; i++) {
            roundTrip.run();
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
}
