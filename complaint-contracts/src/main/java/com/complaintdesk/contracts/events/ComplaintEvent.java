package com.complaintdesk.contracts.events;

/**
 * The payload of one life-cycle event. The envelope ({@link EventEnvelope}) carries the
 * identity, time and routing; a payload carries only what happened. Its wire type name is
 * the simple class name (see {@link EventTypes}).
 */
public interface ComplaintEvent {

    /** The version of this payload's JSON shape. Bump it when a field changes meaning or goes away. */
    default int schemaVersion() {
        return 1;
    }
}
