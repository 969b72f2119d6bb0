package com.complaintdesk.localrun;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/** Resident memory of a process, from {@code /proc/<pid>/status} (Linux; empty elsewhere). */
final class ProcStatus {

    private ProcStatus() {
    }

    static OptionalLong rssKiB(long pid) {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        try {
            return parseVmRss(Files.readAllLines(status));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** The {@code VmRSS:   123456 kB} line of a status file, in KiB. */
    static OptionalLong parseVmRss(List<String> statusLines) {
        for (String line : statusLines) {
            if (line.startsWith("VmRSS:")) {
                String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
                if (parts.length >= 1 && !parts[0].isEmpty()) {
                    long value = Long.parseLong(parts[0]);
                    String unit = parts.length > 1 ? parts[1] : "kB";
                    return OptionalLong.of(switch (unit) {
                        case "MB", "mB" -> value * 1024;
                        case "GB", "gB" -> value * 1024 * 1024;
                        default -> value;
                    });
                }
            }
        }
        return OptionalLong.empty();
    }

    static String megabytes(long kib) {
        return String.format(java.util.Locale.ROOT, "%.0f MiB", kib / 1024.0);
    }
}
