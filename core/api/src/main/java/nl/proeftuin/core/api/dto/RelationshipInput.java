package nl.proeftuin.core.api.dto;

import java.time.LocalDate;

/**
 * A typed, dated relationship to record: {@code fromPersonId} is {@code type} {@code toPersonId}.
 *
 * @param fromPersonId the person the relation starts from (for PARENT_OF: the parent)
 * @param toPersonId   the other person
 * @param type         the relation
 * @param since        since when, or null when unknown
 * @param until        until when (for example the end of a partnership), or null while it lasts
 * @param note         free text: step/foster parent, neighbour, <i>burgervoogd</i>, ...
 */
public record RelationshipInput(String fromPersonId, String toPersonId, RelationshipType type, LocalDate since,
        LocalDate until, String note) {
}
