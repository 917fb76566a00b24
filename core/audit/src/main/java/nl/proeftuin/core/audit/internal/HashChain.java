package nl.proeftuin.core.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import nl.proeftuin.core.audit.AccessLogEntry;

/**
 * The hash of an entry: SHA-256 (hex) over the previous entry's hash and the canonical form of every
 * field of the entry, its sequence number and time included. The canonical form writes each field as
 * {@code name=length:value} (or {@code name=-} for null) on its own line, so no two different entries
 * have the same form, whatever their values contain.
 */
final class HashChain {
    /** The "previous hash" of the first entry. */
    static final String GENESIS = "0".repeat(64);

    private HashChain() {
    }

    static String hash(AccessLogEntry e) {
        StringBuilder s = new StringBuilder(512);
        field(s, "prev", e.prevHash());
        field(s, "seq", Long.toString(e.seqNo()));
        field(s, "event", e.eventId());
        field(s, "at", e.at().toString());
        field(s, "node", e.node());
        field(s, "action", e.action().name());
        field(s, "outcome", e.outcome());
        field(s, "user", e.userId());
        field(s, "userName", e.userName());
        field(s, "role", e.role());
        field(s, "organisation", e.organisation());
        field(s, "onBehalfOf", e.onBehalfOf());
        field(s, "purpose", e.purpose());
        field(s, "persons", String.join(",", e.personIds()));
        field(s, "case", e.caseId());
        field(s, "objectType", e.objectType());
        field(s, "objectId", e.objectId());
        field(s, "request", e.requestId());
        field(s, "detail", e.detail());
        field(s, "restricted", Boolean.toString(e.restricted()));
        return sha256(s.toString());
    }

    private static void field(StringBuilder s, String name, String value) {
        s.append(name).append('=');
        if (value == null) {
            s.append('-');
        } else {
            s.append(value.length()).append(':').append(value);
        }
        s.append('\n');
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
