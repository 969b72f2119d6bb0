package com.complaintdesk.loadtool;

import java.util.Arrays;

/** Latency samples in microseconds; percentiles by nearest rank over all samples (a 60 s run at 500/s is 30,000). */
public final class Latencies {

    private long[] values = new long[1024];
    private int size;

    public synchronized void add(long micros) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = Math.max(0, micros);
    }

    public synchronized int count() {
        return size;
    }

    /** Nearest-rank percentile in milliseconds, or NaN without samples. */
    public synchronized double percentileMillis(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.min(size, Math.max(1, rank)) - 1] / 1000.0;
    }

    public synchronized double maxMillis() {
        long max = 0;
        for (int i = 0; i < size; i++) {
            max = Math.max(max, values[i]);
        }
        return size == 0 ? Double.NaN : max / 1000.0;
    }

    /** "p50 / p95 / p99 / max" in ms, or "–" without samples. */
    public String summary() {
        if (count() == 0) {
            return "–";
        }
        return String.format("%s / %s / %s / %s ms (n=%d)", ms(percentileMillis(50)), ms(percentileMillis(95)),
                ms(percentileMillis(99)), ms(maxMillis()), count());
    }

    private static String ms(double v) {
        return v >= 100 ? String.format("%.0f", v) : String.format("%.1f", v);
    }
}
