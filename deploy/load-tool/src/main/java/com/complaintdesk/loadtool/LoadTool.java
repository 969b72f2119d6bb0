package com.complaintdesk.loadtool;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/**
 * {@code java -jar deploy/load-tool/target/load-tool.jar --rate 500 --duration 60s}: load the running system through
 * the gateway and audit it. Exit 0 = audit passed, 1 = a complaint missing or duplicated, 2 = bad options or the
 * system could not be reached.
 */
public final class LoadTool {

    private LoadTool() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        for (String a : args) {
            if (a.equals("--help") || a.equals("-h")) {
                System.out.print(LoadOptions.USAGE);
                return 0;
            }
        }
        LoadOptions options;
        try {
            options = LoadOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(LoadOptions.USAGE);
            return 2;
        }
        try {
            System.out.printf("load: %s against %s, Kafka %s%n", options.openModel()
                    ? String.format("%.0f complaints/s", options.rate()) : options.concurrency() + " senders",
                    options.gateway(), options.kafka());
            LoadRun.Outcome outcome = new LoadRun(options, System.out).run();
            System.out.print(Report.text(outcome));
            if (options.reportFile() != null) {
                Files.writeString(options.reportFile(), Report.markdown(outcome), StandardCharsets.UTF_8);
            }
            return outcome.passed() ? 0 : 1;
        } catch (Exception e) {
            System.err.println("load run failed: " + e);
            return 2;
        }
    }
}
