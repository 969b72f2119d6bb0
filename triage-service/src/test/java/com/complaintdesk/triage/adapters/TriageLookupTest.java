package com.complaintdesk.triage.adapters;

import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.contracts.model.ComplainantType;
import com.complaintdesk.testsupport.EventProbe;
import com.complaintdesk.testsupport.TestInfrastructure;
import com.complaintdesk.triage.adapters.mongo.TriageCaseDocument;
import com.complaintdesk.triage.adapters.mongo.TriageStore;
import com.complaintdesk.triage.domain.model.TriageStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On the Mongo-wire store (test profile: {@code kit.outbox.id-indexes}, as the local run) the same-matter and
 * same-complainant look-ups go through {@code triage_lookup}; they answer exactly what the queries they replace answer,
 * also for complaints stored before the look-up documents existed.
 */
class TriageLookupTest extends TriageSpringTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    TriageStore store;

    /** The query the look-up documents stand in for (what a real MongoDB answers from its compound index). */
    List<String> sameMatterByQuery(String category, String subjectKey, Instant from, Instant to, String except) {
        Query q = new Query(Criteria.where("category").is(category).and("subjectKey").is(subjectKey)
                .and("receivedAt").gte(from).lte(to).and("status").is(TriageStatus.TRIAGED).and("_id").ne(except))
                .with(Sort.by(Sort.Direction.DESC, "receivedAt"));
        return mongo.find(q, TriageCaseDocument.class).stream().map(d -> d.number).toList();
    }

    List<String> unresolvedByQuery(String contactKey, String except, Instant since) {
        return mongo.find(new Query(Criteria.where("contactKey").is(contactKey).and("_id").ne(except)
                .and("status").is(TriageStatus.TRIAGED).and("resolved").is(false).and("receivedAt").gte(since)),
                TriageCaseDocument.class).stream().map(d -> d.number).sorted().toList();
    }

    static TriageStore.Listed listedFromDocument(TriageCaseDocument d) {
        return new TriageStore.Listed(d.number, d.contactKey, d.category, d.subjectKey, d.receivedAt, d.status, d.resolved,
                d.collectiveCaseId, d.state.signature());
    }

    @Test
    void the_look_ups_answer_what_the_queries_answer_also_for_complaints_stored_before_the_listing() throws Exception {
        String contact = "k-" + UUID.randomUUID();
        String subject = "4F 电梯 " + UUID.randomUUID().toString().substring(0, 6);
        List<String> numbers = new ArrayList<>();
        try (var probe = new EventProbe(TestInfrastructure.kafkaBootstrapServers(), Topics.TRIAGE)) {
            for (int i = 0; i < 3; i++) {
                String n = newNumber();
                numbers.add(n);
                // two from one complainant, one from someone else, all on one matter
                publish(n, received(n, "四楼的电梯一直坏着,上下楼很不方便,请尽快修好。", ComplainantType.CONSUMER,
                        i < 2 ? contact : contact + "-other", subject, null, List.of(), 0));
                probe.await(EventProbe.ofType(n, "ComplaintTriaged"), 1, WAIT);
            }
        }
        TriageCaseDocument first = mongo.findById(numbers.get(0), TriageCaseDocument.class);
        assertThat(first.lookupKeys).hasSize(2);
        Instant from = first.receivedAt.minus(Duration.ofHours(24));
        Instant to = first.receivedAt.plus(Duration.ofHours(24));

        List<String> expectedMatter = sameMatterByQuery(first.category, first.subjectKey, from, to, "none");
        assertThat(expectedMatter).containsExactlyInAnyOrderElementsOf(numbers);
        assertThat(store.sameMatter(first.category, first.subjectKey, from, to, "none", 500).stream().map(TriageStore.Listed::number))
                .containsExactlyElementsOf(expectedMatter);
        assertThat(store.sameMatter(first.category, first.subjectKey, from, to, numbers.get(1), 500).stream().map(TriageStore.Listed::number))
                .containsExactlyElementsOf(sameMatterByQuery(first.category, first.subjectKey, from, to, numbers.get(1)));
        assertThat(store.sameMatter("OTHER_CATEGORY", first.subjectKey, from, to, "none", 500)).isEmpty();
        // what the look-ups read of each complaint is what its document holds
        for (TriageStore.Listed listed : store.sameMatter(first.category, first.subjectKey, from, to, "none", 500)) {
            assertThat(listed).isEqualTo(listedFromDocument(mongo.findById(listed.number(), TriageCaseDocument.class)));
        }
        // a real MongoDB's way (queries, no look-up documents) answers the same
        TriageStore byQueries = new TriageStore(mongo, codec, false);
        assertThat(byQueries.sameMatter(first.category, first.subjectKey, from, to, "none", 500))
                .containsExactlyElementsOf(store.sameMatter(first.category, first.subjectKey, from, to, "none", 500));
        assertThat(byQueries.unresolvedOfComplainant(contact, numbers.get(0), from))
                .containsExactlyElementsOf(store.unresolvedOfComplainant(contact, numbers.get(0), from));
        assertThat(store.unresolvedOfComplainant(contact, numbers.get(0), from).stream().map(TriageStore.Listed::number).sorted())
                .containsExactlyElementsOf(unresolvedByQuery(contact, numbers.get(0), from))
                .containsExactly(numbers.get(1));

        // stored before the listing existed: no keys on the complaint, nothing in the look-up documents
        for (String n : numbers) {
            mongo.updateFirst(new Query(Criteria.where("_id").is(n)), new Update().unset("lookupKeys"), TriageCaseDocument.class);
        }
        mongo.updateMulti(new Query(), new Update().pullAll("numbers", numbers.toArray()), "triage_lookup");
        assertThat(store.sameMatter(first.category, first.subjectKey, from, to, "none", 500)).isEmpty();

        store.afterPropertiesSet(); // what a start does
        assertThat(store.sameMatter(first.category, first.subjectKey, from, to, "none", 500).stream().map(TriageStore.Listed::number))
                .containsExactlyElementsOf(expectedMatter);
        assertThat(store.unresolvedOfComplainant(contact, "none", from).stream().map(TriageStore.Listed::number).sorted())
                .containsExactlyElementsOf(unresolvedByQuery(contact, "none", from));
        assertThat(mongo.findById(numbers.get(2), TriageCaseDocument.class).lookupKeys).hasSize(2);
    }
}
