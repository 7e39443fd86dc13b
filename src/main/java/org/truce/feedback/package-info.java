/**
 * Public feedback on bulletins: readers' corrections and questions, held for the secretariat to answer
 * or publish. Kept outside the public ledger, in the node's private {@code feedback.db} (or, for nodes
 * sharing PostgreSQL, in schema {@code truce_private}); the sender's
 * email address is stored for a reply by mail and never shown or exported.
 */
package org.truce.feedback;
