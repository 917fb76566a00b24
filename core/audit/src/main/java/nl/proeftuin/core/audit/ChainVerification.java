package nl.proeftuin.core.audit;

/**
 * The outcome of checking the access log's hash chain from its first entry.
 *
 * @param intact             true when every entry's hash is right, every entry links to the one before
 *                           and the sequence numbers run 1, 2, 3, ... without gaps
 * @param entriesChecked     how many entries were checked (up to the first broken one)
 * @param firstBrokenSeq     the sequence number of the first broken entry (or where one is missing), or null
 * @param firstBrokenEventId its event id, or null
 * @param reason             what is wrong (changed, removed, reordered), or null when intact
 */
public record ChainVerification(boolean intact, long entriesChecked, Long firstBrokenSeq,
        String firstBrokenEventId, String reason) {
}
