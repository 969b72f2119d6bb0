package com.complaintdesk.intake.adapters;

import com.complaintdesk.testsupport.ServiceSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * intake-service over HTTP with its real Mongo store and Kafka (embedded): one Spring context for the tests that
 * drive it so (same configuration, so Spring's test context cache starts it once).
 */
abstract class IntakeSpringTest extends ServiceSpringTest {

    @Autowired
    MongoTemplate mongo;

    final JsonMapper json = JsonMapper.builder().build();
}
