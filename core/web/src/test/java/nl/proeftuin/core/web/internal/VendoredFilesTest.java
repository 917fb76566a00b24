package nl.proeftuin.core.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The NL Design System's CSS is committed, not downloaded (decision 0041): each vendored folder under
 * {@code ui/vendor/} has a README naming the npm tarball and, per file, its SHA-256. A file that differs
 * from its README line (edited by hand, or updated without its README), or a file without a line, fails.
 */
class VendoredFilesTest {
    static final Path VENDOR = Path.of("src/main/resources/ui/vendor");
    private static final Pattern LINE = Pattern.compile("^- `([^`]+)` SHA-256: ([0-9a-f]{64})\\s*$", Pattern.MULTILINE);

    @Test
    void everyVendoredFileIsTheOneItsReadmeNames() throws IOException, NoSuchAlgorithmException {
        Set<Path> folders = new TreeSet<>();
        try (Stream<Path> list = Files.list(VENDOR)) {
            list.filter(Files::isDirectory).forEach(folders::add);
        }
        assertFalse(folders.isEmpty(), "no vendored folder under " + VENDOR);
        for (Path folder : folders) {
            Path readme = folder.resolve("README.md");
            assertTrue(Files.isRegularFile(readme), folder + " has no README.md naming its tarball and files");
            String text = Files.readString(readme);
            assertTrue(text.contains("https://registry.npmjs.org/"), readme + " names no npm tarball");
            assertTrue(text.contains("sha512-"), readme + " names no npm integrity");
            Map<String, String> named = new TreeMap<>();
            Matcher m = LINE.matcher(text);
            while (m.find()) {
                named.put(m.group(1), m.group(2));
            }
            Set<String> present = new TreeSet<>();
            try (Stream<Path> files = Files.list(folder)) {
                files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                        .filter(name -> !name.equals("README.md")).forEach(present::add);
            }
            assertEquals(present, named.keySet(), readme + ": the files in the folder and the SHA-256 lines differ");
            assertTrue(present.stream().anyMatch(n -> n.toLowerCase().startsWith("license")),
                    folder + " keeps no licence file");
            for (Map.Entry<String, String> e : named.entrySet()) {
                byte[] bytes = Files.readAllBytes(folder.resolve(e.getKey()));
                String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
                assertEquals(e.getValue(), sha, folder.resolve(e.getKey()) + " is not the file its README names");
            }
        }
    }

    /** index.html loads the tokens first, then every vendored component file, then the page's own CSS. */
    @Test
    void indexLoadsTokensThenComponentsThenOwnCss() throws IOException {
        String html = Files.readString(Path.of("src/main/resources/ui/index.html"));
        int theme = html.indexOf("href=\"/ui/theme.css\"");
        int components = html.indexOf("href=\"/ui/vendor/utrecht-component-library-css/index.css\"");
        int app = html.indexOf("href=\"/ui/app.css\"");
        assertTrue(theme > 0 && components > theme && app > components,
                "index.html must load theme.css, then the vendored components, then app.css");
        assertTrue(html.contains("class=\"proeftuin-theme\""), "the theme's class is not on <body>");
    }
}
