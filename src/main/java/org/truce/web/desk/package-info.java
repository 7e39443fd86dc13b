/**
 * What the desk's pages (the signed-in pages of analysts, verifiers and secretariats) give their
 * templates: a form's submitted values with each refusal mapped to its field, and the read models of
 * the dashboard. Plain immutable values, no HTTP.
 */
package org.truce.web.desk;
