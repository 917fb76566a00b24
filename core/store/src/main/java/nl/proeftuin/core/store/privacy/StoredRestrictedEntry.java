package nl.proeftuin.core.store.privacy;

import java.time.Instant;
import java.util.List;

/** A restricted case entry (a {@code case_entry} row with a restriction list) and the persons it is about. */
public record StoredRestrictedEntry(String id, String caseId, String kind, String text, String source,
        List<String> aboutPersonIds, List<String> restrictedTo, String authorId, String authorName, Instant recordedAt) {
}
