package com.complaintdesk.reporting.support;

import com.complaintdesk.kit.events.EventCodec;
import com.complaintdesk.testsupport.Caller;
import com.complaintdesk.testsupport.ServiceSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaTemplate;

import java.util.concurrent.TimeUnit;

/**
 * The one Spring context every reporting integration test shares (same configuration → cached): the service on a
 * random port, the embedded Kafka broker and Mongo-wire server, a clock the tests move.
 */
@Import(TestClockConfiguration.class)
public abstract class ReportingIntegrationTest extends ServiceSpringTest {

    protected static final Caller SUPERVISOR = new Caller("sup-1", "SUPERVISOR", "SERVICE_DESK");
    protected static final Caller ADMIN = new Caller("admin-1", "ADMIN", null);

    @Autowired
    protected KafkaTemplate<String, String> kafka;
    @Autowired
    protected EventCodec codec;
    @Autowired
    protected MutableClock clock;

    protected void publish(ComplaintStory story) {
        try {
            for (ComplaintStory.Published p : story.events()) {
                kafka.send(p.topic(), story.number(), codec.encode(p.envelope())).get(10, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected void publishRaw(String topic, String key, String json) {
        try {
            kafka.send(topic, key, json).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected static String uniqueNumber(String prefix) {
        return "C-" + prefix + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    }
}
