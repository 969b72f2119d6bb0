package com.complaintdesk.followup.adapters;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The complainant's second factor has 10,000 values: follow-up itself bounds the guesses per complaint number
 * (5 wrong in 15 minutes lock it for 15 minutes, kept in MongoDB so every instance counts them), whatever the gateway does.
 */
class SecondFactorLockoutTest extends ServiceHarness {

    @Autowired
    MongoTemplate mongo;

    Reply answer(String id, String verify) {
        return post("/api/v1/complaints/" + id + "/revisit", "{\"verify\":\"" + verify + "\",\"satisfaction\":5}", null);
    }

    @Test
    void five_wrong_second_factors_lock_the_number_even_for_the_right_one_until_the_lock_is_over() {
        String id = revisitDue();
        clock.set(at("2026-11-30T10:00"));

        for (int i = 0; i < 5; i++) {
            assertThat(answer(id, String.format("%04d", i)).status()).isEqualTo(404);
        }
        var locked = answer(id, "8000");

        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.isProblem()).isTrue();
        assertThat(locked.retryAfter()).isEqualTo("900");
        assertThat(locked.body().path("retryAfterSeconds").asLong()).isEqualTo(900);
        assertThat(get("/api/v1/followup/cases/" + id, "SUPERVISOR").body().path("status").asString()).isEqualTo("REVISIT_DUE");
        assertThat(mongo.getCollection("verification_lockouts").countDocuments(new org.bson.Document("_id", id))).isOne();
        assertThat(mongo.getCollection("audit").countDocuments(
                new org.bson.Document("complaintId", id).append("action", "REVISIT_ANSWER_REFUSED_LOCKED"))).isOne();

        clock.advance(Duration.ofMinutes(15));
        var answered = answer(id, "8000");
        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.body().path("status").asString()).isEqualTo("CLOSED");
    }

    @Test
    void a_right_answer_clears_the_count_and_wrong_ones_spread_over_time_do_not_lock() {
        String id = revisitDue();
        clock.set(at("2026-11-30T10:00"));
        for (int i = 0; i < 4; i++) {
            assertThat(answer(id, "1111").status()).isEqualTo(404);
        }
        clock.advance(Duration.ofMinutes(16));
        for (int i = 0; i < 4; i++) {
            assertThat(answer(id, "2222").status()).isEqualTo(404);
        }

        // the right answer is still taken; the case was answered, so further answers are refused as such
        assertThat(answer(id, "8000").status()).isEqualTo(200);
        assertThat(mongo.getCollection("verification_lockouts").countDocuments(new org.bson.Document("_id", id))).isZero();
        assertThat(answer(id, "8000").status()).isEqualTo(409);
    }

    @Test
    void a_burst_of_parallel_guesses_gets_no_more_checks_than_the_allowance() throws Exception {
        String id = revisitDue();
        clock.set(at("2026-11-30T10:00"));

        List<Integer> statuses = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<Integer>> replies = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String guess = String.format("%04d", 1000 + i);
                replies.add(pool.submit(() -> answer(id, guess).status()));
            }
            for (Future<Integer> r : replies) {
                statuses.add(r.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(statuses).containsOnly(404, 429);
        assertThat(statuses.stream().filter(s -> s == 404).count()).isLessThanOrEqualTo(5);
        assertThat(answer(id, "8000").status()).isEqualTo(429);
    }

    @Test
    void an_unknown_number_locks_like_a_known_one_so_the_lock_does_not_tell_which_numbers_exist() {
        String unknown = "C-20991231-" + String.format("%06d", Math.abs(System.nanoTime() % 1_000_000));
        clock.set(at("2026-11-30T10:00"));

        for (int i = 0; i < 5; i++) {
            assertThat(answer(unknown, "1234").status()).isEqualTo(404);
        }

        assertThat(answer(unknown, "1234").status()).isEqualTo(429);
    }
}
