package com.complaintdesk.dispatch.domain.organisation;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * A person who can handle complaints in one department. {@code openCases} is the open workload and
 * {@code lastAssignedSeq} the department's assignment sequence number when they last got a complaint (for the
 * round-robin tie-break); both are maintained atomically in the store.
 */
public record Handler(String id, String name, String employeeNo, String department, Set<String> skills, int capacity,
                      DutySchedule duty, boolean available, int openCases, long lastAssignedSeq) {

    public Handler {
        skills = skills == null ? Set.of() : Set.copyOf(skills);
        duty = duty == null ? DutySchedule.roundTheClock() : duty;
    }

    public boolean hasSkill(String skill) {
        return skill == null || skill.isBlank() || skills.stream().anyMatch(s -> s.equalsIgnoreCase(skill.trim()));
    }

    /** Can take a new complaint now: available, on duty and below capacity. */
    public boolean canTakeWork(Instant at) {
        return available && duty.isOnDuty(at) && (capacity <= 0 || openCases < capacity);
    }

    public String displayName() {
        return name == null ? id : name + " (" + id.toLowerCase(Locale.ROOT) + ")";
    }
}
