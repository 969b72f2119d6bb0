package com.complaintdesk.triage.domain;

import com.complaintdesk.contracts.model.Channel;
import com.complaintdesk.contracts.model.ComplainantType;
import com.complaintdesk.contracts.model.RemedyKind;
import com.complaintdesk.triage.domain.acceptance.AcceptanceDecision;
import com.complaintdesk.triage.domain.acceptance.AcceptancePolicy;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** SPEC §3.3 against the shipped acceptance scope. */
class AcceptancePolicyTest {

    static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");

    static AcceptanceDecision decide(String text, String category, List<RemedyKind> remedies, int evidence, Instant occurred) {
        return Fixtures.ACCEPTANCE.decide(new AcceptancePolicy.Facts(Fixtures.ANALYZER.analyze(text), category,
                ComplainantType.CONSUMER, Channel.PHONE, remedies, evidence, occurred, NOW));
    }

    @Test
    void given_an_ordinary_complaint_then_accepted() {
        assertThat(decide("收银员态度恶劣", "SERVICE_ATTITUDE", List.of(), 0, NOW).kind()).isEqualTo(AcceptanceDecision.Kind.ACCEPT);
    }

    @Test
    void given_an_exchange_without_evidence_then_it_waits_listing_what_is_missing() {
        AcceptanceDecision d = decide("电饭煲坏了要求换货", "PRODUCT_QUALITY", List.of(RemedyKind.EXCHANGE), 0, NOW);
        assertThat(d.kind()).isEqualTo(AcceptanceDecision.Kind.AWAIT_DOCUMENTS);
        assertThat(d.missingDocuments()).anyMatch(m -> m.contains("receipt"));
        assertThat(d.reason()).contains("凭证").contains("receipt");
        assertThat(d.reasonZh()).contains("凭证");
        assertThat(d.reasonEn()).contains("receipt");
        assertThat(decide("电饭煲坏了要求换货", "PRODUCT_QUALITY", List.of(RemedyKind.EXCHANGE), 1, NOW).kind())
                .isEqualTo(AcceptanceDecision.Kind.ACCEPT);
        assertThat(decide("请道歉", "SERVICE_ATTITUDE", List.of(RemedyKind.APOLOGY), 0, NOW).kind())
                .isEqualTo(AcceptanceDecision.Kind.ACCEPT);
    }

    @Test
    void given_whitespace_or_punctuation_only_then_rejected_with_a_readable_reason() {
        AcceptanceDecision d = decide("  。。!! ", "OTHER", List.of(), 0, NOW);
        assertThat(d.kind()).isEqualTo(AcceptanceDecision.Kind.REJECT);
        assertThat(d.reasonCode()).isEqualTo("EMPTY_CONTENT");
        assertThat(d.reason()).contains("please tell us");
        assertThat(d.reasonZh()).isEqualTo("投诉内容为空,请说明发生了什么。");
        assertThat(d.reasonEn()).isEqualTo("The complaint has no content; please tell us what happened.");
    }

    @Test
    void given_an_event_older_than_the_scope_allows_then_rejected() {
        assertThat(decide("态度差", "SERVICE_ATTITUDE", List.of(), 0, NOW.minus(Duration.ofDays(400))).reasonCode())
                .isEqualTo("EVENT_TOO_OLD");
    }

    @Test
    void given_a_police_matter_then_transferred_to_the_police_with_the_reason() {
        AcceptanceDecision d = decide("我在商场里手机被偷了", "OTHER", List.of(), 0, NOW);
        assertThat(d.kind()).isEqualTo(AcceptanceDecision.Kind.TRANSFER);
        assertThat(d.transferTo()).contains("公安");
        assertThat(d.reason()).contains("police");
        // each language apart too, for a front end that shows one
        assertThat(d.reasonZh()).contains("公安机关").doesNotContain("police");
        assertThat(d.reasonEn()).contains("police").doesNotContain("公安");
    }

    @Test
    void given_a_question_rather_than_a_complaint_then_left_to_an_officer() {
        assertThat(decide("请问你们几点关门?", "OTHER", List.of(), 0, NOW).kind()).isEqualTo(AcceptanceDecision.Kind.REVIEW);
        // the same words inside a real complaint do not stop it
        assertThat(decide("请问为什么收银员态度这么差?", "SERVICE_ATTITUDE", List.of(), 0, NOW).kind())
                .isEqualTo(AcceptanceDecision.Kind.ACCEPT);
    }

    @Test
    void given_a_complaint_without_type_channel_or_with_a_null_remedy_then_rules_that_need_them_do_not_apply() {
        var scope = new com.complaintdesk.triage.domain.acceptance.AcceptanceScope(365, List.of(
                new com.complaintdesk.triage.domain.acceptance.AcceptanceScope.ScopeRule("merchant-letters",
                        com.complaintdesk.triage.domain.acceptance.AcceptanceScope.Outcome.REVIEW, List.of(), List.of(),
                        List.of(ComplainantType.MERCHANT), List.of(Channel.LETTER),
                        new com.complaintdesk.triage.domain.acceptance.AcceptanceScope.Reason("R", "人工确认", "officer checks"), null)),
                new com.complaintdesk.triage.domain.acceptance.AcceptanceScope.EvidenceRule(List.of(RemedyKind.REFUND),
                        List.of(ComplainantType.CONSUMER), List.of("receipt"), null), null, null);
        var policy = new AcceptancePolicy(scope, 2, Fixtures.ANALYZER);
        java.util.List<RemedyKind> remedies = new java.util.ArrayList<>();
        remedies.add(null);
        remedies.add(RemedyKind.REFUND);

        AcceptanceDecision d = policy.decide(new AcceptancePolicy.Facts(Fixtures.ANALYZER.analyze("多收了我二十块钱"),
                "BILLING_REFUND", null, null, remedies, 0, null, NOW));

        assertThat(d.kind()).isEqualTo(AcceptanceDecision.Kind.ACCEPT);
    }
}
