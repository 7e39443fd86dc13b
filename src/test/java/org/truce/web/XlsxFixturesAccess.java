package org.truce.web;

import java.io.IOException;

/** The XLSX fixtures of the import tests, for tests outside this package (the browser tests). */
public final class XlsxFixturesAccess {
    private XlsxFixturesAccess() {}

    public static byte[] russianFigures(boolean bad) throws IOException {
        return XlsxFixtures.russianFigures(bad);
    }
}
