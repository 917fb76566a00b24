package nl.proeftuin.core.api.dto;

import java.util.List;

/**
 * A note or observation to record in a case.
 *
 * @param kind          fact, suspicion or opinion (required: they are kept apart)
 * @param text          the content (required)
 * @param source        where it comes from: own observation, school, police report, ... (required)
 * @param aboutPersonIds the persons it concerns (members of the case), may be empty
 */
public record EntryInput(EntryKind kind, String text, String source, List<String> aboutPersonIds) {
}
