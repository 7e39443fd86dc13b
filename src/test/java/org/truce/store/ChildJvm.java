package org.truce.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts a main class of the test classpath in a fresh JVM, for tests that need a second process. */
public final class ChildJvm {

    private ChildJvm() {}

    /** A process builder for {@code main args...}; stderr goes to {@code errLog} so it can be shown on failure. */
    public static ProcessBuilder of(Path errLog, Class<?> main, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(errLog.toFile());
    }
}
