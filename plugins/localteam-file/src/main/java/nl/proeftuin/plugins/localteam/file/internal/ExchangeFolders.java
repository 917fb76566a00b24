package nl.proeftuin.plugins.localteam.file.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The exchange directory of one municipality: {@code inbox/} (the local team drops request files),
 * {@code processed/} (imported files and their reports), {@code failed/} (files that could not be
 * read, with their reports), {@code outbox/} (one file per event for the local team).
 * Each must be a directory of its own, not a symbolic link: the local team may be able to replace one,
 * and the platform would then read or write where the link points ({@link #problem}). The root is the
 * administrator's configuration and may be a link.
 */
record ExchangeFolders(Path root) {

    Path inbox() {
        return root.resolve("inbox");
    }

    Path processed() {
        return root.resolve("processed");
    }

    Path failed() {
        return root.resolve("failed");
    }

    Path outbox() {
        return root.resolve("outbox");
    }

    /** Why the folders cannot be used (one is a link or not a directory), or null. */
    String problem() {
        for (Path folder : new Path[] {inbox(), processed(), failed(), outbox()}) {
            if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                return folder.getFileName() + "/ is " + (Files.isSymbolicLink(folder) ? "a symbolic link"
                        : "not a directory") + ": it must be a directory of its own";
            }
        }
        return null;
    }

    /** Creates the folders that are missing. */
    ExchangeFolders create() throws IOException {
        for (Path folder : new Path[] {inbox(), processed(), failed(), outbox()}) {
            Files.createDirectories(folder);
        }
        return this;
    }
}
