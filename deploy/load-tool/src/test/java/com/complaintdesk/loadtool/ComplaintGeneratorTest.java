package com.complaintdesk.loadtool;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ComplaintGeneratorTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-28T06:00:00Z"), ZoneOffset.UTC);

    private List<ComplaintGenerator.Generated> generate(String[] args, int n) {
        ComplaintGenerator g = new ComplaintGenerator(LoadOptions.parse(args), clock);
        List<ComplaintGenerator.Generated> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(g.next());
        }
        return all;
    }

    @Test
    void givenTheDefaultMix_whenThousandsAreGenerated_thenTheyCoverEveryChannelTypeLanguageAndLength() {
        List<ComplaintGenerator.Generated> all = generate(new String[0], 3000);

        Set<String> channels = new HashSet<>();
        Set<String> types = new HashSet<>();
        Set<String> categories = new HashSet<>();
        int english = 0;
        int major = 0;
        int longTexts = 0;
        for (ComplaintGenerator.Generated g : all) {
            JsonNode body = JSON.readTree(g.body());
            channels.add(body.path("channel").asString());
            types.add(body.path("complainant").path("type").asString());
            categories.add(g.category());
            String content = body.path("content").asString();
            assertThat(content.length()).isBetween(20, 800);
            assertThat(body.path("complainant").path("phone").asString()).matches("1[0-9]{10}");
            english += g.english() ? 1 : 0;
            major += g.major() ? 1 : 0;
            longTexts += content.length() >= 300 ? 1 : 0;
        }
        assertThat(channels).containsExactlyInAnyOrder("PHONE", "EMAIL", "WEB_FORM", "ONLINE_CHAT", "WALK_IN", "LETTER",
                "APP", "REFERRAL", "MEDIA");
        assertThat(types).containsExactlyInAnyOrder("CONSUMER", "MERCHANT", "ANCHOR_TENANT", "EMPLOYEE", "OTHER");
        assertThat(categories).hasSize(9);
        assertThat(english).isBetween(700, 1100);      // ~30 %
        assertThat(major).isBetween(150, 350);         // ~8 %
        assertThat(longTexts).isGreaterThan(300);      // the log-uniform length draw reaches the long end
        assertThat(all.stream().map(ComplaintGenerator.Generated::idempotencyKey).distinct()).hasSize(all.size());
    }

    @Test
    void givenARemedyThatNeedsEvidence_whenGenerated_thenASmallImageIsAttached() {
        for (ComplaintGenerator.Generated g : generate(new String[0], 1000)) {
            JsonNode body = JSON.readTree(g.body());
            boolean needs = false;
            for (JsonNode r : body.path("requestedRemedies")) {
                needs |= Set.of("REFUND", "EXCHANGE", "COMPENSATION").contains(r.asString());
            }
            if (needs) {
                assertThat(body.path("evidence").size()).as(g.body()).isPositive();
            }
            for (JsonNode e : body.path("evidence")) {
                assertThat(e.path("contentType").asString()).isEqualTo("image/png");
                byte[] png = java.util.Base64.getDecoder().decode(e.path("contentBase64").asString());
                assertThat(png.length).isBetween(50, 64 * 1024);
                assertThat(png[1]).isEqualTo((byte) 'P');
            }
        }
    }

    @Test
    void givenMajorTriggers_whenGenerated_thenTheTextCarriesOneOfThem() {
        List<String> triggers = List.of("媒体", "律师", "消协", "12315", "摔伤", "三万元", "media", "lawyer",
                "consumer association", "injured", "30,000");
        for (ComplaintGenerator.Generated g : generate(new String[]{"--major-share", "1", "--collective-share", "0"}, 300)) {
            String content = JSON.readTree(g.body()).path("content").asString();
            assertThat(triggers).as(content).anyMatch(content::contains);
        }
    }

    @Test
    void givenCollectiveBursts_whenGenerated_thenFiveToEightDistinctComplainantsShareOneMatter() {
        List<ComplaintGenerator.Generated> all = generate(new String[]{"--collective-share", "1"}, 400);

        // consecutive members with the same subject and category form one burst
        List<List<JsonNode>> bursts = new ArrayList<>();
        String lastKey = null;
        for (ComplaintGenerator.Generated g : all) {
            JsonNode body = JSON.readTree(g.body());
            assertThat(g.collective()).isTrue();
            String key = g.category() + "|" + body.path("subject").asString();
            if (!key.equals(lastKey)) {
                bursts.add(new ArrayList<>());
                lastKey = key;
            }
            bursts.get(bursts.size() - 1).add(body);
        }
        bursts.remove(bursts.size() - 1); // the last one may be cut off by the count
        assertThat(bursts).hasSizeGreaterThan(40);
        long wellFormed = bursts.stream().filter(b -> b.size() >= 5 && b.size() <= 8
                && b.stream().map(x -> x.path("complainant").path("phone").asString()).distinct().count() == b.size())
                .count();
        // two bursts in a row can draw the same place and category and merge: allow a few of those
        assertThat(wellFormed).isGreaterThanOrEqualTo(bursts.size() - 3);
    }

    @Test
    void givenTheSameSeed_whenGeneratedTwice_thenTheTextsAreTheSame() {
        List<String> a = generate(new String[]{"--seed", "7"}, 50).stream()
                .map(g -> JSON.readTree(g.body()).path("content").asString()).toList();
        List<String> b = generate(new String[]{"--seed", "7"}, 50).stream()
                .map(g -> JSON.readTree(g.body()).path("content").asString()).toList();
        assertThat(a).isEqualTo(b);
    }
}
