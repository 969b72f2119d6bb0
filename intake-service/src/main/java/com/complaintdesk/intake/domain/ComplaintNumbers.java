package com.complaintdesk.intake.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/** Complaint numbers: {@code C-yyyyMMdd-nnnnnn}, the date of receipt in the desk's time zone and a daily sequence. */
public final class ComplaintNumbers {
    private ComplaintNumbers() {
    }

    public static final Pattern FORMAT = Pattern.compile("C-\\d{8}-\\d{6}");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    public static String format(LocalDate day, long sequence) {
        if (sequence < 1 || sequence > 999_999) {
            throw new IllegalArgumentException("daily sequence out of range: " + sequence);
        }
        return "C-" + DAY.format(day) + "-" + String.format("%06d", sequence);
    }

    public static boolean isWellFormed(String number) {
        return number != null && FORMAT.matcher(number).matches();
    }
}
