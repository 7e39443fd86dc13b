/**
 * Places and their geometry over time: features (lines, zones, points, hazard and released areas),
 * their versions with validity intervals, geodesy on WGS84 and spatial queries.
 */
package org.truce.places;
