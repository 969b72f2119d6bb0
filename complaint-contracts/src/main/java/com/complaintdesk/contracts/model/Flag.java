package com.complaintdesk.contracts.model;

import java.util.EnumSet;
import java.util.Set;

/** 标记 (SPEC §2). {@link #MAJOR_TRIGGERS} are the flags that make a complaint MAJOR (SPEC §3.5, §8). */
public enum Flag {
    MEDIA, LAWYER, CONSUMER_ASSOCIATION, GOVERNMENT, LITIGATION, EXTREME_BEHAVIOUR, LARGE_COMPENSATION,
    PERSONAL_INJURY, MAJOR_LOSS, COLLECTIVE, REPEATED, WITHDRAWAL_RISK, OUT_OF_HOURS;

    public static final Set<Flag> MAJOR_TRIGGERS = EnumSet.complementOf(EnumSet.of(OUT_OF_HOURS));

    public boolean isMajorTrigger() {
        return MAJOR_TRIGGERS.contains(this);
    }
}
