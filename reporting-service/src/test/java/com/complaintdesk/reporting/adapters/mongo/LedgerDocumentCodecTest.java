package com.complaintdesk.reporting.adapters.mongo;

import com.complaintdesk.reporting.ledger.domain.ComplainantView;
import com.complaintdesk.reporting.ledger.domain.Deadline;
import com.complaintdesk.reporting.ledger.domain.LedgerEntry;
import com.complaintdesk.reporting.ledger.domain.Revisit;
import com.complaintdesk.reporting.ledger.domain.SlaIncident;
import com.complaintdesk.reporting.ledger.domain.TimelineItem;
import com.complaintdesk.reporting.support.ReportingIntegrationTest;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.convert.UpdateMapper;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.query.Update;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The ledger's hand mapping stores exactly what Spring Data's converter stored, and reads back what it read, so
 * existing documents, the ledger queries, the export and the rebuild see no difference; the versioned save keeps
 * {@code MongoTemplate.save}'s optimistic locking and its exceptions (the updater's retry depends on them).
 */
class LedgerDocumentCodecTest extends ReportingIntegrationTest {

    @Autowired
    MongoTemplate mongo;
    @Autowired
    LedgerStore ledger;

    private static final Instant T = Instant.parse("2024-03-05T08:09:10.123Z");
    private final List<String> written = new ArrayList<>();

    /** The representative document's pending counters would look abandoned to the other tests' sweeps. */
    @AfterEach
    void removeWritten() {
        mongo.getCollection(LedgerStore.COLLECTION).deleteMany(new Document("_id", new Document("$in", written)));
    }

    private String newId() {
        String id = "C-codec-" + UUID.randomUUID();
        written.add(id);
        return id;
    }

    /** Every component of the entry is set (its nested records have nulls); {@link #sparse} has the entry's nulls. */
    static LedgerDocument representative(String id, Long version) {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("amount", new BigDecimal("12.50"));
        inner.put("none", null);
        inner.put("list", new ArrayList<>(Arrays.asList(1, "two", null, 3.25, List.of(Map.of("deep", true)))));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("int", 7);
        payload.put("long", 12345678901L);
        payload.put("double", 2.5);
        payload.put("decimal", new BigDecimal("0.1"));
        payload.put("flag", false);
        payload.put("text", "文本");
        payload.put("nothing", null);
        payload.put("nested", inner);
        payload.put("emptyMap", new LinkedHashMap<>());
        payload.put("emptyList", new ArrayList<>());
        Map<String, Deadline> deadlines = new LinkedHashMap<>();
        deadlines.put("RESOLUTION", new Deadline("RESOLUTION", T, T.plusSeconds(86_400), T.plusSeconds(100), T.plusSeconds(50),
                T.plusSeconds(90_000), "L2", "BREACHED_STOPPED"));
        deadlines.put("ACK", new Deadline("ACK", T, T.plusSeconds(3600), null, null, null, null, "RUNNING"));
        List<TimelineItem> timeline = List.of(
                new TimelineItem("e-1", "ComplaintReceived", T, "complaints.intake", "intake-service", "RECEIVED", payload),
                new TimelineItem("e-2", "Urged", T.plusSeconds(5), "complaints.followup", null, null, Map.of()),
                new TimelineItem("e-3", "Unknown", null, null, null, null, null));
        LedgerEntry entry = new LedgerEntry("C-1", "RESOLVED", "ACCEPTED", "billing", "HIGH", "COMPANY",
                List.of("VIP", "MEDIA"), "SERVICE_DESK", "h-1", true, "s-1", 2, "TRANSFERRED", 1, "PHONE", "PERSON",
                new ComplainantView("张*", "138****0000", null, "PERSON"), "subject", "content", true,
                T, T.plusSeconds(1), T.plusSeconds(2), T.plusSeconds(3), T.plusSeconds(4), T.plusSeconds(5),
                T.plusSeconds(6), T.plusSeconds(7), deadlines, T.plusSeconds(8), Boolean.TRUE, 3, 1, 0, 4,
                List.of(new Revisit(T, true, 5, true, false, "agent-1"), new Revisit(null, false, null, false, true, null)),
                List.of(new SlaIncident("BREACH", "RESOLUTION", "L2", T), new SlaIncident("ESCALATION", null, null, null)),
                "cause", "supplier", List.of("fix"), List.of(), "CC-0", List.of("CC-1"), false, timeline);
        LedgerDocument doc = new LedgerDocument();
        doc.setId(id);
        doc.setVersion(version);
        doc.setEntry(entry);
        doc.setFacts(new ArrayList<>(List.of("received|billing", "resolved|billing")));
        doc.setPendingCounters(new ArrayList<>(List.of(
                new LedgerDocument.PendingCounters("d-1", T, List.of(
                        new CounterStore.CellDelta("day|2024-03-05|received|category|billing", "day", "2024-03-05",
                                "received", "category", "billing", 1),
                        new CounterStore.CellDelta("total|all|open|none|null", "total", "all", "open", null, null, -1))),
                new LedgerDocument.PendingCounters("d-2", null, List.of()))));
        return doc;
    }

