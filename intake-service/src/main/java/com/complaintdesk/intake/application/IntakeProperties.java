package com.complaintdesk.intake.application;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

/** Settings of intake, all overridable by environment variable (e.g. {@code INTAKE_EVIDENCE_MAX_SIZE=10MB}). */
@ConfigurationProperties("intake")
public record IntakeProperties(
        /* AES-256 key, base64, for personal data at rest (env INTAKE_PERSONALDATAKEY). No default: intake does not
           start without it; only the local and test profiles carry a development key. */
        String personalDataKey,
        @DefaultValue("5000") int maxContentLength,
        @DefaultValue BusinessHours businessHours,
        @DefaultValue Evidence evidence) {

    /** SPEC §3.2: the desk's opening hours; the Chinese public holidays and make-up days come with the calendar. */
    public record BusinessHours(
            @DefaultValue("Asia/Shanghai") ZoneId zone,
            @DefaultValue("09:00") LocalTime open,
            @DefaultValue("18:00") LocalTime close,
            @DefaultValue({"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"}) Set<DayOfWeek> weekdays) {
    }

    public record Evidence(
            @DefaultValue("5MB") DataSize maxSize,
            @DefaultValue("10") int maxPerComplaint,
            @DefaultValue({"image/jpeg", "image/png", "image/gif", "image/webp", "application/pdf", "text/plain",
                    "audio/mpeg", "audio/wav", "video/mp4"}) Set<String> allowedTypes) {
    }
}
