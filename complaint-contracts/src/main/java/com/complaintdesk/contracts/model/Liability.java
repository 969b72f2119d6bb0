package com.complaintdesk.contracts.model;

/** 责任界定 (SPEC §2). */
public enum Liability { LIABLE, NOT_LIABLE, ASSIST, UNDETERMINED }