    /** Everything that may be null or empty is: the smallest document the updater writes. */
    static LedgerDocument sparse(String id) {
        LedgerEntry entry = new LedgerEntry("C-2", null, null, null, null, null, null, null, null, false, null, 0, null,
                0, null, null, null, null, null, false, null, null, null, null, null, null, null, null, null, null, null,
                0, 0, 0, 0, null, null, null, null, null, null, null, null, false, List.of());
        LedgerDocument doc = new LedgerDocument();
        doc.setId(id);
        doc.setEntry(entry);
        return doc;
    }

    private MongoConverter converter() {
        return mongo.getConverter();
    }

    private Document springWrite(LedgerDocument doc) {
        Document d = new Document();
        converter().write(doc, d);
        return d;
    }

    @Test
    void the_hand_mapping_writes_what_spring_data_writes_field_for_field_in_the_same_order() {
        LedgerDocumentCodec codec = new LedgerDocumentCodec(converter());
        for (LedgerDocument doc : List.of(representative("C-1", 3L), sparse("C-2"))) {
            Document expected = springWrite(doc);
            Document actual = codec.write(doc);

            assertThat(actual).isEqualTo(expected);
            assertThat(actual.toJson()).isEqualTo(expected.toJson()); // order and BSON types too
            assertThat(actual.getString("_class")).isEqualTo(LedgerDocument.class.getName());
        }
    }

    /** So a component added to the entry later is compared above: the representative document must set it. */
    @Test
    void the_representative_document_sets_every_component_of_the_entry() throws Exception {
        LedgerEntry entry = representative("C-1", 3L).getEntry();
        for (var component : LedgerEntry.class.getRecordComponents()) {
            assertThat(component.getAccessor().invoke(entry)).as(component.getName()).isNotNull();
        }
    }

    @Test
    void the_hand_mapping_reads_back_what_spring_data_reads() {
        LedgerDocumentCodec codec = new LedgerDocumentCodec(converter());
        for (LedgerDocument doc : List.of(representative("C-1", 3L), sparse("C-2"))) {
            Document stored = springWrite(doc);
            LedgerDocument expected = converter().read(LedgerDocument.class, stored);
            LedgerDocument actual = codec.read(stored);

            assertSame(actual, expected);
        }
        // a document written before a field existed: what Spring Data leaves at its default, the codec does too
        Document old = springWrite(sparse("C-3"));
        old.remove("facts");
        old.remove("pendingCounters");
        old.remove("version");
        assertSame(codec.read(old), converter().read(LedgerDocument.class, old));
    }

    private static void assertSame(LedgerDocument actual, LedgerDocument expected) {
        assertThat(actual.getId()).isEqualTo(expected.getId());
        assertThat(actual.getVersion()).isEqualTo(expected.getVersion());
        assertThat(actual.getEntry()).isEqualTo(expected.getEntry());
        assertThat(actual.getFacts()).isEqualTo(expected.getFacts());
        assertThat(actual.getPendingCounters()).isEqualTo(expected.getPendingCounters());
        if (expected.getEntry() != null) {
            for (int i = 0; i < expected.getEntry().timeline().size(); i++) {
                assertSameTypes(actual.getEntry().timeline().get(i).payload(), expected.getEntry().timeline().get(i).payload());
            }
        }
    }

