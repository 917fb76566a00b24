package nl.proeftuin.core.api.dto;

import java.time.LocalDate;
import java.util.List;

/**
 * What a case is opened from: a signal (<i>melding</i>) or a request for help (<i>hulpvraag</i>).
 *
 * @param kind         signal or request for help (required)
 * @param source       who it came from (required)
 * @param description  what was reported, in the reporter's terms (required)
 * @param receivedOn   the date it was received (required, not in the future)
 * @param municipality the family's municipality (required)
 * @param members      the family system known so far (at least one person)
 */
public record SignalInput(SignalKind kind, SignalSource source, String description, LocalDate receivedOn,
        String municipality, List<CaseMemberInput> members) {
}
