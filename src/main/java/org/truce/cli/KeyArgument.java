package org.truce.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A verifier key given on the command line: the path of a file holding it, or else the key text itself. */
final class KeyArgument {
    private KeyArgument() {}

    static String text(String argument) {
        Path file;
        try {
            file = Path.of(argument);
        } catch (java.nio.file.InvalidPathException e) {
            return argument.strip();
        }
        if (!Files.isRegularFile(file)) return argument.strip();
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the key file " + argument, e);
        }
    }
}
