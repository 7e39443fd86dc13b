package org.truce.record;

/**
 * The reporter's statement that an entry repeats one already in the record (the same figure carried
 * again by another document, say), with the reason it is recorded anyway. A repeat is kept in the
 * ledger, and never counted or printed a second time. Immutable.
 *
 * @param id     the client id of the entry it repeats
 * @param reason why it is recorded anyway, in the reporter's words
 */
public record DuplicateOf(String id, String reason) {}
