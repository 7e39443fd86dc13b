package org.truce.bulletin;

import java.util.Optional;

/**
 * Where printed publications are kept once rendered (the port; a node's data directory is the
 * adapter). Keys are {@code [a-z0-9.-]+}. Keeping the same key twice keeps one of two equal copies.
 * Implementations are thread-safe.
 */
public interface PrintedCopies {
    /** The copy kept under {@code key}, or empty. */
    Optional<byte[]> read(String key);

    /** Keeps {@code bytes} under {@code key}, whole or not at all. */
    void keep(String key, byte[] bytes);

    /** Keeps nothing: every read misses (a node without a data directory, tests of rendering). */
    PrintedCopies NONE = new PrintedCopies() {
        @Override
        public Optional<byte[]> read(String key) {
            return Optional.empty();
        }

        @Override
        public void keep(String key, byte[] bytes) {}
    };
}
