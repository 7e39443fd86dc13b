package org.truce.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.truce.bulletin.PrintedCopies;
import org.truce.ledger.StoreFailure;

/**
 * Printed publications as files under {@code <data>/printed/}: written to a temporary file and moved
 * into place, so a reader sees a whole copy or none, and a crash leaves at most a stray temporary
 * file. Thread-safe (each key's file is replaced atomically; equal keys hold equal bytes).
 */
public final class PrintedFiles implements PrintedCopies {
    private final Path dir;

    private PrintedFiles(Path dir) {
        this.dir = dir;
    }

    /** The printed copies of {@code dataDir}, in its {@code printed} directory (created on first keep). */
    public static PrintedFiles in(Path dataDir) {
        return new PrintedFiles(dataDir.resolve("printed"));
    }

    @Override
    public Optional<byte[]> read(String key) {
        try {
            return Optional.of(Files.readAllBytes(file(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StoreFailure("could not read the printed copy " + key, new UncheckedIOException(e));
        }
    }

    @Override
    public void keep(String key, byte[] bytes) {
        Path target = file(key);
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, key, ".tmp");
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new StoreFailure("could not keep the printed copy " + key, new UncheckedIOException(e));
        }
    }

    private Path file(String key) {
        if (!key.matches("[a-z0-9.-]+") || key.contains("..")) throw new IllegalArgumentException("not a printed copy's key: " + key);
        return dir.resolve(key);
    }
}
