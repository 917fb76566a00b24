package nl.proeftuin.core.api.living;

/**
 * Who reported a signal (issue 14 part 10).
 *
 * @param signalId     a signal linked to the case, or null for the signal the case opened with
 * @param organisation the reporter's organisation (school, GP, police; "neighbour" for a private person)
 * @param contact      how to reach them (name, telephone or e-mail)
 */
public record ReporterInput(String signalId, String organisation, String contact) {
}
