/**
 * The shared record types of every capability's input: a rule's {@link org.truce.record.Violation}
 * (JSON pointer and reason), a {@link org.truce.record.Parsed} input, the field readers of
 * {@link org.truce.record.Reading}, the {@link org.truce.record.Document} a statement cites and the
 * {@link org.truce.record.DuplicateOf} of a knowing repeat (read and written by
 * {@link org.truce.record.RecordReader} and {@link org.truce.record.RecordWriter}), what a duplicate
 * rule found ({@link org.truce.record.RepeatsFound}) and the {@link org.truce.record.Outcome} of a write.
 */
package org.truce.record;
