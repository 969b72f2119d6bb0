package com.complaintdesk.kit.events;

/** A record no retry can fix (unreadable, unknown type). It goes to the dead-letter topic at once. */
public class PoisonEventException extends RuntimeException {
    public PoisonEventException(String message) {
        super(message);
    }

    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
