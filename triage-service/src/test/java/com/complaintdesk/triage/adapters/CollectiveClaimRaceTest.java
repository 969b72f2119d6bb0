package com.complaintdesk.triage.adapters;

import com.complaintdesk.contracts.events.ComplaintEvent;
import com.complaintdesk.contracts.events.EventEnvelope;
import com.complaintdesk.contracts.events.IntakeEvents.ComplaintReceived;
import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.contracts.model.ComplainantType;
import com.complaintdesk.contracts.model.Flag;
import com.complaintdesk.contracts.model.Severity;
import com.complaintdesk.kit.events.EventCodec;
import com.complaintdesk.kit.events.EventFactory;
import com.complaintdesk.testsupport.EventProbe;
import com.complaintdesk.testsupport.TestInfrastructure;
import com.complaintdesk.triage.adapters.mongo.CollectiveCaseDocument;
import com.complaintdesk.triage.adapters.mongo.TriageCaseDocument;
import com.complaintdesk.triage.adapters.mongo.TriageStore;
import com.complaintdesk.triage.application.RuleBook;
import com.complaintdesk.triage.application.TriageProperties;
import com.complaintdesk.triage.application.TriageService;
import com.complaintdesk.triage.domain.collective.CollectiveDetector;
import com.complaintdesk.triage.domain.collective.TextSimilarity;
import com.complaintdesk.triage.domain.model.TriageCase;
import com.complaintdesk.triage.domain.model.TriageStatus;
import com.complaintdesk.triage.domain.text.TextAnalyzer;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * SPEC §3.6, one collective case per matter, when two instances trip the same matter at the same moment. The holder
 * X has claimed the matter ({@code collective_matters}) for its case CC-H; the racer R lost the claim and decides
 * whether its own group belongs to the holder's case or is a different matter at the same place.
 * <p>
 * The interleaving is fixed, not left to the scheduler as in {@link CollectiveConcurrencyTest}: X runs on an
 * instance of its own whose store stops it right after one step; R is classified on the context's instance
 * meanwhile; then X finishes. The texts make similarity non-transitive on purpose: R is similar to B, C, D and E but
 * not to H, the holder's first complaint; X is similar to H, B, C and D. So B, C and D are in both groups, and R's
 * text compared with H alone says "another matter".
 */
class CollectiveClaimRaceTest extends TriageSpringTest {

    static final Duration WAIT = Duration.ofSeconds(40);

    /** Who says what, on one matter (2F women's restroom). Numbers are given in this order: H is the smallest. */
    enum Role {
        /** the holder's first complaint: the wet floor, not the tap */
        H("二楼女卫生间地面到处是积水,保洁一整天都没来拖地,洗手台上全是水渍,垃圾桶也满了。"),
        /** B, C, D: the tap alone, in both groups */
        B("二楼女卫生间的水龙头坏了,一直在漏水,关也关不上。"),
        C("二楼女卫生间水龙头坏了一直漏水,怎么拧都关不上。"),
        D("二楼女卫生间的水龙头坏了,一直漏水,关不上。"),
        /** the tap and the unanswered call: only in the racer's group */
        E("二楼女卫生间水龙头坏了一直漏水关不上,上周就跟物业说过,说派人来,到现在没人来管。"),
        /** the holder: the tap and the wet floor */
        X("二楼女卫生间水龙头坏了一直漏水关不上,地面到处是积水,保洁一整天没来拖地,洗手台上全是水渍。"),
        /** the racer: the tap and the unanswered call */
        R("二楼女卫生间的水龙头坏了一直漏水关不上,上周就跟物业说过了,到现在还没人来管。");

        final String text;

        Role(String text) {
            this.text = text;
        }
    }

    /** The holder's step after which its instance waits for the racer. */
    enum Step { CLAIMED, CASE_INSERTED }

    /** One run of the race: its own place (subject) and its own numbers. */
    record Matter(String subject, String numberPrefix) {
        static Matter fresh(String numberPrefix) {
            return new Matter("2F 女卫生间 " + UUID.randomUUID().toString().substring(0, 8), numberPrefix);
        }

        String number(Role role) {
            return numberPrefix + role.ordinal();
        }

        String holderCase() {
            return "CC-" + number(Role.H);
        }

        List<String> numbers() {
            return Arrays.stream(Role.values()).map(this::number).toList();
        }
    }

