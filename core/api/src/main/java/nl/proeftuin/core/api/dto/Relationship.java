package nl.proeftuin.core.api.dto;

import java.time.LocalDate;

/**
 * A recorded relationship.
 *
 * @param id           identifier
 * @param fromPersonId the person it starts from
 * @param toPersonId   the other person
 * @param type         the relation
 * @param since        since when, or null
 * @param until        until when, or null while it lasts
 * @param note         free text, or null
 */
public record Relationship(String id, String fromPersonId, String toPersonId, RelationshipType type, LocalDate since,
        LocalDate until, String note) {
}
