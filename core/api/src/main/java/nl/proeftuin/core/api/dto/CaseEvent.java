package nl.proeftuin.core.api.dto;

import java.time.Instant;

/**
 * One change in a case's history: opened, phase, framework, team, plan, review, court request, closed.
 *
 * @param type   what happened, for example {@code PHASE_CHANGED}
 * @param detail a readable summary of old and new
 * @param reason the reason given, or null
 * @param at     when
 * @param by     who
 */
public record CaseEvent(String type, String detail, String reason, Instant at, String by) {
}
