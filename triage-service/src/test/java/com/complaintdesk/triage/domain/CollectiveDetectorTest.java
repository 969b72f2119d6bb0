package com.complaintdesk.triage.domain;

import com.complaintdesk.triage.domain.collective.CollectiveDetector;
import com.complaintdesk.triage.domain.collective.CollectiveDetector.Candidate;
import com.complaintdesk.triage.domain.collective.TextSimilarity;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CollectiveDetectorTest {

    final CollectiveDetector detector = new CollectiveDetector(5, 0.5);

    static List<String> sig(String text) {
        return TextSimilarity.signature(Fixtures.ANALYZER.analyze(text), 400);
    }

    static Candidate c(String number, String who, String text) {
        return new Candidate(number, who, sig(text), null);
    }

    @Test
    void similar_wording_scores_high_and_a_different_matter_low() {
        double same = TextSimilarity.cosine(sig("负一层停车场的灯坏了一半,晚上特别黑"), sig("停车场负一层灯坏了很多,特别黑"));
        double other = TextSimilarity.cosine(sig("负一层停车场的灯坏了一半,晚上特别黑"), sig("收银员态度恶劣翻白眼"));
        assertThat(same).isGreaterThan(0.5);
        assertThat(other).isLessThan(0.2);
    }

    @Test
    void given_four_similar_complaints_from_four_people_when_a_fifth_person_complains_then_a_case_opens_with_all_five() {
        List<Candidate> earlier = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            earlier.add(c("C-1-00000" + i, "person-" + i, "停车场的灯坏了,特别黑"));
        }
        var outcome = detector.detect(c("C-1-000009", "person-9", "停车场灯坏了,很黑"), earlier);
        assertThat(outcome).isInstanceOf(CollectiveDetector.Open.class);
        var open = (CollectiveDetector.Open) outcome;
        assertThat(open.members()).containsExactly("C-1-000001", "C-1-000002", "C-1-000003", "C-1-000004", "C-1-000009");
        assertThat(open.distinctComplainants()).isEqualTo(5);
    }

    @Test
    void given_the_same_person_five_times_then_no_collective_case() {
        List<Candidate> earlier = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            earlier.add(c("C-1-00000" + i, "same-person", "停车场的灯坏了,特别黑"));
        }
        assertThat(detector.detect(c("C-1-000009", "same-person", "停车场灯坏了,很黑"), earlier))
                .isInstanceOf(CollectiveDetector.None.class);
    }

    @Test
    void given_dissimilar_texts_then_no_collective_case() {
        List<Candidate> earlier = List.of(c("a", "1", "收银员态度恶劣"), c("b", "2", "退款还没到账"),
                c("c", "3", "卫生间很脏"), c("d", "4", "空调不制冷"));
        assertThat(detector.detect(c("e", "5", "停车场灯坏了"), earlier)).isInstanceOf(CollectiveDetector.None.class);
    }

    @Test
    void given_an_open_case_for_the_matter_then_the_newcomer_joins_it() {
        List<Candidate> earlier = List.of(new Candidate("a", "1", sig("停车场的灯坏了,特别黑"), "CC-a"));
        assertThat(detector.detect(c("z", "9", "停车场灯坏了,很黑"), earlier)).isEqualTo(new CollectiveDetector.Join("CC-a"));
    }
}
