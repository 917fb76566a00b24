package nl.proeftuin.core.audit.privacy;

import java.time.Instant;
import java.util.List;

import nl.proeftuin.core.api.dto.EntryKind;

/**
 * A restricted case entry.
 *
 * @param id             identifier
 * @param caseId         the case
 * @param kind           fact, suspicion or opinion
 * @param text           content
 * @param source         source
 * @param aboutPersonIds persons concerned
 * @param restrictedTo   who may see it
 * @param authorId       who recorded it
 * @param authorName     their name
 * @param recordedAt     when
 */
public record RestrictedEntry(String id, String caseId, EntryKind kind, String text, String source,
        List<String> aboutPersonIds, List<String> restrictedTo, String authorId, String authorName, Instant recordedAt) {
}
