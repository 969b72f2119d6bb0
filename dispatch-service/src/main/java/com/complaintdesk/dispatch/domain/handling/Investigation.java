package com.complaintdesk.dispatch.domain.handling;

import java.time.Instant;
import java.util.List;

/** SPEC §3.9: the cause and the responsible party/person, as the department found them. */
public record Investigation(String cause, String responsibleParty, String responsiblePerson, String findings,
                           List<String> attachments, String by, Instant at) {
    public Investigation {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
