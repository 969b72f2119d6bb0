package com.complaintdesk.contracts.model;

/** 解决方案 kinds (SPEC §2). */
public enum SolutionKind { REFUND, COMPENSATION, REPAIR, REPLACEMENT, APOLOGY, EXPLANATION, CORRECTIVE_ACTION }
