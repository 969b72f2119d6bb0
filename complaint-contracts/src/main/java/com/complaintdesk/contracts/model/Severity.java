package com.complaintdesk.contracts.model;

/** 严重程度: 一般 / 重要 / 重大 (SPEC §2). Declared from least to most severe. */
public enum Severity {
    GENERAL, IMPORTANT, MAJOR;

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }
}
