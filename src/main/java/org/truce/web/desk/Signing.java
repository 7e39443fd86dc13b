package org.truce.web.desk;

/**
 * What the browser signs when a body that signs refused a desk form for its signature: the key id and
 * the exact bytes (base64) the write path named in its {@code toSign}. The private key stays in the
 * browser. Immutable.
 */
public record Signing(String keyId, String message) {}
