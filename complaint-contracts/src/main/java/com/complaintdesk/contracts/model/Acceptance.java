package com.complaintdesk.contracts.model;

/** 受理 decision (SPEC §2, §3.3). */
public enum Acceptance { PENDING, ACCEPTED, REJECTED, TRANSFERRED, AWAITING_DOCUMENTS }
