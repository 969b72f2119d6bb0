package com.complaintdesk.sla.application;

import com.complaintdesk.sla.domain.MajorManagerNotice;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/** Settings of sla-service, each overridable by environment variable (e.g. {@code SLA_TIMERS_LEASE=60s}). */
@ConfigurationProperties("sla")
public record SlaProperties(
        @DefaultValue Calendar calendar,
        @DefaultValue Timers timers,
        @DefaultValue Daily daily,
        /* the policy set a fresh install starts with; afterwards the policies live in MongoDB, editable by API */
        @DefaultValue("/sla/policies.json") String defaultPolicies,
        /* how often each instance re-reads policies and calendar from MongoDB (edits made on another instance) */
        @DefaultValue("30s") Duration refresh,
        @DefaultValue MajorNotice majorManagerNotice,
        /* how many complaints' clocks documents each instance remembers as it saved them last, so the next event of
           such a complaint is applied without reading its document first (each a few kB of heap); 0: always read */
        @DefaultValue("2048") int clockCache) {

    @ConstructorBinding
    public SlaProperties {
        majorManagerNotice = majorManagerNotice == null
                ? new MajorNotice(MajorManagerNotice.DEFAULT_ROLE, MajorManagerNotice.DEFAULT_REASON_PATTERN)
                : majorManagerNotice;
    }

    /** The settings before the MAJOR notice was configurable (tools that build them by hand): nothing remembered. */
    public SlaProperties(Calendar calendar, Timers timers, Daily daily, String defaultPolicies, Duration refresh) {
        this(calendar, timers, daily, defaultPolicies, refresh, null, 0);
    }

    /**
     * SPEC §3.5, §4: which staff notice ends the MAJOR_TO_MANAGER clock — one to {@code role} of the complaint's
     * department whose reason contains {@code reasonPattern} (a regular expression), e.g.
     * {@code SLA_MAJORMANAGERNOTICE_REASONPATTERN}. See {@link MajorManagerNotice}.
     */
    public record MajorNotice(
            @DefaultValue(MajorManagerNotice.DEFAULT_ROLE) String role,
            @DefaultValue(MajorManagerNotice.DEFAULT_REASON_PATTERN) String reasonPattern) {

        public MajorManagerNotice rule() {
            return MajorManagerNotice.of(role, reasonPattern);
        }
    }

    /**
     * The first-start business calendar: working hours per weekday ("MONDAY 09:00-18:00"; a weekday not listed is
     * not worked), hours of a make-up working day (调休), and the official holiday schedules shipped with the kit.
     */
    public record Calendar(
            @DefaultValue("Asia/Shanghai") ZoneId zone,
            @DefaultValue({"MONDAY 09:00-18:00", "TUESDAY 09:00-18:00", "WEDNESDAY 09:00-18:00",
                    "THURSDAY 09:00-18:00", "FRIDAY 09:00-18:00"}) List<String> workingHours,
            @DefaultValue("09:00-18:00") String makeupDayHours,
            @DefaultValue({"2024", "2025", "2026"}) List<Integer> bundledYears) {
    }

    /** Durable timers (issue 8): polled from MongoDB by due time, claimed with a lease. */
    public record Timers(
            @DefaultValue("true") boolean schedulerEnabled,
            @DefaultValue("250ms") Duration pollInterval,
            /* a dead instance's claimed timers are taken over after this long */
            @DefaultValue("30s") Duration lease,
            @DefaultValue("200") int batchSize,
            /* this instance's name on leases; empty = host name + random suffix */
            @DefaultValue("") String instanceId,
            /* how often the safety net looks timers up by due time itself (a scan on mongo-java-server) */
            @DefaultValue("60s") Duration safetyScan) {
    }

    /** SPEC §3.17: every business day at this local time the overdue list goes to the service supervisor. */
    public record Daily(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("09:00") LocalTime at) {
    }
}