    @Autowired
    TriageService triage; // the racer's instance
    @Autowired
    RuleBook rules;
    @Autowired
    CollectiveDetector detector;
    @Autowired
    TriageProperties properties;
    @Autowired
    EventFactory events;
    @Autowired
    TextAnalyzer analyzer;
    @Autowired
    Clock clock;
    @Autowired
    MeterRegistry meters;
    @Value("${kit.outbox.id-indexes:false}")
    boolean lookupDocuments;

    /**
     * The holder has opened its case (members H, B, C, D, X) but not yet marked B, C and D: the racer's group shares
     * them with the case, so the racer joins it, although its text is below the threshold against H. (With 48d3514's
     * shared-member check or without it: B, a shared member, is similar to R, so the comparison with each member of the
     * written case finds the holder too. It fails when a racer that lost the claim opens its own case regardless.)
     */
    @Test
    void a_racer_joins_the_holders_written_case_when_its_group_shares_members_with_it() throws Exception {
        raceAndAssertOneCase(Matter.fresh("C-20261129-71000"), Step.CASE_INSERTED);
    }

    /**
     * The holder has claimed the matter and neither it nor its case is written. Before the claim kept the holder's
     * group, all the racer could see of the holder was CC-H: it compared its text with H alone, found another matter,
     * and opened and published a second case for the complaints B, C and D that the holder's case also takes (this
     * test failed so, with and without 48d3514). Now the claim carries the holder's group, which shares B, C and D with
     * the racer's.
     */
    @Test
    void a_racer_joins_the_case_of_a_holder_that_claimed_the_matter_but_wrote_nothing_yet() throws Exception {
        raceAndAssertOneCase(Matter.fresh("C-20261129-72000"), Step.CLAIMED);
    }

    private void raceAndAssertOneCase(Matter matter, Step step) throws Exception {
        try (var probe = new EventProbe(TestInfrastructure.kafkaBootstrapServers(), Topics.TRIAGE)) {
            race(matter, step);
            assertOneCasePublishedOnce(matter, probe);
        }
    }

