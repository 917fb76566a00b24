package nl.proeftuin.core.api.dto;

/**
 * A goal in the plan.
 *
 * @param id          stable id across plan versions (given by the client or assigned on first save)
 * @param personId    the person the goal is for, or null for the whole family
 * @param domain      the life domain
 * @param description the goal in plain words (required)
 */
public record Goal(String id, String personId, LifeDomain domain, String description) {
}
