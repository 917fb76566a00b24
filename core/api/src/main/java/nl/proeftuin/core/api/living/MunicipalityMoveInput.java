package nl.proeftuin.core.api.living;

import java.time.LocalDate;

/**
 * The family moved: the case's responsible municipality becomes another one of the region.
 *
 * @param municipality the new municipality (in the region's register)
 * @param movedOn      the day the family moved (required; not in the future)
 * @param reason       why (required), for example the new address or who told
 */
public record MunicipalityMoveInput(String municipality, LocalDate movedOn, String reason) {
}
