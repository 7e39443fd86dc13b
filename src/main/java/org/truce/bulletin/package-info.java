/**
 * The daily situation report: composed from the figures, incidents and accords at one checkpoint
 * (so it can be recomputed byte for byte), worded from ICU message patterns per language
 * ({@code bulletin/messages_<lang>.properties}), rendered as text, JSON, HTML and PDF, and published
 * as a ledger entry that names its checkpoint.
 */
package org.truce.bulletin;
