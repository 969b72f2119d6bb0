package com.complaintdesk.contracts.model;

/** 投诉人类型 (SPEC §2). ANCHOR_TENANT covers 主力店 and 投资方. */
public enum ComplainantType { CONSUMER, MERCHANT, ANCHOR_TENANT, EMPLOYEE, OTHER }
