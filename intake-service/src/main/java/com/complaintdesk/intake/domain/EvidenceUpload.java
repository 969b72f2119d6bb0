package com.complaintdesk.intake.domain;

/** One piece of evidence as received: the decoded bytes and what the sender said they are. */
public record EvidenceUpload(String name, String contentType, byte[] content) {
}
