package org.truce.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.truce.feedback.FeedbackStore;

/** Readers' messages in a real feedback.db: the contract. */
class SqliteFeedbackStoreTest extends FeedbackStoreContract {

    @TempDir
    Path dataDir;

    @Override
    protected FeedbackStore open() {
        return PrivateStores.openFeedback(dataDir);
    }
}
