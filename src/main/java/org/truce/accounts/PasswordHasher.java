package org.truce.accounts;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashing (RFC 9106) with Bouncy Castle, stored as a PHC string:
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>} (base64 without padding, as the PHC string
 * format specifies). Immutable and thread-safe: every call builds its own generator.
 *
 * <p>The defaults are the OWASP Password Storage Cheat Sheet's minimum for Argon2id: 19 MiB of memory,
 * 2 iterations, 1 lane; a 16-byte salt (RFC 9106 §3.1 recommends 128 bits) and a 32-byte tag.
 * {@link #verify} reads the parameters from the stored string, so raising them later leaves old
 * hashes verifiable.
 */
public final class PasswordHasher {
    static final int SALT_BYTES = 16;
    static final int HASH_BYTES = 32;
    private static final String PREFIX = "$argon2id$v=19$";
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

    /** Bounds on parameters read back, so that a corrupted or planted hash cannot ask for gigabytes. */
    private static final int MAX_MEMORY_KIB = 1 << 20;
    private static final int MAX_ITERATIONS = 16;
    private static final int MAX_LANES = 16;

    private final SecureRandom random;
    private final int memoryKib;
    private final int iterations;
    private final int lanes;

    /** OWASP minimum parameters. */
    public PasswordHasher(SecureRandom random) {
        this(random, 19_456, 2, 1);
    }

    PasswordHasher(SecureRandom random, int memoryKib, int iterations, int lanes) {
        this.random = Objects.requireNonNull(random, "random");
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.lanes = lanes;
    }

    /** A PHC string for the password. Does not apply the password policy and does not clear the array. */
    public String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] tag = derive(password, salt, memoryKib, iterations, lanes, HASH_BYTES);
        return PREFIX + "m=" + memoryKib + ",t=" + iterations + ",p=" + lanes + "$" + B64.encodeToString(salt) + "$"
                + B64.encodeToString(tag);
    }

    /**
     * Whether the password matches the stored PHC string, computed with the string's own parameters
     * and compared in constant time.
     *
     * @throws IllegalArgumentException if {@code phc} is not an Argon2id v19 PHC string within bounds
     */
    public boolean verify(String phc, char[] password) {
        Phc stored = Phc.parse(phc);
        byte[] tag = derive(password, stored.salt, stored.memoryKib, stored.iterations, stored.lanes, stored.hash.length);
        try {
            return MessageDigest.isEqual(tag, stored.hash);
        } finally {
            Arrays.fill(tag, (byte) 0);
        }
    }

    private static byte[] derive(char[] password, byte[] salt, int memoryKib, int iterations, int lanes, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(lanes)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] secret = utf8(password);
        byte[] tag = new byte[length];
        try {
            generator.generateBytes(secret, tag);
            return tag;
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /** UTF-8 bytes without passing through an immutable String, so they can be cleared after use. */
    private static byte[] utf8(char[] password) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        if (encoded.hasArray()) Arrays.fill(encoded.array(), (byte) 0);
        return bytes;
    }

    private record Phc(int memoryKib, int iterations, int lanes, byte[] salt, byte[] hash) {
        static Phc parse(String phc) {
            if (phc == null || !phc.startsWith(PREFIX)) throw bad();
            String[] parts = phc.substring(PREFIX.length()).split("\\$", -1);
            if (parts.length != 3) throw bad();
            String[] params = parts[0].split(",", -1);
            if (params.length != 3 || !params[0].startsWith("m=") || !params[1].startsWith("t=") || !params[2].startsWith("p=")) {
                throw bad();
            }
            try {
                int m = Integer.parseInt(params[0].substring(2));
                int t = Integer.parseInt(params[1].substring(2));
                int p = Integer.parseInt(params[2].substring(2));
                byte[] salt = B64_DECODER.decode(parts[1]);
                byte[] hash = B64_DECODER.decode(parts[2]);
                // RFC 9106 §3.1: memory at least 8p KiB; salt at least 8 bytes; tag at least 4 bytes.
                boolean inBounds = p >= 1 && p <= MAX_LANES && m >= 8 * p && m <= MAX_MEMORY_KIB && t >= 1
                        && t <= MAX_ITERATIONS && salt.length >= 8 && hash.length >= 16 && hash.length <= 64;
                if (!inBounds) throw bad();
                return new Phc(m, t, p, salt, hash);
            } catch (IllegalArgumentException e) {
                throw bad();
            }
        }

        private static IllegalArgumentException bad() {
            return new IllegalArgumentException("the stored password hash is not an Argon2id v19 PHC string");
        }
    }
}
