package com.complaintdesk.intake.domain;

/** A problem with one field of a request, worded for the person who filled it in. */
public record FieldError(String field, String message) {
}
