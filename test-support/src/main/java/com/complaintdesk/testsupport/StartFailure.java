package com.complaintdesk.testsupport;

import org.springframework.boot.builder.SpringApplicationBuilder;

import java.util.ArrayList;
import java.util.List;

/** Why a service did not start: for tests of settings a deployment must give (keys, secrets). */
public final class StartFailure {

    private StartFailure() {
    }

    /**
     * Starts {@code application} with no profile, on the tests' store and broker (so it fails for the missing setting,
     * not for want of a database), and these command-line settings, expecting it not to start.
     *
     * @return every message of the failure's cause chain, joined with {@code " <- "}
     * @throws AssertionError when it started after all
     */
    public static String of(Class<?> application, String... settings) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off",
                "--logging.level.org.springframework=OFF",
                "--spring.mongodb.uri=" + TestInfrastructure.mongoUri(application.getSimpleName().toLowerCase()),
                "--spring.kafka.bootstrap-servers=" + TestInfrastructure.kafkaBootstrapServers()));
        args.addAll(List.of(settings));
        Throwable failure = null;
        try {
            new SpringApplicationBuilder(application).run(args.toArray(String[]::new)).close();
        } catch (RuntimeException e) {
            failure = e;
        }
        if (failure == null) {
            throw new AssertionError(application.getSimpleName() + " started, but should not have");
        }
        List<String> messages = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.add(t.getMessage());
        }
        return String.join(" <- ", messages);
    }
}
