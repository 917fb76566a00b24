package nl.proeftuin.core.store.cases;

/**
 * A citizen service number (BSN) in the protected form the store keeps instead of the number
 * itself. The engine makes it; the store neither sees nor can restore the clear number.
 *
 * @param lookupDigest keyed digest (HMAC-SHA256, hex) of the normalised BSN: equal BSNs give equal
 *                     digests, so it serves the uniqueness check and the lookup
 * @param sealed       the BSN encrypted with authentication (base64), readable only with the key
 * @param lastDigits   the last three digits, shown in the masked form
 */
public record ProtectedNationalId(String lookupDigest, String sealed, String lastDigits) {
}
