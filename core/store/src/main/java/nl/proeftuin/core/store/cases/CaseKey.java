package nl.proeftuin.core.store.cases;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;

/**
 * The key of a case in the case list's order (opened at, newest first, then id): what a page "after"
 * points at (paging by key, decision 0036). Written for clients as an opaque URL-safe text.
 *
 * @param openedAt when the case was opened
 * @param id       the case's id
 */
public record CaseKey(Instant openedAt, String id) {

    /** The opaque text of this key. */
    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((openedAt + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The key an opaque text stands for.
     *
     * @return empty when the text is no key this class wrote
     */
    public static Optional<CaseKey> decode(String text) {
        if (text == null || text.isEmpty() || text.length() > 200) {
            return Optional.empty();
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            int bar = plain.indexOf('|');
            if (bar < 1 || bar == plain.length() - 1) {
                return Optional.empty();
            }
            return Optional.of(new CaseKey(Instant.parse(plain.substring(0, bar)), plain.substring(bar + 1)));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