    /** Equal maps of different classes (a Document and a LinkedHashMap) compare equal: the value classes must match too. */
    private static void assertSameTypes(Object actual, Object expected) {
        if (expected == null) {
            assertThat(actual).isNull();
            return;
        }
        assertThat(actual).isNotNull();
        assertThat(actual.getClass()).as("class of %s", expected).isEqualTo(expected.getClass());
        if (expected instanceof Map<?, ?> m) {
            m.forEach((k, v) -> assertSameTypes(((Map<?, ?>) actual).get(k), v));
        } else if (expected instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                assertSameTypes(((List<?>) actual).get(i), l.get(i));
            }
        }
    }

    @Test
    void a_versioned_save_inserts_then_replaces_and_stores_what_spring_data_stored() {
        String id = newId();
        LedgerDocument doc = representative(id, null);
        ledger.save(doc);
        assertThat(doc.getVersion()).isZero();
        Document stored = mongo.getCollection(LedgerStore.COLLECTION).find(new Document("_id", id)).first();
        assertThat(stored.toJson()).isEqualTo(springWrite(doc).toJson());

        LedgerDocument loaded = ledger.find(id).orElseThrow();
        assertSame(loaded, mongo.findById(id, LedgerDocument.class, LedgerStore.COLLECTION));
        loaded.setFacts(List.of("changed"));
        ledger.save(loaded);
        assertThat(loaded.getVersion()).isEqualTo(1L);
        Document replaced = mongo.getCollection(LedgerStore.COLLECTION).find(new Document("_id", id)).first();
        assertThat(replaced.toJson()).isEqualTo(springWrite(loaded).toJson());

        // Spring Data's save still works on what the hand mapping wrote, and the other way round
        LedgerDocument bySpring = mongo.findById(id, LedgerDocument.class, LedgerStore.COLLECTION);
        mongo.save(bySpring, LedgerStore.COLLECTION);
        assertThat(ledger.find(id).orElseThrow().getVersion()).isEqualTo(2L);
    }

    @Test
    void a_save_over_a_moved_version_or_a_second_insert_throws_what_the_updater_retries_on() {
        String id = newId();
        ledger.save(sparse(id));
        assertThatThrownBy(() -> ledger.save(sparse(id))).isInstanceOf(DuplicateKeyException.class);

        LedgerDocument first = ledger.find(id).orElseThrow();
        LedgerDocument second = ledger.find(id).orElseThrow();
        first.setFacts(List.of("first"));
        ledger.save(first);
        second.setFacts(List.of("second"));
        assertThatThrownBy(() -> ledger.save(second)).isInstanceOf(OptimisticLockingFailureException.class);

        LedgerDocument now = ledger.find(id).orElseThrow();
        assertThat(now.getVersion()).isEqualTo(1L);
        assertThat(now.getFacts()).containsExactly("first");
        // a save of a document that is gone is a concurrent change too, as with Spring Data
        mongo.remove(new org.springframework.data.mongodb.core.query.Query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(id)), LedgerStore.COLLECTION);
        assertThatThrownBy(() -> ledger.save(now)).isInstanceOf(OptimisticLockingFailureException.class);
    }

    @Test
    void the_counter_upsert_is_the_update_spring_data_mapped() {
        CounterStore.CellDelta cell = new CounterStore.CellDelta("id", "day", "2024-03-05", "received", "category", null, -2);
        Update spring = new Update().inc("count", cell.delta())
                .push("recent").slice(-64).each("delta-1")
                .setOnInsert("g", cell.granularity()).setOnInsert("period", cell.period())
                .setOnInsert("metric", cell.metric()).setOnInsert("dim", cell.dimension()).setOnInsert("value", cell.value());
        Document mapped = new UpdateMapper(converter()).getMappedObject(spring.getUpdateObject(),
                (MongoPersistentEntity<?>) null);

        assertThat(CounterStore.update("delta-1", cell)).isEqualTo(mapped);
    }
}
