/**
 * Restricted personal data (names and identifying details of persons in case records): sealed with
 * AES-256-GCM under a data key per case kept outside the ledger, recognised on retry by an HMAC, and
 * erased by destroying the case's key (crypto-shredding). Defines the key port {@link org.truce.privacy.DataKeys}.
 */
package org.truce.privacy;
