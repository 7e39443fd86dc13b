/**
 * The audit trail: sign-ins, grants, token use and every read of restricted personal data, kept
 * apart from the public ledger in an append-only, SHA-256 hash-chained log with a retention period.
 * Defines the port {@link org.truce.audit.AuditLog}; the chain rule lives in {@link org.truce.audit.AuditChain};
 * the node writes through {@link org.truce.audit.AuditTrail}, which clips fields, counts anonymous
 * refusals per address and minute, and keeps the trail within its quota without stopping any write.
 */
package org.truce.audit;
