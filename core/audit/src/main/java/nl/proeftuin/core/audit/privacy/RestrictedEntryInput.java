package nl.proeftuin.core.audit.privacy;

import java.util.List;

import nl.proeftuin.core.api.dto.EntryKind;

/**
 * A case entry visible only to those named on it.
 *
 * @param kind           fact, suspicion or opinion (required)
 * @param text           the content (required)
 * @param source         where it comes from (required)
 * @param aboutPersonIds the persons it concerns (members of the case), may be empty
 * @param restrictedTo   who may see it besides the writer (at least one): "user:&lt;id&gt;" (a known user),
 *                     "role:&lt;ROLE&gt;" (a platform role, or the case position FIXED_PROFESSIONAL or CASUSREGIE:
 *                     whoever holds it now, also after a handover) or "person:&lt;personId&gt;" (a known person)
 */
public record RestrictedEntryInput(EntryKind kind, String text, String source, List<String> aboutPersonIds,
        List<String> restrictedTo) {
}
