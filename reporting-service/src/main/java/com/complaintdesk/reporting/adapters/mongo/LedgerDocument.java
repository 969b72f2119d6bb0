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
 * {@code pendingCounters} the counter change not yet confirmed applied (see {@link CounterStore}).
 */
@Document("ledger")
public class LedgerDocument {

    @Id
    private String id;
    @Version
    private Long version;
    private LedgerEntry entry;
    private List<String> facts = new ArrayList<>();
    private PendingCounters pendingCounters;

    public record PendingCounters(String deltaId, List<CounterStore.CellDelta> cells) {
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

    public PendingCounters getPendingCounters() {
        return pendingCounters;
    }

    public void setPendingCounters(PendingCounters pendingCounters) {
        this.pendingCounters = pendingCounters;
    }
}
