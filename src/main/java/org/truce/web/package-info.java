/**
 * The HTTP API and the pages (Javalin, JTE): thin routes over the application, one access rule per
 * route, browser sessions, the client address as the throttles count it, and errors as RFC 9457
 * problem details with stable codes. Nothing here decides a domain rule.
 */
package org.truce.web;
