/**
 * What the desk's pages (the signed-in pages of analysts, verifiers and secretariats) give their
 * templates: a form's submitted values with each refusal mapped to its field, the read models of
 * the dashboard, a report's place in its chain of versions, the options of a picker; and the reading
 * of numbers and dates typed in the page's language ({@link org.truce.web.desk.LocalInput}). Plain
 * immutable values and stateless functions, no HTTP.
 */
package org.truce.web.desk;
