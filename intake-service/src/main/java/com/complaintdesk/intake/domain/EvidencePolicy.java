package com.complaintdesk.intake.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Size and type limits for evidence (receipts, invoices, photos). Configured in {@code intake.evidence}. */
public record EvidencePolicy(long maxBytes, int maxPerComplaint, Set<String> allowedContentTypes) {

    /** Field errors for the uploads, empty when all are acceptable. {@code already} = pieces stored before. */
    public List<FieldError> check(List<EvidenceUpload> uploads, int already, String fieldPrefix) {
        List<FieldError> errors = new ArrayList<>();
        if (already + uploads.size() > maxPerComplaint) {
            errors.add(new FieldError(fieldPrefix, "at most " + maxPerComplaint + " pieces of evidence per complaint"));
        }
        for (int i = 0; i < uploads.size(); i++) {
            EvidenceUpload u = uploads.get(i);
            String f = fieldPrefix + "[" + i + "]";
            if (u.content() == null || u.content().length == 0) {
                errors.add(new FieldError(f + ".contentBase64", "must not be empty"));
            } else if (u.content().length > maxBytes) {
                errors.add(new FieldError(f + ".contentBase64", "is larger than the limit of " + (maxBytes / 1024) + " KiB"));
            }
            if (u.contentType() == null || !allowedContentTypes.contains(u.contentType().toLowerCase(Locale.ROOT))) {
                errors.add(new FieldError(f + ".contentType", "must be one of " + String.join(", ", allowedContentTypes)));
            }
        }
        return errors;
    }
}
