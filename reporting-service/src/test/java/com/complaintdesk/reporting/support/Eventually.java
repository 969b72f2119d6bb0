package com.complaintdesk.reporting.support;

import java.time.Duration;
import java.util.function.Supplier;

/** Waits for an asynchronous outcome (a Kafka consumer catching up), failing with the last error. */
public final class Eventually {
    private Eventually() {
    }

    public static void await(Duration timeout, Runnable assertion) {
        long deadline = System.nanoTime() + timeout.toNanos();
        AssertionError last = null;
        while (System.nanoTime() < deadline) {
            try {
                assertion.run();
                return;
            } catch (AssertionError e) {
                last = e;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (last != null) {
            throw last;
        }
        assertion.run();
    }

    public static <T> T get(Duration timeout, Supplier<T> supplier, java.util.function.Predicate<T> ok) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T value = supplier.get();
        while (!ok.test(value) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            value = supplier.get();
        }
        return value;
    }
}
