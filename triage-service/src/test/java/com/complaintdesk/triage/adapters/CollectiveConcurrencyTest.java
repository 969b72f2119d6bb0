package com.complaintdesk.triage.adapters;

import com.complaintdesk.contracts.events.ComplaintEvent;
import com.complaintdesk.contracts.events.EventEnvelope;
import com.complaintdesk.contracts.events.IntakeEvents.ComplaintReceived;
import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.contracts.model.ComplainantType;
import com.complaintdesk.contracts.model.Flag;
import com.complaintdesk.contracts.model.Severity;
import com.complaintdesk.testsupport.EventProbe;
import com.complaintdesk.testsupport.TestInfrastructure;
import com.complaintdesk.triage.adapters.mongo.CollectiveCaseDocument;
import com.complaintdesk.triage.adapters.mongo.TriageCaseDocument;
import com.complaintdesk.triage.application.TriageService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SPEC §3.6 under concurrency: several instances (or partitions) classify complaints on the same matter at the same
 * moment, and each received event is delivered twice. Still one case per matter, published once; every member ends
 * MAJOR + COLLECTIVE, and each member says so exactly once (in its ComplaintTriaged or in one ComplaintReclassified).
 */
class CollectiveConcurrencyTest extends TriageSpringTest {

    static final Duration WAIT = Duration.ofSeconds(40);

    /** Six people on one matter, each in their own words. */
    static final String[] LEAKING_TAP = {
            "二楼女卫生间的水龙头坏了一直在漏水,地面全是积水,很滑。",
            "二楼女卫生间漏水,地上都是积水,水龙头坏了没人修。",
            "2楼女厕所水龙头坏了一直漏水,地面积水很滑。",
            "二楼女卫生间地面积水,水龙头漏水坏了好几天了。",
            "二楼卫生间水龙头坏了漏水,地面积水严重,很滑。",
            "二楼女卫生间的水龙头漏水,积水很多,地面很滑。"};

    @Autowired
    TriageService triage;

