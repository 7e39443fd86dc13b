/**
 * Public feedback on bulletins: readers' corrections and questions, held for the secretariat to answer
 * or publish. Kept outside the public ledger, in the node's private {@code feedback.db}; the sender's
 * email address is stored for a reply by mail and never shown or exported.
 */
package org.truce.feedback;
