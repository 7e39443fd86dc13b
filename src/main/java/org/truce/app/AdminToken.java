package org.truce.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The interim admin token for writes: {@code TRUCE_ADMIN_TOKEN} from the environment, else the one
 * kept in the data directory (owner-readable only), else a new random one written there.
 */
public final class AdminToken {
    public static final String ENV = "TRUCE_ADMIN_TOKEN";
    public static final String FILE = "admin-token";

    /** @param created true when the token was generated now (and should be shown once) */
    public record Resolved(String token, boolean created, String origin) {}

    private AdminToken() {}

    public static Resolved resolve(Path dataDir, String fromEnv) {
        if (fromEnv != null && !fromEnv.isBlank()) return new Resolved(fromEnv.trim(), false, "environment " + ENV);
        Path file = dataDir.resolve(FILE);
        try {
            if (Files.exists(file)) return new Resolved(Files.readString(file).trim(), false, file.toString());
            byte[] bytes = new byte[24];
            new SecureRandom().nextBytes(bytes);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, token + "\n", StandardCharsets.UTF_8);
            return new Resolved(token, true, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the admin token in " + dataDir, e);
        }
    }
}
