package com.complaintdesk.reporting.adapters.mongo;

import com.complaintdesk.reporting.ledger.domain.LedgerEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.ArrayList;
import java.util.List;

/**
 * One complaint in the ledger. {@code entry.timeline} holds every event once, keyed by event id — the idempotency
 * memory of the read model. {@code facts} are what the complaint currently contributes to the statistics and
 * {@code pendingCounters} the counter changes not yet confirmed applied (see {@link CounterStore}); each writer removes
 * its own once applied, and one left behind by a crash is finished by the next writer after a grace period.
 */
@Document("ledger")
public class LedgerDocument {

    @Id
    private String id;
    @Version
    private Long version;
    private LedgerEntry entry;
    private List<String> facts = new ArrayList<>();
    private List<PendingCounters> pendingCounters = new ArrayList<>();

    public record PendingCounters(String deltaId, java.time.Instant createdAt, List<CounterStore.CellDelta> cells) {
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    public LedgerEntry getEntry() {
        return entry;
    }

    public void setEntry(LedgerEntry entry) {
        this.entry = entry;
    }

    public List<String> getFacts() {
        return facts;
    }

    public void setFacts(List<String> facts) {
        this.facts = facts == null ? new ArrayList<>() : facts;
    }

    public List<PendingCounters> getPendingCounters() {
        return pendingCounters;
    }

    public void setPendingCounters(List<PendingCounters> pendingCounters) {
        this.pendingCounters = pendingCounters == null ? new ArrayList<>() : pendingCounters;
    }
}
