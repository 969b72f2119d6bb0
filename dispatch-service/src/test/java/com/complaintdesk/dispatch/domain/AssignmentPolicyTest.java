package com.complaintdesk.dispatch.domain;

import com.complaintdesk.dispatch.domain.organisation.AssignmentPolicy;
import com.complaintdesk.dispatch.domain.organisation.DutySchedule;
import com.complaintdesk.dispatch.domain.organisation.Handler;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AssignmentPolicyTest {

    static final Instant MONDAY_10AM_SHANGHAI = Instant.parse("2026-11-30T02:00:00Z");
    static final Instant SUNDAY_3AM_SHANGHAI = Instant.parse("2026-11-28T19:00:00Z");
    final AssignmentPolicy policy = new AssignmentPolicy();

    static Handler handler(String id, int open, long lastSeq, String... skills) {
        return new Handler(id, id, null, "OPS", Set.of(skills), 0, DutySchedule.roundTheClock(), true, open, lastSeq);
    }

    static DutySchedule officeHours() {
        return DutySchedule.weekly(new DutySchedule.Shift(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                LocalTime.of(9, 0), LocalTime.of(18, 0)));
    }

    @Test
    void given_handlers_with_different_workloads_when_choosing_then_the_least_loaded_gets_it() {
        var chosen = policy.choose(List.of(handler("a", 3, 1), handler("b", 1, 2), handler("c", 2, 0)), null, Set.of(), MONDAY_10AM_SHANGHAI);
        assertThat(chosen).get().extracting(Handler::id).isEqualTo("b");
    }

    @Test
    void given_equal_workloads_when_choosing_then_the_one_served_longest_ago_gets_it() {
        var chosen = policy.choose(List.of(handler("a", 2, 9), handler("b", 2, 4), handler("c", 2, 7)), null, Set.of(), MONDAY_10AM_SHANGHAI);
        assertThat(chosen).get().extracting(Handler::id).isEqualTo("b");
    }

    @Test
    void given_a_skill_is_needed_when_a_skilled_handler_is_on_duty_then_they_are_preferred_even_if_busier() {
        var chosen = policy.choose(List.of(handler("a", 0, 0, "billing"), handler("b", 5, 0, "repair")), "repair", Set.of(), MONDAY_10AM_SHANGHAI);
        assertThat(chosen).get().extracting(Handler::id).isEqualTo("b");
    }

    @Test
    void given_nobody_with_the_skill_when_choosing_then_anyone_on_duty_is_taken_rather_than_queueing() {
        var chosen = policy.choose(List.of(handler("a", 1, 0, "billing")), "repair", Set.of(), MONDAY_10AM_SHANGHAI);
        assertThat(chosen).get().extracting(Handler::id).isEqualTo("a");
    }

    @Test
    void given_the_complaint_names_a_handler_when_choosing_then_that_handler_is_never_chosen() {
        var chosen = policy.choose(List.of(handler("a", 0, 0), handler("b", 9, 9)), null, Set.of("a"), MONDAY_10AM_SHANGHAI);
        assertThat(chosen).get().extracting(Handler::id).isEqualTo("b");
    }

    @Test
    void given_only_office_hours_handlers_when_it_is_sunday_night_then_nobody_is_chosen() {
        var office = new Handler("a", "a", null, "OPS", Set.of(), 0, officeHours(), true, 0, 0);
        assertThat(policy.choose(List.of(office), null, Set.of(), SUNDAY_3AM_SHANGHAI)).isEmpty();
        assertThat(policy.choose(List.of(office), null, Set.of(), MONDAY_10AM_SHANGHAI)).isPresent();
    }

    @Test
    void given_unavailable_or_full_handlers_when_choosing_then_they_are_skipped() {
        var away = new Handler("away", "x", null, "OPS", Set.of(), 0, DutySchedule.roundTheClock(), false, 0, 0);
        var full = new Handler("full", "x", null, "OPS", Set.of(), 2, DutySchedule.roundTheClock(), true, 2, 0);
        var free = new Handler("free", "x", null, "OPS", Set.of(), 2, DutySchedule.roundTheClock(), true, 1, 5);
        assertThat(policy.choose(List.of(away, full, free), null, Set.of(), MONDAY_10AM_SHANGHAI))
                .get().extracting(Handler::id).isEqualTo("free");
    }

    @Test
    void given_equal_capacities_when_1000_complaints_are_assigned_with_random_resolutions_then_the_spread_stays_within_one() {
        Random random = new Random(42);
        Map<String, int[]> open = new HashMap<>();
        Map<String, Long> lastSeq = new HashMap<>();
        Map<String, Integer> total = new HashMap<>();
        List<String> ids = List.of("h1", "h2", "h3", "h4", "h5");
        ids.forEach(id -> {
            open.put(id, new int[]{0});
            lastSeq.put(id, 0L);
            total.put(id, 0);
        });
        for (int seq = 1; seq <= 1000; seq++) {
            List<Handler> snapshot = new ArrayList<>();
            for (String id : ids) {
                snapshot.add(handler(id, open.get(id)[0], lastSeq.get(id)));
            }
            String chosen = policy.choose(snapshot, null, Set.of(), MONDAY_10AM_SHANGHAI).orElseThrow().id();
            open.get(chosen)[0]++;
            lastSeq.put(chosen, (long) seq);
            total.merge(chosen, 1, Integer::sum);
            int min = open.values().stream().mapToInt(a -> a[0]).min().orElseThrow();
            int max = open.values().stream().mapToInt(a -> a[0]).max().orElseThrow();
            assertThat(max - min).as("open workload spread after %d assignments", seq).isLessThanOrEqualTo(1);
        }
        // with nothing resolved every handler ends with 1000/5 complaints
        assertThat(total.values()).allMatch(t -> t == 200);

        // and with resolutions in between, the open workload of everyone stays within one of even
        ids.forEach(id -> open.get(id)[0] = 0);
        for (int seq = 1001; seq <= 2000; seq++) {
            if (random.nextInt(3) == 0) {
                String done = ids.get(random.nextInt(ids.size()));
                if (open.get(done)[0] > 0) {
                    open.get(done)[0]--;
                }
            }
            List<Handler> snapshot = new ArrayList<>();
            for (String id : ids) {
                snapshot.add(handler(id, open.get(id)[0], lastSeq.get(id)));
            }
            String chosen = policy.choose(snapshot, null, Set.of(), MONDAY_10AM_SHANGHAI).orElseThrow().id();
            open.get(chosen)[0]++;
            lastSeq.put(chosen, (long) seq);
            int lo = open.values().stream().mapToInt(a -> a[0]).min().orElseThrow();
            int hi = open.values().stream().mapToInt(a -> a[0]).max().orElseThrow();
            assertThat(hi - lo).as("open workload spread with resolutions, step %d", seq).isLessThanOrEqualTo(1);
        }
    }
}
