package org.truce.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives each test a fresh {@link TestNode} with the demo dataset, in its own temporary data
 * directory, and closes and deletes it afterwards. Register with {@code @RegisterExtension}.
 */
public final class DemoNodeExtension implements BeforeEachCallback, AfterEachCallback {
    private TestNode node;
    private Path dir;

    public TestNode node() {
        return node;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory("truce-test");
        node = TestNode.withDemo(dir);
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        node.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
