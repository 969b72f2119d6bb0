package com.complaintdesk.triage.domain.model;

/** An action that the complaint's current triage status does not allow; nothing was changed. */
public class IllegalTransition extends RuntimeException {

    private final TriageStatus current;

    public IllegalTransition(String message, TriageStatus current) {
        super(message);
        this.current = current;
    }

    public TriageStatus current() {
        return current;
    }
}
