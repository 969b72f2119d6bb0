package com.complaintdesk.reporting.support;

import com.complaintdesk.kit.events.EventCodec;
import com.complaintdesk.reporting.adapters.kafka.TolerantEventReader;
import com.complaintdesk.reporting.ledger.domain.LedgerEvent;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/** A story's events as the ledger receives them: through the wire format, as plain trees. */
public final class StoryEvents {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final EventCodec CODEC = new EventCodec(JSON);
    private static final TolerantEventReader READER = new TolerantEventReader(JSON);

    private StoryEvents() {
    }

    public static List<LedgerEvent> of(ComplaintStory story) {
        return story.events().stream().map(p -> READER.read(p.topic(), CODEC.encode(p.envelope()))).toList();
    }
}
