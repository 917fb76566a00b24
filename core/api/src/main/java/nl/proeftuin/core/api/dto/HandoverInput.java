package nl.proeftuin.core.api.dto;

/**
 * A warm handover (<i>warme overdracht</i>) of the fixed professional or of <i>casusregie</i>:
 * one atomic change that ends the current holder and starts the next, with a note.
 *
 * @param position     which position is handed over
 * @param toAssignment the new holder: an existing active assignment id, or null when {@code to} is given
 * @param to           a professional to assign as the new holder, or null when {@code toAssignment} is given
 * @param note         the handover note (required): what the next one must know
 */
public record HandoverInput(TeamPosition position, String toAssignment, AssignmentInput to, String note) {
}
