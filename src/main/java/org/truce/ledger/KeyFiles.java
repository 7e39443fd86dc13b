package org.truce.ledger;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.EnumSet;
import java.util.Set;

/**
 * Ed25519 key pairs kept in a directory: the private key as PKCS#8 (readable by the owner only) and
 * the verifier key as one line of text beside it. Shared by the node's key and a witness's key.
 */
final class KeyFiles {
    private static final Set<PosixFilePermission> OWNER_RW = PosixFilePermissions.fromString("rw-------");

    private KeyFiles() {}

    static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available", e);
        }
    }

    /** Writes both files under temporary names, then renames: the private file appears last, and whole. */
    static void keep(Path dir, String privateFile, String publicFile, PrivateKey privateKey, String verifierKey)
            throws IOException {
        Path privateTmp = dir.resolve(privateFile + ".tmp");
        Path publicTmp = dir.resolve(publicFile + ".tmp");
        Files.deleteIfExists(privateTmp);
        Files.deleteIfExists(publicTmp);
        writeDurably(privateTmp, privateKey.getEncoded(), ownerOnly(dir));
        writeDurably(publicTmp, (verifierKey + "\n").getBytes(StandardCharsets.UTF_8));
        Files.move(publicTmp, dir.resolve(publicFile), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.move(privateTmp, dir.resolve(privateFile), StandardCopyOption.ATOMIC_MOVE);
    }

    static PrivateKey readPrivateKey(Path file) throws IOException {
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(file)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(file + " is not a PKCS#8 Ed25519 private key", e);
        }
    }

    /** The file is created with these permissions, so the key is never readable by others, not even briefly. */
    private static FileAttribute<?>[] ownerOnly(Path dir) {
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_RW)} : new FileAttribute<?>[0];
    }

    private static void writeDurably(Path file, byte[] content, FileAttribute<?>... attributes) throws IOException {
        var options = EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try (FileChannel channel = FileChannel.open(file, options, attributes)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }
}
