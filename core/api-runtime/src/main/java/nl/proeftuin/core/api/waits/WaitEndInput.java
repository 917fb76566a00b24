package nl.proeftuin.core.api.waits;

import java.time.LocalDate;

/**
 * The end of a wait.
 *
 * @param on     the day it ended (default today; not before its start, not in the future)
 * @param reason why (required): the GI worker started, care began, ...
 */
public record WaitEndInput(LocalDate on, String reason) {
}
