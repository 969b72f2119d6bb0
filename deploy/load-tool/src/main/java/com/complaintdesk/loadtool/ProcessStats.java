package com.complaintdesk.loadtool;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * CPU time and memory of the system's processes on this machine, from /proc (Linux only; elsewhere it finds nothing):
 * the services (their {@code *-exec.jar}), the Kafka broker and the launcher that holds the Mongo-wire store. Only the
 * system under test counts — services whose {@code KAFKA_BOOTSTRAP_SERVERS} names its broker's port, the broker whose
 * config listens there, the launcher that is their parent — so a second local system on the machine (another
 * engineer's tests) is left out, and so is the load tool's own process.
 */
public final class ProcessStats {

    /** One process at one moment: CPU seconds so far (user + system) and resident memory. */
    public record Sample(long pid, String name, double cpuSeconds, long rssKb) {
    }

    private static final Pattern JAR = Pattern.compile("([a-z-]+?)(?:-\\d[^/]*)?-exec\\.jar");
    private static final double TICKS = 100.0; // USER_HZ on Linux

    private ProcessStats() {
    }

    public static Map<Long, Sample> sample(String kafkaBootstrap) {
        Map<Long, Sample> out = new LinkedHashMap<>();
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc)) {
            return out;
        }
        long self = ProcessHandle.current().pid();
        String port = kafkaBootstrap == null || kafkaBootstrap.lastIndexOf(':') < 0 ? null
                : kafkaBootstrap.substring(kafkaBootstrap.lastIndexOf(':') + 1).split(",")[0];
        Map<Long, Long> parents = new LinkedHashMap<>();
        Map<Long, Sample> launchers = new LinkedHashMap<>();
        List<Path> dirs = new ArrayList<>();
        try (Stream<Path> s = Files.list(proc)) {
            s.filter(p -> p.getFileName().toString().matches("\\d+")).forEach(dirs::add);
        } catch (IOException e) {
            return out;
        }
        for (Path dir : dirs) {
            long pid = Long.parseLong(dir.getFileName().toString());
            if (pid == self) {
                continue;
            }
            try {
                String raw = new String(Files.readAllBytes(dir.resolve("cmdline")), StandardCharsets.UTF_8);
                String program = raw.indexOf('\0') < 0 ? raw : raw.substring(0, raw.indexOf('\0'));
                if (!program.equals("java") && !program.endsWith("/java")) {
                    continue; // a wrapper such as timeout or a shell that merely mentions java
                }
                String name = nameOf(raw.replace('\0', ' '));
                if (name == null) {
                    continue;
                }
                boolean launcher = name.equals("launcher+mongo");
                if (port != null && !launcher && !belongs(dir, raw, name, port)) {
                    continue;
                }
                String stat = Files.readString(dir.resolve("stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                double cpu = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS; // utime, stime
                long rss = 0;
                for (String line : Files.readAllLines(dir.resolve("status"))) {
                    if (line.startsWith("VmRSS:")) {
                        rss = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    }
                }
                Sample sample = new Sample(pid, name, cpu, rss);
                if (launcher && port != null) {
                    launchers.put(pid, sample);
                } else {
                    out.put(pid, sample);
                    parents.put(pid, Long.parseLong(f[1]));
                }
            } catch (IOException | RuntimeException e) {
                // the process ended meanwhile, or is not ours to read
            }
        }
        launchers.forEach((pid, sample) -> {
            if (parents.containsValue(pid)) {
                out.put(pid, sample);
            }
        });
        return out;
    }

    /** A service wired to this Kafka port, or the broker listening on it. */
    private static boolean belongs(Path dir, String rawCmdline, String name, String port) throws IOException {
        if (name.equals("kafka")) {
            for (String arg : rawCmdline.split("\0")) {
                if (arg.endsWith(".properties") && Files.isReadable(Path.of(arg))) {
                    return Files.readAllLines(Path.of(arg)).stream()
                            .anyMatch(l -> l.startsWith("listeners=") && l.matches(".*:" + port + "(,.*)?$"));
                }
            }
            return false;
        }
        String env = new String(Files.readAllBytes(dir.resolve("environ")), StandardCharsets.UTF_8);
        for (String v : env.split("\0")) {
            if (v.startsWith("KAFKA_BOOTSTRAP_SERVERS=")) {
                return v.matches(".*:" + port + "(,.*)?$");
            }
        }
        return false;
    }

    static String nameOf(String cmd) {
        if (!cmd.contains("java") || cmd.contains("plexus.classworlds") || cmd.contains("surefire")) {
            return null;
        }
        Matcher m = JAR.matcher(cmd);
        if (m.find()) {
            return m.group(1);
        }
        if (cmd.contains("kafka.Kafka")) {
            return "kafka";
        }
        if (cmd.contains("com.complaintdesk.localrun") || cmd.contains("local-run-0")) {
            return "launcher+mongo";
        }
        return null;
    }
}
