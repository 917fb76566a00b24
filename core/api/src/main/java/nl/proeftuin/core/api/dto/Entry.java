package nl.proeftuin.core.api.dto;

import java.time.Instant;
import java.util.List;

/**
 * A recorded entry: always shown with who recorded it, in which role, and when.
 *
 * @param id             identifier
 * @param kind           fact, suspicion or opinion
 * @param text           content
 * @param source         source
 * @param aboutPersonIds persons concerned
 * @param authorId       who recorded it
 * @param authorName     their name
 * @param authorRole     their role in the case when recording (null when not assigned)
 * @param recordedAt     when
 */
public record Entry(String id, EntryKind kind, String text, String source, List<String> aboutPersonIds,
        String authorId, String authorName, ProfessionalRole authorRole, Instant recordedAt) {
}
