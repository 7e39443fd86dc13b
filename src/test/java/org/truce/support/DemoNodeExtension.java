package org.truce.support;

import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives each test a fresh {@link TestNode} with the demo dataset, in its own temporary data
 * directory, injected into the test's {@code TestNode} fields (as {@code @TempDir} does for paths),
 * and closes and deletes it afterwards. Use with {@code @ExtendWith(DemoNodeExtension.class)}.
 */
public final class DemoNodeExtension implements BeforeEachCallback, AfterEachCallback {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(DemoNodeExtension.class);

    private record Started(TestNode node, Path dir) {}

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        Path dir = Files.createTempDirectory("truce-test");
        TestNode node = TestNode.withDemo(dir);
        context.getStore(NS).put("node", new Started(node, dir));
        Object test = context.getRequiredTestInstance();
        for (Class<?> c = test.getClass(); c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.getType() == TestNode.class) {
                    f.setAccessible(true);
                    f.set(test, node);
                }
            }
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        Started s = context.getStore(NS).remove("node", Started.class);
        if (s == null) return;
        s.node().close();
        try (Stream<Path> files = Files.walk(s.dir())) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
