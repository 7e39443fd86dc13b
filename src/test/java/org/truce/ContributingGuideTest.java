package org.truce;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The contributor guide names the code a newcomer edits ({@code `WebApp.assemble`},
 * {@code `Truce.capabilities`}); each {@code `Class.member`} it cites, for a class of this
 * repository, names a member that class declares, so the guide cannot drift from the code unnoticed.
 */
class ContributingGuideTest {
    private static final Pattern CITED = Pattern.compile("`([A-Z][A-Za-z0-9]*)\\.([a-zA-Z_][A-Za-z0-9_]*)");

    @Test
    void every_class_member_the_guide_cites_exists() throws IOException {
        Map<String, List<Path>> classes = new TreeMap<>();
        for (String root : List.of("src/main/java", "src/test/java")) {
            try (Stream<Path> files = Files.walk(Path.of(root))) {
                files.filter(p -> p.toString().endsWith(".java"))
                        .forEach(p -> classes.computeIfAbsent(p.getFileName().toString().replace(".java", ""), k -> new ArrayList<>()).add(p));
            }
        }
        String guide = Files.readString(Path.of("docs/contributing.md"));
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (Matcher m = CITED.matcher(guide); m.find(); ) {
            List<Path> sources = classes.get(m.group(1));
            if (sources == null) continue; // the JDK's (Instant.now, System.out)
            checked++;
            Pattern declared = Pattern.compile("\\b" + Pattern.quote(m.group(2)) + "\\b\\s*[(=<,;]|(class|interface|record|enum)\\s+"
                    + Pattern.quote(m.group(2)) + "\\b");
            boolean found = false;
            for (Path source : sources) found |= declared.matcher(Files.readString(source)).find();
            if (!found) missing.add(m.group(1) + "." + m.group(2));
        }
        assertThat(checked).isGreaterThan(10);
        assertThat(missing).as("cited in docs/contributing.md, not declared").isEmpty();
    }
}
