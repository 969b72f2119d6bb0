package com.complaintdesk.dispatch.application;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the {@link WorkloadReconciler} on a fixed interval, so a phantom claim left by a crash heals by itself. */
@Component
@EnableScheduling
@ConditionalOnProperty(name = "dispatch.workload.reconcile-enabled", havingValue = "true", matchIfMissing = true)
public class WorkloadReconcileSchedule {

    private final WorkloadReconciler reconciler;

    public WorkloadReconcileSchedule(WorkloadReconciler reconciler) {
        this.reconciler = reconciler;
    }

    @Scheduled(fixedDelayString = "${dispatch.workload.reconcile-interval:60s}",
            initialDelayString = "${dispatch.workload.reconcile-interval:60s}")
    public void reconcile() {
        reconciler.reconcile();
    }
}
