package com.complaintdesk.triage.bench;

import com.complaintdesk.triage.application.RuleSetJson;
import com.complaintdesk.triage.domain.rules.Classifier;
import com.complaintdesk.triage.domain.rules.ComplaintFacts;
import com.complaintdesk.triage.domain.rules.LabelledExample;
import com.complaintdesk.triage.domain.text.TextAnalyzer;
import com.complaintdesk.triage.domain.text.TextNormalizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Throughput of the shipped rules on one thread (one core), texts of 50–500 characters built from the dev set.
 * Not a test: run it with {@code triage-service/bench.sh} (see its header). Prints classifications per second.
 */
public final class ClassifierBenchmark {

    private ClassifierBenchmark() {
    }

    public static void main(String[] args) {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        TextAnalyzer.Segmenter segmenter = args.length > 1 ? TextAnalyzer.Segmenter.valueOf(args[1]) : TextAnalyzer.Segmenter.DICTIONARY;
        System.out.println("segmenter: " + segmenter);
        TextAnalyzer analyzer = new TextAnalyzer(TextNormalizer.bundled(20_000), segmenter);
        Classifier classifier = new Classifier(RuleSetJson.bundledRules(), 1, analyzer);
        List<LabelledExample> dev = RuleSetJson.examples(
                ClassifierBenchmark.class.getResourceAsStream("/triage-dev.jsonl"), "dev-set");

        Random random = new Random(42);
        List<ComplaintFacts> texts = new ArrayList<>();
        long chars = 0;
        for (int i = 0; i < 2_000; i++) {
            int target = 50 + random.nextInt(451);
            StringBuilder sb = new StringBuilder();
            while (sb.length() < target) {
                sb.append(dev.get(random.nextInt(dev.size())).facts().text());
            }
            String text = sb.substring(0, target);
            chars += text.length();
            LabelledExample e = dev.get(random.nextInt(dev.size()));
            texts.add(new ComplaintFacts(text, e.facts().channel(), e.facts().complainantType(), e.facts().claimedAmount(), false));
        }
        System.out.printf(Locale.ROOT, "texts: %d, average %.0f characters (50–500)%n", texts.size(), (double) chars / texts.size());

        run(classifier, texts, 3, "warm-up");
        run(classifier, texts, seconds, "measured");
    }

    private static void run(Classifier classifier, List<ComplaintFacts> texts, int seconds, String label) {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        long n = 0;
        int sink = 0;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 100; i++) {
                sink += classifier.classify(texts.get((int) (n % texts.size()))).flags().size();
                n++;
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        // wall-clock rate depends on what else the machine runs; the CPU-time rate is what one core delivers
        System.out.printf(Locale.ROOT, "%s: %d classifications, %.0f classifications/s wall clock (%.1f s), "
                        + "%.0f classifications/s per CPU-second of this thread (%.1f s CPU)%s%n",
                label, n, n / elapsed, elapsed, n / cpu, cpu, sink < 0 ? "!" : "");
    }
}
