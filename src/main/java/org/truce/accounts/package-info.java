/**
 * Who may write into Truce: organisations tied to a reporting source, their user accounts, the roles
 * those accounts hold, personal API tokens for field apps, password hashing (Argon2id) and sign-in
 * throttling. Credentials never enter the public ledger; they live behind the
 * {@link org.truce.accounts.AccountStore} port that an adapter in {@code org.truce.store} implements.
 */
package org.truce.accounts;
