package org.truce.web;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The interim write guard: one admin bearer token, checked before any body is read. The accounts
 * capability replaces it. Immutable.
 */
final class Auth {
    private final byte[] token;

    Auth(String token) {
        if (token == null || token.length() < 16) throw new IllegalArgumentException("admin token must have at least 16 characters");
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    /** The author name recorded on entries written with the token. */
    String requireWriter(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            throw new Problem(ErrorCode.UNAUTHORIZED, "send Authorization: Bearer <token> to write");
        }
        byte[] given = header.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, token)) throw new Problem(ErrorCode.UNAUTHORIZED, "the bearer token is not valid");
        return "admin";
    }
}
