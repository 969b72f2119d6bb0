package com.complaintdesk.dispatch.domain.handling;

/** An action the complaint's current status does not allow; nothing was changed. */
public final class IllegalTransition extends RuntimeException {
    private final HandlingStatus current;

    public IllegalTransition(String message, HandlingStatus current) {
        super(message);
        this.current = current;
    }

    public HandlingStatus current() {
        return current;
    }
}
