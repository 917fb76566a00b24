package nl.proeftuin.plugins.localteam.file.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The exchange directory of one municipality: {@code inbox/} (the local team drops request files),
 * {@code processed/} (imported files and their reports), {@code failed/} (files that could not be
 * read, with their reports), {@code outbox/} (one file per event for the local team).
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

    /** Creates the folders that are missing. */
    ExchangeFolders create() throws IOException {
        for (Path folder : new Path[] {inbox(), processed(), failed(), outbox()}) {
            Files.createDirectories(folder);
        }
        return this;
    }
}
