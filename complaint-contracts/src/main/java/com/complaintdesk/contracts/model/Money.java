package com.complaintdesk.contracts.model;

import java.math.BigDecimal;

/** An amount with its ISO-4217 currency, e.g. 398.00 CNY. */
public record Money(BigDecimal amount, String currency) {
}
