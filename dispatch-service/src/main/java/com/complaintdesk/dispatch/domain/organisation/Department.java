package com.complaintdesk.dispatch.domain.organisation;

/**
 * A responsible department 责任部门. {@code confidential}: its complaints are visible only to its own staff
 * (SPEC §3.8, §3.20: workplace and employee complaints go to HR and are confidential).
 */
public record Department(String code, String name, String nameZh, String manager, boolean confidential) {
}
