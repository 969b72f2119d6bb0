package com.complaintdesk.triage.domain.collective;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * SPEC §3.6 / issue 3: {@code minComplainants} or more distinct complainants on the same matter inside the window
 * form one collective case. The caller passes the candidates already filtered to the same category, the same
 * subject and the window; this decides on text similarity and distinct complainants.
 */
public final class CollectiveDetector {

    private final int minComplainants;
    private final double similarityThreshold;

    public CollectiveDetector(int minComplainants, double similarityThreshold) {
        this.minComplainants = minComplainants;
        this.similarityThreshold = similarityThreshold;
    }

    public record Candidate(String number, String complainantKey, List<String> signature, String collectiveCaseId) {
    }

    public sealed interface Outcome permits None, Join, Open {
    }

    public record None() implements Outcome {
    }

    /** A case for this matter exists already: the new complaint joins it. */
    public record Join(String caseId) implements Outcome {
    }

    /**
     * The new complaint trips the threshold: open a case with these members (the new one included), sorted, so
     * two instances that trip the same matter at the same moment name the same case ({@link #caseId()}).
     */
    public record Open(List<String> members, int distinctComplainants) implements Outcome {
        public String caseId() {
            return "CC-" + members.get(0);
        }
    }

    public Outcome detect(Candidate incoming, List<Candidate> sameMatterInWindow) {
        List<Candidate> similar = new ArrayList<>();
        for (Candidate c : sameMatterInWindow) {
            if (!c.number().equals(incoming.number())
                    && TextSimilarity.cosine(incoming.signature(), c.signature()) >= similarityThreshold) {
                similar.add(c);
            }
        }
        for (Candidate c : similar) {
            if (c.collectiveCaseId() != null) {
                return new Join(c.collectiveCaseId());
            }
        }
        Set<String> complainants = new LinkedHashSet<>();
        complainants.add(key(incoming));
        similar.forEach(c -> complainants.add(key(c)));
        if (complainants.size() < minComplainants) {
            return new None();
        }
        List<String> members = new ArrayList<>(similar.stream().map(Candidate::number).toList());
        members.add(incoming.number());
        members.sort(Comparator.naturalOrder());
        return new Open(List.copyOf(members), complainants.size());
    }

    private static String key(Candidate c) {
        // a complaint without a contact key counts as its own complainant
        return c.complainantKey() == null ? "complaint:" + c.number() : c.complainantKey();
    }
}
