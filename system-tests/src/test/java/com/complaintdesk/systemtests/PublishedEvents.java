package com.complaintdesk.systemtests;

import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.testsupport.EventProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What the services published, read from their topics with a plain Kafka client from the beginning, as a department's
 * own system would. Records of one complaint share a key, hence a partition: per topic they are in publishing order.
 */
final class PublishedEvents implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RunningSystem system;
    private final EventProbe probe;

    PublishedEvents(RunningSystem system, String... topics) {
        this.system = system;
        this.probe = new EventProbe(system.kafka(), topics);
    }

    /** The envelope of the first {@code type} event of the complaint on the topic. */
    JsonNode first(String topic, String number, String type) {
        return atLeast(topic, number, type, 1).get(0);
    }

    /** The payload of the complaint's first ComplaintDispatched: its department and handler. */
    JsonNode dispatch(String number) {
        return first(Topics.DISPATCH, number, "ComplaintDispatched").path("payload");
    }

    /** The payload of the {@code count}-th {@code type} event of the complaint on the topic, once it is there. */
    JsonNode nth(String topic, String number, String type, int count) {
        return atLeast(topic, number, type, count).get(count - 1).path("payload");
    }

    /** Waits for at least {@code count} such events; their envelopes in topic order. */
    List<JsonNode> atLeast(String topic, String number, String type, int count) {
        Predicate<ConsumerRecord<String, String>> match = EventProbe.ofType(number, type).and(r -> r.topic().equals(topic));
        try {
            return probe.await(match, count, Expect.EVENTUALLY).stream().map(r -> JSON.readTree(r.value())).toList();
        } catch (AssertionError e) {
            Map<String, String> dead = system.deadServices();
            throw new AssertionError("no " + count + " × " + type + " on " + topic + " for " + number + " within "
                    + Expect.EVENTUALLY + "; events seen for it: " + seen(number)
                    + (dead.isEmpty() ? "" : "; services that died: " + dead), e);
        }
    }

    /** The types of the complaint's events on one topic so far, in topic order. */
    List<String> types(String topic, String number) {
        return probe.records().stream().filter(r -> r.topic().equals(topic) && number.equals(r.key()))
                .map(r -> typeOf(r.value())).toList();
    }

    private List<String> seen(String number) {
        return probe.records().stream().filter(r -> number.equals(r.key()))
                .map(r -> r.topic() + ":" + typeOf(r.value())).toList();
    }

    private static String typeOf(String value) {
        try {
            return JSON.readTree(value).path("type").asString();
        } catch (RuntimeException e) {
            return "(unreadable)";
        }
    }

    @Override
    public void close() {
        probe.close();
    }
}