    @Test
    void five_or_six_complainants_at_the_same_moment_with_redeliveries_open_one_case_published_once() throws Exception {
        String[] texts = LEAKING_TAP;
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try (var probe = new EventProbe(TestInfrastructure.kafkaBootstrapServers(), Topics.TRIAGE)) {
            for (int round = 0; round < 4; round++) {
                int size = round % 2 == 0 ? 5 : 6;
                String subject = "2F 女卫生间 " + UUID.randomUUID().toString().substring(0, 8);
                List<String> numbers = new ArrayList<>();
                List<EventEnvelope<ComplaintEvent>> deliveries = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                    String n = newNumber();
                    numbers.add(n);
                    ComplaintReceived r = received(n, texts[i], ComplainantType.CONSUMER, "p" + i + "-" + subject, subject,
                            null, List.of(), 0);
                    EventEnvelope<ComplaintEvent> env = EventEnvelope.of(r, n, Instant.now(), UUID.randomUUID().toString(), "intake-service");
                    deliveries.add(env);
                    deliveries.add(env); // redelivered, possibly to another instance at the same time
                }
                CyclicBarrier start = new CyclicBarrier(deliveries.size());
                List<Future<?>> done = new ArrayList<>();
                for (EventEnvelope<ComplaintEvent> env : deliveries) {
                    done.add(pool.submit(() -> {
                        start.await();
                        deliverLikeTheListener(env);
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
                // one more redelivery of each, after the dust settled: changes nothing
                for (EventEnvelope<ComplaintEvent> env : deliveries.subList(0, 2)) {
                    deliverLikeTheListener(env);
                }

                List<TriageCaseDocument> docs = numbers.stream().map(n -> mongo.findById(n, TriageCaseDocument.class)).toList();
                String caseId = docs.get(0).state.collectiveCaseId();
                assertThat(caseId).as("round %d", round).isNotNull();
                for (TriageCaseDocument d : docs) {
                    assertThat(d.state.collectiveCaseId()).isEqualTo(caseId);
                    assertThat(d.state.current().severity()).isEqualTo(Severity.MAJOR);
                    assertThat(d.state.current().flags()).contains(Flag.COLLECTIVE);
                }
                CollectiveCaseDocument c = mongo.findById(caseId, CollectiveCaseDocument.class);
                assertThat(c.members).containsExactlyInAnyOrderElementsOf(numbers);
                assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(
                        org.springframework.data.mongodb.core.query.Criteria.where("subjectKey").is(c.subjectKey)),
                        CollectiveCaseDocument.class)).isEqualTo(1);

                probe.await(r -> r.value().contains("\"type\":\"CollectiveCaseOpened\"") && r.value().contains(caseId), 1, WAIT);
                for (String n : numbers) {
                    probe.await(EventProbe.ofType(n, "ComplaintTriaged"), 1, WAIT);
                }
                await().atMost(WAIT).untilAsserted(() -> {
                    for (String n : numbers) {
                        boolean triagedCollective = probe.records().stream().filter(EventProbe.ofType(n, "ComplaintTriaged"))
                                .anyMatch(r -> payload(r).get("flags").toString().contains("COLLECTIVE"));
                        long upgrades = probe.records().stream().filter(EventProbe.ofType(n, "ComplaintReclassified")).count();
                        assertThat(upgrades).as("upgrades of %s", n).isEqualTo(triagedCollective ? 0 : 1);
                    }
                });
                Thread.sleep(300);
                for (String n : numbers) {
                    assertThat(probe.records().stream().filter(EventProbe.ofType(n, "ComplaintTriaged"))).hasSize(1);
                }
                assertThat(probe.records().stream().filter(r -> r.value().contains("\"type\":\"CollectiveCaseOpened\"")
                        && r.value().contains(caseId))).hasSize(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** SPEC §3.6 "at the same time": four complaints 25 hours earlier and one now are not a collective case (24 h window). */
    @Test
    void complaints_outside_the_window_do_not_count() {
        String subject = "B2 停车场出口 " + UUID.randomUUID().toString().substring(0, 8);
        String text = "停车场出口的道闸坏了,车排了很长的队出不去。";
        Instant now = Instant.now();
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String n = newNumber();
            numbers.add(n);
            Instant at = i < 4 ? now.minus(Duration.ofHours(25)) : now;
            ComplaintReceived r = received(n, text, ComplainantType.CONSUMER, "w" + i + "-" + subject, subject, null, List.of(), 0);
            ComplaintReceived dated = new ComplaintReceived(r.complaintNumber(), r.channel(), r.complainant(), r.content(),
                    r.subject(), at.minusSeconds(600), at, r.claimedAmount(), r.requestedRemedies(), r.requestedDeadline(),
                    r.evidence(), r.recordedBy(), r.outOfHours(), at);
            deliverLikeTheListener(EventEnvelope.<ComplaintEvent>of(dated, n, at, UUID.randomUUID().toString(), "intake-service"));
        }
        for (String n : numbers) {
            TriageCaseDocument d = mongo.findById(n, TriageCaseDocument.class);
            assertThat(d.state.collectiveCaseId()).as(n).isNull();
            assertThat(d.state.current().flags()).doesNotContain(Flag.COLLECTIVE);
        }
    }

    /** Same category and place but a different complaint: its own case, not merged into the one holding the place. */
    @Test
    void a_different_matter_at_the_same_place_gets_its_own_case() {
        String subject = "2F 女卫生间 " + UUID.randomUUID().toString().substring(0, 8);
        String[] leaking = LEAKING_TAP;
        String[] dirty = {
                "女卫生间垃圾桶满了没人倒,没有纸巾,脏得要命。",
                "垃圾桶满了也没人清理,纸巾没有,女卫生间太脏。",
                "女卫生间脏死了,垃圾桶满了没人倒,纸巾也没有。",
                "没有纸巾,垃圾桶满了没人倒,卫生间特别脏。",
                "卫生间太脏,垃圾桶满了没人管,纸巾一张都没有。"};
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            first.add(deliverNew(leaking[i], "a" + i + "-" + subject, subject));
        }
        for (int i = 0; i < 5; i++) {
            second.add(deliverNew(dirty[i], "b" + i + "-" + subject, subject));
        }
        String leakCase = mongo.findById(first.get(0), TriageCaseDocument.class).state.collectiveCaseId();
        String dirtCase = mongo.findById(second.get(0), TriageCaseDocument.class).state.collectiveCaseId();
        assertThat(leakCase).isNotNull();
        assertThat(dirtCase).isNotNull().isNotEqualTo(leakCase);
        assertThat(mongo.findById(leakCase, CollectiveCaseDocument.class).members).containsExactlyInAnyOrderElementsOf(first);
        assertThat(mongo.findById(dirtCase, CollectiveCaseDocument.class).members).containsExactlyInAnyOrderElementsOf(second);
    }

    private String deliverNew(String text, String contact, String subject) {
        String n = newNumber();
        deliverLikeTheListener(EventEnvelope.of(received(n, text, ComplainantType.CONSUMER, contact, subject, null, List.of(), 0),
                n, Instant.now(), UUID.randomUUID().toString(), "intake-service"));
        return n;
    }

    /** What the Kafka error handler does: a concurrent-write failure is retried with the same record. */
    private void deliverLikeTheListener(EventEnvelope<ComplaintEvent> env) {
        for (int attempt = 0; ; attempt++) {
            try {
                triage.onReceived(env, (ComplaintReceived) env.payload());
                return;
            } catch (OptimisticLockingFailureException | DuplicateKeyException retry) {
                if (attempt >= 10) {
                    throw retry;
                }
            }
        }
    }
}
