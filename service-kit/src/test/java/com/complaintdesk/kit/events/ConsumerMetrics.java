package com.complaintdesk.kit.events;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.springframework.kafka.listener.MessageListenerContainer;

import java.util.Map;

/** A listener container's consumers' own counters, summed over its consumers (the client-level value, no per-topic tags). */
final class ConsumerMetrics {

    private ConsumerMetrics() {
    }

    static double total(MessageListenerContainer container, String group, String name) {
        double total = 0;
        for (Map<MetricName, ? extends Metric> client : container.metrics().values()) {
            for (var m : client.entrySet()) {
                MetricName metric = m.getKey();
                if (metric.name().equals(name) && metric.group().equals(group) && metric.tags().size() == 1) {
                    total += ((Number) m.getValue().metricValue()).doubleValue();
                }
            }
        }
        return total;
    }
}
