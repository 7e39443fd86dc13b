package org.truce.store;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.truce.feedback.FeedbackStore;

/** Readers' messages in a real PostgreSQL database, schema truce_private: the contract (each store a node). */
class PostgresFeedbackStoreTest extends FeedbackStoreContract {

    @RegisterExtension
    static final PrivateSchema schema = new PrivateSchema();

    @Override
    protected FeedbackStore open() {
        return schema.node().feedback();
    }
}
