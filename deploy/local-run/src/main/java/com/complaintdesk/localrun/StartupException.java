package com.complaintdesk.localrun;

/** The local system could not start; the message says which part and shows the end of its log. */
public final class StartupException extends RuntimeException {

    public StartupException(String message) {
        super(message);
    }
}
