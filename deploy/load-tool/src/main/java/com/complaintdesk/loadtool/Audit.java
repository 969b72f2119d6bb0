package com.complaintdesk.loadtool;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The zero-loss judgement (issue 7, SPEC §7 "Nothing is lost"): every acknowledged complaint is dispatched exactly
 * once — a ComplaintDispatched on {@code complaints.dispatch}, unless triage stopped it on purpose (rejected,
 * transferred, awaiting documents) — and is in the ledger, with the dispatches Kafka carried once in its timeline.
 * <ul>
 * <li>The same event id delivered twice is a redelivery of the at-least-once relay: reported, not a failure.</li>
 * <li>The same dispatch decision (identical payload) under two event ids is a duplicate: a failure.</li>
 * <li>A later, different ComplaintDispatched (assigned from the department queue, transferred after a
 *     reclassification) is a follow-up of dispatch's workflow: reported, not a failure.</li>
 * </ul>
 */
public final class Audit {

    private Audit() {
    }

    public record Result(
            int acknowledged,
            int dispatchedOnce,
            Map<String, Integer> stoppedByTriage,
            List<String> missingDispatch,
            List<String> duplicateDispatch,
            int followUpDispatches,
            Map<String, Integer> followUpReasons,
            int redeliveredComplaints,
            long redeliveredRecords,
            int ledgerChecked,
            List<String> ledgerMissing,
            List<String> ledgerDuplicates,
            List<String> ledgerWithoutDispatch) {

        public boolean passed() {
            return acknowledged > 0 && missingDispatch.isEmpty() && duplicateDispatch.isEmpty() && ledgerMissing.isEmpty()
                    && ledgerDuplicates.isEmpty() && ledgerWithoutDispatch.isEmpty();
        }

        /** Why it failed, one line per kind, at most {@code limit} numbers each. */
        public List<String> failures(int limit) {
            List<String> out = new ArrayList<>();
            if (acknowledged == 0) {
                out.add("no complaint was acknowledged: nothing to audit");
            }
            add(out, "acknowledged but not dispatched within the drain timeout", missingDispatch, limit);
            add(out, "dispatched twice with the same decision under new event ids", duplicateDispatch, limit);
            add(out, "not in the ledger", ledgerMissing, limit);
            add(out, "duplicated in the ledger timeline", ledgerDuplicates, limit);
            add(out, "dispatched on Kafka but the dispatch is not in the ledger", ledgerWithoutDispatch, limit);
            return out;
        }

        private static void add(List<String> out, String what, List<String> numbers, int limit) {
            if (!numbers.isEmpty()) {
                out.add(numbers.size() + " " + what + ": " + String.join(" ", numbers.subList(0, Math.min(limit, numbers.size())))
                        + (numbers.size() > limit ? " …" : ""));
            }
        }
    }

    /**
     * @param acknowledged complaint numbers the gateway answered 201 for
     * @param kafka        what the audit consumer saw per complaint (null = nothing)
     * @param ledger       ledger reads of the complaints that were checked there (absent = not checked)
     */
    public static Result judge(Collection<String> acknowledged, Function<String, EventTracker.Trace> kafka,
                               Map<String, GatewayClient.LedgerView> ledger) {
        int once = 0;
        int followUps = 0;
        Map<String, Integer> followUpReasons = new TreeMap<>();
        Map<String, Integer> stopped = new TreeMap<>();
        List<String> missing = new ArrayList<>();
        List<String> duplicate = new ArrayList<>();
        int redeliveredComplaints = 0;
        long redeliveredRecords = 0;
        List<String> ledgerMissing = new ArrayList<>();
        List<String> ledgerDuplicates = new ArrayList<>();
        List<String> ledgerWithoutDispatch = new ArrayList<>();
        int checked = 0;
        for (String number : new java.util.TreeSet<>(acknowledged)) {
            EventTracker.Trace t = kafka.apply(number);
            Map<String, Integer> dispatched = t == null ? Map.of() : t.dispatched();
            int decisions = t == null ? 0 : new HashSet<>(t.dispatchPayloads().values()).size();
            if (dispatched.size() > 1 && decisions == dispatched.size()) {
                followUps++;
                t.dispatchDescriptions().values().stream()
                        .sorted(java.util.Comparator.comparing((String d) -> d.substring(Math.max(0, d.indexOf(" at "))))).skip(1)
                        .forEach(d -> followUpReasons.merge(reasonOf(d), 1, Integer::sum));
            }
            if (dispatched.size() >= 1 && decisions == dispatched.size()) {
                once++;
            } else if (dispatched.size() > 1) {
                duplicate.add(number + "×" + dispatched.size() + (t.dispatchDescriptions().isEmpty() ? ""
                        : " [" + String.join(" | ", new TreeMap<>(t.dispatchDescriptions()).values()) + "]"));
            } else if (t != null && t.decision() != null) {
                stopped.merge(t.decision(), 1, Integer::sum);
            } else {
                missing.add(number);
            }
            long extra = dispatched.values().stream().mapToLong(c -> c - 1L).sum();
            if (extra > 0) {
                redeliveredComplaints++;
                redeliveredRecords += extra;
            }
            GatewayClient.LedgerView view = ledger.get(number);
            if (view == null) {
                continue;
            }
            checked++;
            if (!view.found()) {
                ledgerMissing.add(number + (view.status() > 0 ? "(HTTP " + view.status() + ")" : "(no answer)"));
                continue;
            }
            // the same event applied twice, a second ComplaintReceived, or a dispatch Kafka never carried is a duplicate
            // of the ledger's own making (a second dispatch on Kafka is already counted above)
            Set<String> ledgerDispatches = new HashSet<>(view.dispatchedIds());
            if (view.receivedIds().size() > 1 || view.dispatchedIds().size() != ledgerDispatches.size()
                    || !dispatched.isEmpty() && !dispatched.keySet().containsAll(ledgerDispatches)) {
                ledgerDuplicates.add(number);
            } else if (!dispatched.isEmpty() && !ledgerDispatches.containsAll(dispatched.keySet())) {
                ledgerWithoutDispatch.add(number);
            }
        }
        return new Result(acknowledged.size(), once, stopped, missing, duplicate, followUps, followUpReasons, redeliveredComplaints,
                redeliveredRecords, checked, ledgerMissing, ledgerDuplicates, ledgerWithoutDispatch);
    }

    /** "ENGINEERING/h1 GENERAL at 2026-…Z: assigned from the department queue" → "assigned from the department queue". */
    private static String reasonOf(String description) {
        int at = description.indexOf(" at ");
        int colon = at < 0 ? -1 : description.indexOf(": ", at);
        String reason = colon < 0 ? "(no reason)" : description.substring(colon + 2);
        return reason.length() > 40 ? reason.substring(0, 40) + "…" : reason;
    }

    /** Numbers still waiting for their outcome on Kafka. */
    public static Set<String> unsettled(Collection<String> acknowledged, Function<String, EventTracker.Trace> kafka) {
        Set<String> out = new HashSet<>();
        for (String n : acknowledged) {
            EventTracker.Trace t = kafka.apply(n);
            if (t == null || !t.settled()) {
                out.add(n);
            }
        }
        return out;
    }
}
