package nl.proeftuin.core.api.dto;

import java.util.List;

/**
 * The plan as the family reads it: plain Dutch (B1), no jargon.
 *
 * @param title       heading, for example "Ons gezinsplan (versie 2)"
 * @param intro       a short explanation of what this is
 * @param sections    the sections in reading order
 */
public record FamilyView(String title, String intro, List<Section> sections) {

    /**
     * One section of the family view.
     *
     * @param heading the heading
     * @param items   plain-language lines
     */
    public record Section(String heading, List<String> items) {
    }
}
