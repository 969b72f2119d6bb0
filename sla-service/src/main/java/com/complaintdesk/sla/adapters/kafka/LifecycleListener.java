package com.complaintdesk.sla.adapters.kafka;

import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.kit.events.EventCodec;
import com.complaintdesk.contracts.events.ReportingEvents.MonthlyReportPublished;
import com.complaintdesk.sla.application.ClockService;
import com.complaintdesk.sla.application.MonthlyReportWatch;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Every life-cycle topic moves the clocks (SPEC §4); the reporting topic meets the monthly report deadline. */
@Component
public class LifecycleListener {

    private final ClockService clocks;
    private final MonthlyReportWatch monthly;
    private final EventCodec codec;

    public LifecycleListener(ClockService clocks, MonthlyReportWatch monthly, EventCodec codec) {
        this.clocks = clocks;
        this.monthly = monthly;
        this.codec = codec;
    }

    @KafkaListener(id = "sla-clocks", groupId = "sla-clocks",
            topics = {Topics.INTAKE, Topics.TRIAGE, Topics.DISPATCH, Topics.FOLLOWUP, Topics.REPORTING})
    public void on(ConsumerRecord<String, String> record) {
        var envelope = codec.decode(record.value());
        if (envelope.payload() instanceof MonthlyReportPublished published) {
            monthly.onPublished(published.period(), envelope.occurredAt()); // SPEC §3.18
        } else {
            clocks.on(envelope);
        }
    }
}
