/**
 * Case records of persons: detainees, missing persons and recovered remains, each a case with its
 * status history as ledger entries. Names, identifying details and what each party calls the person
 * are sealed per case ({@link org.truce.privacy}); the public ledger holds in clear only what the
 * counts need ({@link org.truce.cases.CaseFact}), and the counts feed the figures in the recording
 * source's name.
 */
package org.truce.cases;
