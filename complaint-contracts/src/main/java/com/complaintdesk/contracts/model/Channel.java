package com.complaintdesk.contracts.model;

/** 投诉途径 — how a complaint reached us (SPEC §2). */
public enum Channel { PHONE, EMAIL, WEB_FORM, ONLINE_CHAT, WALK_IN, LETTER, APP, REFERRAL, MEDIA }
