package org.truce.accounts;

/**
 * What a new password must be. Length is the rule, with no composition rules and no forced expiry,
 * as NIST SP 800-63B §3.1.1.2 advises; the upper bound only keeps a request from making us hash
 * megabytes. Stateless.
 */
final class PasswordPolicy {
    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 1024;

    private PasswordPolicy() {}

    static void check(char[] password) {
        if (password == null || password.length == 0) throw new AccountRefused("password", "password is missing");
        int length = Character.codePointCount(password, 0, password.length);
        if (length < MIN_LENGTH) {
            throw new AccountRefused("password", "password must have at least " + MIN_LENGTH + " characters (got "
                    + length + ")");
        }
        if (length > MAX_LENGTH) {
            throw new AccountRefused("password", "password must have at most " + MAX_LENGTH + " characters");
        }
    }
}
