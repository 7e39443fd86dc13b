/**
 * The accords tracker: agreements with each language version's text of each point, obligations with
 * their deadlines (dated, relative to an event, amended), implementation assessments on the Peace
 * Accords Matrix scale kept per assessing organisation, and the working groups, meetings and tasks
 * that carry the agreements out. Every fact is a ledger entry; {@link org.truce.accords.AccordBook}
 * folds them.
 */
package org.truce.accords;
