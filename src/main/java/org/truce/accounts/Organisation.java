package org.truce.accounts;

/**
 * A body whose people write into Truce, tied to the reporting source of the ledger catalog in whose
 * name they speak. Immutable.
 */
public record Organisation(String id, String sourceId, String name) {
    public Organisation {
        Names.orgId("id", id);
        Names.sourceId(sourceId);
        name = Names.label("name", name);
    }
}
