package com.complaintdesk.localrun;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The seven services of the local run: module, default port, Mongo database and the variable through which the
 * gateway finds it (CONVENTIONS.md, module table).
 */
public enum Service {
    INTAKE("intake-service", 8081, "intake", "INTAKE_URL"),
    TRIAGE("triage-service", 8082, "triage", "TRIAGE_URL"),
    DISPATCH("dispatch-service", 8083, "dispatch", "DISPATCH_URL"),
    SLA("sla-service", 8084, "sla", "SLA_URL"),
    FOLLOWUP("followup-service", 8085, "followup", "FOLLOWUP_URL"),
    REPORTING("reporting-service", 8086, "reporting", "REPORTING_URL"),
    GATEWAY("gateway", 8080, null, null);

    private final String module;
    private final int defaultPort;
    private final String database;
    private final String urlVariable;

    Service(String module, int defaultPort, String database, String urlVariable) {
        this.module = module;
        this.defaultPort = defaultPort;
        this.database = database;
        this.urlVariable = urlVariable;
    }

    public String module() {
        return module;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** The service's own database on the shared Mongo-wire server; none for the gateway. */
    public Optional<String> database() {
        return Optional.ofNullable(database);
    }

    /** The environment variable the gateway reads this service's URL from; none for the gateway itself. */
    public Optional<String> urlVariable() {
        return Optional.ofNullable(urlVariable);
    }

    /** Short name as typed on the command line: intake, triage, ..., gateway. */
    public String shortName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The runnable jar the spring-boot-maven-plugin repackage writes (classifier {@code exec}). */
    public String execJarName(String version) {
        return module + "-" + version + "-exec.jar";
    }

    public static Service parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(s -> s.shortName().equals(t) || s.module.equals(t))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown service '" + text + "'; known: "
                        + Arrays.stream(values()).map(Service::shortName).toList()));
    }
}
