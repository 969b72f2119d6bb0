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
 * the services (their {@code *-exec.jar}), the Kafka broker and the launcher that holds the Mongo-wire store. The load
 * tool's own process is left out.
 */
public final class ProcessStats {

    /** One process at one moment: CPU seconds so far (user + system) and resident memory. */
    public record Sample(long pid, String name, double cpuSeconds, long rssKb) {
    }

    private static final Pattern JAR = Pattern.compile("([a-z-]+?)(?:-\\d[^/]*)?-exec\\.jar");
    private static final double TICKS = 100.0; // USER_HZ on Linux

    private ProcessStats() {
    }

    public static Map<Long, Sample> sample() {
        Map<Long, Sample> out = new LinkedHashMap<>();
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc)) {
            return out;
        }
        long self = ProcessHandle.current().pid();
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
                String cmd = new String(Files.readAllBytes(dir.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
                String name = nameOf(cmd);
                if (name == null) {
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
                out.put(pid, new Sample(pid, name, cpu, rss));
            } catch (IOException | RuntimeException e) {
                // the process ended meanwhile, or is not ours to read
            }
        }
        return out;
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
