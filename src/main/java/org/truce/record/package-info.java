/**
 * The shared record types of every capability's input: a rule's {@link org.truce.record.Violation}
 * (JSON pointer and reason), a {@link org.truce.record.Parsed} input, the field readers of
 * {@link org.truce.record.Reading}, and the {@link org.truce.record.Document} a statement cites.
 */
package org.truce.record;
