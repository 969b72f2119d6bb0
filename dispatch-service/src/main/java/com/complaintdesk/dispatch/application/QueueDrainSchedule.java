package com.complaintdesk.dispatch.application;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Issue 4: a queued complaint is assigned as soon as someone comes on duty; checked on a fixed interval. */
@Component
@EnableScheduling
@ConditionalOnProperty(name = "dispatch.queue.drain-enabled", havingValue = "true", matchIfMissing = true)
public class QueueDrainSchedule {

    private final HandlingService handling;

    public QueueDrainSchedule(HandlingService handling) {
        this.handling = handling;
    }

    @Scheduled(fixedDelayString = "${dispatch.queue.drain-interval:30s}", initialDelayString = "${dispatch.queue.drain-interval:30s}")
    public void drain() {
        handling.drainQueue();
    }
}