    /** H, B, C, D, E stored (no case yet); X stopped after {@code step} on its own instance while R is classified. */
    private void race(Matter matter, Step step) throws Exception {
        assertTheTextsAreNotTransitive();
        for (Role seed : List.of(Role.H, Role.B, Role.C, Role.D, Role.E)) {
            triage.onReceived(envelope(matter, seed), received(matter, seed));
        }
        String category = stateOf(matter, Role.H).current().category();
        for (Role seed : List.of(Role.H, Role.B, Role.C, Role.D, Role.E)) {
            TriageCase c = stateOf(matter, seed);
            assertThat(c.status()).as("%s", seed).isEqualTo(TriageStatus.TRIAGED);
            assertThat(c.current().category()).as("category of %s", seed).isEqualTo(category);
            assertThat(c.collectiveCaseId()).as("no case before the race (%s)", seed).isNull();
        }

        PausingStore holderStore = new PausingStore(mongo, codec, lookupDocuments, step);
        TriageService holder = new TriageService(holderStore, rules, detector, properties, events, analyzer, clock, meters);
        ExecutorService holderInstance = Executors.newSingleThreadExecutor();
        try {
            Future<?> holding = holderInstance.submit(() -> holder.onReceived(envelope(matter, Role.X), received(matter, Role.X)));
            assertThat(holderStore.reached.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the holder reached %s", step).isTrue();
            assertThat(mongo.findById(matter.holderCase(), CollectiveCaseDocument.class) != null)
                    .as("the holder's case is written").isEqualTo(step == Step.CASE_INSERTED);

            triage.onReceived(envelope(matter, Role.R), received(matter, Role.R));

            holderStore.goOn.countDown();
            holding.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } finally {
            holderStore.goOn.countDown();
            holderInstance.shutdownNow();
        }
    }

    /** Every complaint of the matter in the holder's case; that one case stored, and its CollectiveCaseOpened sent. */
    private void assertOneCasePublishedOnce(Matter matter, EventProbe probe) {
        String holderCase = matter.holderCase();
        assertThat(stateOf(matter, Role.R).collectiveCaseId()).as(() -> "the racer's case; " + stored(matter))
                .isEqualTo(holderCase);
        for (Role role : Role.values()) {
            TriageCase c = stateOf(matter, role);
            assertThat(c.collectiveCaseId()).as("case of %s", role).isEqualTo(holderCase);
            assertThat(c.current().severity()).as("severity of %s", role).isEqualTo(Severity.MAJOR);
            assertThat(c.current().flags()).as("flags of %s", role).contains(Flag.COLLECTIVE);
        }
        List<CollectiveCaseDocument> cases = mongo.find(query(where("subjectKey").is(TriageStore.subjectKey(matter.subject()))),
                CollectiveCaseDocument.class);
        assertThat(cases).extracting(c -> c.id).as("collective cases of the matter").containsExactly(holderCase);
        assertThat(cases.get(0).members).containsExactlyInAnyOrderElementsOf(matter.numbers());
        // each stored case carries its one CollectiveCaseOpened (a case is inserted once): one case, one event
        await().atMost(WAIT).untilAsserted(() -> assertThat(probe.records().stream().filter(r -> opens(r, matter)))
                .hasSize(1));
    }

    /** What the store holds of the matter, for a failure's message: each complaint's case, each case's members. */
    private String stored(Matter matter) {
        StringBuilder out = new StringBuilder("complaints:");
        for (Role role : Role.values()) {
            out.append(' ').append(role).append('=').append(stateOf(matter, role).collectiveCaseId());
        }
        for (CollectiveCaseDocument c : mongo.find(query(where("subjectKey").is(TriageStore.subjectKey(matter.subject()))),
                CollectiveCaseDocument.class)) {
            out.append("; case ").append(c.id).append(" members ").append(c.members);
        }
        return out.toString();
    }

    private boolean opens(ConsumerRecord<String, String> record, Matter matter) {
        return record.value().contains("\"type\":\"CollectiveCaseOpened\"")
                && matter.subject().equals(payload(record).path("subject").asString());
    }

    /** The non-transitive similarity the race is about, checked with the service's own signature and threshold. */
    private void assertTheTextsAreNotTransitive() {
        assertSimilarity(Role.R, true, Role.B, Role.C, Role.D, Role.E);
        assertSimilarity(Role.R, false, Role.H, Role.X);
        assertSimilarity(Role.X, true, Role.H, Role.B, Role.C, Role.D);
        // no seed has four similar seeds, so storing them trips nothing by itself
        assertSimilarity(Role.H, false, Role.B, Role.C, Role.D, Role.E);
    }

    private void assertSimilarity(Role one, boolean similar, Role... others) {
        double threshold = properties.collective().similarity();
        for (Role other : others) {
            double cosine = TextSimilarity.cosine(signature(one), signature(other));
            if (similar) {
                assertThat(cosine).as("%s ~ %s", one, other).isGreaterThanOrEqualTo(threshold);
            } else {
                assertThat(cosine).as("%s not ~ %s", one, other).isLessThan(threshold);
            }
        }
    }

    private List<String> signature(Role role) {
        return TextSimilarity.signature(analyzer.analyze(role.text), properties.text().signatureFeatures());
    }

    private TriageCase stateOf(Matter matter, Role role) {
        return mongo.findById(matter.number(role), TriageCaseDocument.class).state;
    }

    private static ComplaintReceived received(Matter matter, Role role) {
        return received(matter.number(role), role.text, ComplainantType.CONSUMER,
                role.name().toLowerCase(Locale.ROOT) + "-" + matter.subject(), matter.subject(), null, List.of(), 0);
    }

    private static EventEnvelope<ComplaintEvent> envelope(Matter matter, Role role) {
        return EventEnvelope.of(received(matter, role), matter.number(role), Instant.now(), UUID.randomUUID().toString(),
                "intake-service");
    }

    /** The holder instance's store: once, after {@code pauseAfter}, it waits until the test lets the holder go on. */
    static final class PausingStore extends TriageStore {

        final CountDownLatch reached = new CountDownLatch(1);
        final CountDownLatch goOn = new CountDownLatch(1);
        private final Step pauseAfter;

        PausingStore(MongoTemplate mongo, EventCodec codec, boolean lookupDocuments, Step pauseAfter) {
            super(mongo, codec, lookupDocuments);
            this.pauseAfter = pauseAfter;
        }

        @Override
        public MatterClaim claimMatter(String category, String subjectKey, String proposedCaseId,
                                       java.util.Collection<String> members, Instant now, Instant until) {
            MatterClaim held = super.claimMatter(category, subjectKey, proposedCaseId, members, now, until);
            pauseIf(Step.CLAIMED);
            return held;
        }

        @Override
        public void insertCase(CollectiveCaseDocument c, EventEnvelope<?> opened) {
            super.insertCase(c, opened);
            pauseIf(Step.CASE_INSERTED);
        }

        private void pauseIf(Step done) {
            if (done != pauseAfter || reached.getCount() == 0) {
                return;
            }
            reached.countDown();
            try {
                if (!goOn.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never let the holder go on");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
