package com.complaintdesk.sla.support;

import com.complaintdesk.contracts.events.IntakeEvents.ComplaintReceived;
import com.complaintdesk.contracts.events.TriageEvents.ComplaintTriaged;
import com.complaintdesk.contracts.model.Channel;
import com.complaintdesk.contracts.model.Complainant;
import com.complaintdesk.contracts.model.ComplainantType;
import com.complaintdesk.contracts.model.Flag;
import com.complaintdesk.contracts.model.Liability;
import com.complaintdesk.contracts.model.Severity;
import com.complaintdesk.contracts.model.EscalationLevel;
import com.complaintdesk.sla.domain.EscalationStep;
import com.complaintdesk.sla.domain.SlaPolicies;
import com.complaintdesk.sla.domain.SlaPolicy;
import com.complaintdesk.sla.domain.TargetKind;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/** Test data: complaints' events, policies, Shanghai times. */
public final class SlaMother {
    private SlaMother() {
    }

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    public static Instant shanghai(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    public static ComplaintReceived received(String number, Instant at) {
        return received(number, at, false, null, ComplainantType.CONSUMER, null);
    }

    public static ComplaintReceived received(String number, Instant at, boolean outOfHours, Instant clockStart,
                                             ComplainantType type, LocalDate requestedDeadline) {
        return new ComplaintReceived(number, Channel.PHONE, new Complainant("张三", "13800138000", null, type, "k"),
                "电饭煲坏了", "3F", at, at, null, List.of(), requestedDeadline, List.of(), "desk-07", outOfHours, clockStart);
    }

    public static ComplaintTriaged triaged(Severity severity, Liability liability, Flag... flags) {
        return new ComplaintTriaged("PRODUCT_QUALITY", severity, liability, Set.of(flags), List.of("test"), null, "3F");
    }

    public static List<EscalationStep> ladder(Object... levelsAndAfters) {
        List<EscalationStep> steps = new java.util.ArrayList<>();
        for (int i = 0; i < levelsAndAfters.length; i += 2) {
            steps.add(new EscalationStep((EscalationLevel) levelsAndAfters[i], (Duration) levelsAndAfters[i + 1]));
        }
        return steps;
    }

    public static SlaPolicy policy(String id, String clock, Set<Severity> severities, TargetKind kind, Duration target,
                                   int workingDays, boolean honourRequested, boolean upgrade, List<EscalationStep> ladder) {
        return new SlaPolicy(id, clock, severities, Set.of(), Set.of(), kind, target, workingDays, 80, honourRequested,
                upgrade, ladder, id);
    }

    /** The default policy file, as a fresh install has it. */
    public static SlaPolicies defaults() {
        try (var in = SlaMother.class.getResourceAsStream("/sla/policies.json")) {
            var json = tools.jackson.databind.json.JsonMapper.builder().build();
            List<SlaPolicy> all = json.readValue(in, new tools.jackson.core.type.TypeReference<List<SlaPolicy>>() {
            });
            return new SlaPolicies(all);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
