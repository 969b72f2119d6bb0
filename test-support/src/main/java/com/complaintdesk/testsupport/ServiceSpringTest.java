package com.complaintdesk.testsupport;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A service started whole for a test, on a random port with its "test" profile: on the shared broker with a database
 * of its own ({@link TestInfrastructure}), its HTTP API called as the gateway forwards a caller ({@link ServiceHttp}).
 * Each service's own test base extends this with what its tests share; subclasses with the same configuration share
 * one Spring context (the test context cache).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class ServiceSpringTest {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry);
    }

    @LocalServerPort
    protected int port;

    protected final ServiceHttp http = new ServiceHttp(() -> port);
}
