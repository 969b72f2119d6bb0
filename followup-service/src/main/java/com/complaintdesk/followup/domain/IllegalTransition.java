package com.complaintdesk.followup.domain;

/** The action is not allowed in the case's current state; nothing was changed. */
public class IllegalTransition extends RuntimeException {
    private final FollowupStatus current;

    public IllegalTransition(String message, FollowupStatus current) {
        super(message);
        this.current = current;
    }

    public FollowupStatus current() {
        return current;
    }
}
