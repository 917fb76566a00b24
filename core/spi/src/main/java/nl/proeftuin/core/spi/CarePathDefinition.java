package nl.proeftuin.core.spi;

import java.util.List;

/**
 * What a care path is.
 *
 * @param name           display name, for example {@code MDA++}
 * @param entryCriteria  who the path is for, in plain words
 * @param coreTeam       organisations or roles of the core team
 * @param phases         the phases in order
 */
public record CarePathDefinition(String name, List<String> entryCriteria, List<String> coreTeam,
        List<CarePathPhase> phases) {
}
