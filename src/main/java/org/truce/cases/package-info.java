/**
 * Case records of persons: detainees, missing persons and recovered remains, each a case with its
 * status history as ledger entries. Names and identifying details are sealed per case
 * ({@link org.truce.privacy}); counts feed the figures in the recording source's name.
 */
package org.truce.cases;
