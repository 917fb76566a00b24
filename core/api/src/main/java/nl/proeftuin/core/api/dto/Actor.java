package nl.proeftuin.core.api.dto;

/**
 * Who does something: recorded with every change.
 *
 * @param id   the user id (stable)
 * @param name the display name
 */
public record Actor(String id, String name) {
}
