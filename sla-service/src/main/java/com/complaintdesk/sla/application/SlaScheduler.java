package com.complaintdesk.sla.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * The background loop of one instance: fires due timers, publishes the daily overdue report when due, watches the monthly report deadline, and re-reads
 * policies and calendar now and then (edits made through another instance). Real time only paces the loop; what is
 * due is decided by the injected clock.
 */
public class SlaScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SlaScheduler.class);

    private final TimerEngine timers;
    private final DailySupervision daily;
    private final MonthlyReportWatch monthly;
    private final PolicyService policies;
    private final CalendarService calendar;
    private final Duration poll;
    private final Duration refresh;
    private volatile boolean running;
    private Thread worker;

    public SlaScheduler(TimerEngine timers, DailySupervision daily, MonthlyReportWatch monthly, PolicyService policies,
                        CalendarService calendar, Duration poll, Duration refresh) {
        this.timers = timers;
        this.daily = daily;
        this.monthly = monthly;
        this.policies = policies;
        this.calendar = calendar;
        this.poll = poll;
        this.refresh = refresh;
    }

    @Override
    public void start() {
        running = true;
        worker = new Thread(this::loop, "sla-timers");
        worker.setDaemon(true);
        worker.start();
    }

    private void loop() {
        long lastRefresh = System.nanoTime();
        while (running) {
            try {
                int fired = timers.fireDue();
                daily.runIfDue();
                monthly.tick();
                if (System.nanoTime() - lastRefresh > refresh.toNanos()) {
                    policies.refresh();
                    calendar.refresh();
                    lastRefresh = System.nanoTime();
                }
                if (fired == 0) {
                    LockSupport.parkNanos(poll.toNanos());
                }
            } catch (RuntimeException e) {
                log.warn("SLA timer pass failed, retrying: {}", e.toString());
                LockSupport.parkNanos(poll.multipliedBy(4).toNanos());
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
