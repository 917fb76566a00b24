package nl.proeftuin.plugins.localteam.file.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Files that appear whole or not at all: written to a hidden temporary file, synced, then renamed.
 *
 * <p>The folders are ones the local team can write: the temporary file has a random name and is
 * created new ({@code CREATE_NEW}: O_EXCL, which never follows a link planted at that name), so a
 * link cannot make the platform write anywhere else; the rename replaces a link at the target
 * itself, never the file it points to. Like {@code Files.createTempFile}, but created with the
 * default mode (the process's umask, a directory's default ACL), as the exchange has always been.
 */
final class AtomicFiles {
    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFiles() {
    }

    static void write(Path target, String content) throws IOException {
        FileChannel opened = null;
        Path tmp = null;
        for (int attempt = 0; opened == null; attempt++) {
            byte[] suffix = new byte[12];
            RANDOM.nextBytes(suffix);
            tmp = target.resolveSibling("." + target.getFileName() + "." + HexFormat.of().formatHex(suffix) + ".tmp");
            try {
                opened = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                        LinkOption.NOFOLLOW_LINKS);
            } catch (FileAlreadyExistsException taken) {
                if (attempt == 10) {
                    throw taken;
                }
            }
        }
        try {
            try (FileChannel channel = opened) {
                ByteBuffer buffer = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
