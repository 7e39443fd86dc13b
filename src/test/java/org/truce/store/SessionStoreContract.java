package org.truce.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.truce.accounts.SessionStore;
import org.truce.accounts.SessionStore.Session;

/**
 * The behaviour every {@link SessionStore} must have. {@link #open()} twice gives two views of one
 * store: two nodes on one database, or (in memory) the same instance, since memory is one node's.
 */
abstract class SessionStoreContract {

    static final Instant T0 = Instant.parse("2026-11-28T10:00:00.123456Z");

    protected abstract SessionStore open();

    static Session session(String id, Instant created) {
        return new Session(id, "u-aaaaaaaaaaaa", "csrf-" + id, created, created);
    }

    @Test
    void a_session_is_found_by_its_id_touched_and_removed() {
        SessionStore store = open();
        Session s = session("id-1", T0);
        store.add(s);

        assertThat(store.find("id-1")).contains(s);
        assertThat(store.find("id-2")).isEmpty();
        store.touch("id-1", T0.plusSeconds(30));
        assertThat(store.find("id-1")).contains(new Session("id-1", "u-aaaaaaaaaaaa", "csrf-id-1", T0, T0.plusSeconds(30)));
        store.remove("id-1");
        assertThat(store.find("id-1")).isEmpty();
        store.remove("id-1");
        store.touch("id-1", T0.plusSeconds(60));
        assertThat(store.find("id-1")).isEmpty();
    }

    @Test
    void a_repeated_id_is_refused() {
        SessionStore store = open();
        store.add(session("id-1", T0));
        assertThatThrownBy(() -> store.add(session("id-1", T0.plusSeconds(1)))).isInstanceOf(RuntimeException.class);
        assertThat(store.find("id-1").orElseThrow().created()).isEqualTo(T0);
    }

    @Test
    void expired_sessions_are_removed_by_idle_time_or_by_age() {
        SessionStore store = open();
        store.add(session("old", T0));
        store.add(session("idle", T0.plus(Duration.ofHours(5))));
        store.add(session("live", T0.plus(Duration.ofHours(5))));
        store.touch("old", T0.plus(Duration.ofHours(11)));
        store.touch("live", T0.plus(Duration.ofHours(11)));

        int removed = store.removeExpired(T0.plus(Duration.ofHours(10)), T0.plus(Duration.ofHours(1)));

        assertThat(removed).isEqualTo(2);
        assertThat(store.find("old")).isEmpty();
        assertThat(store.find("idle")).isEmpty();
        assertThat(store.find("live")).isPresent();
    }

    @Test
    void a_session_added_through_one_view_is_used_and_ended_through_the_other() {
        SessionStore a = open();
        SessionStore b = open();
        a.add(session("shared", T0));

        assertThat(b.find("shared")).contains(session("shared", T0));
        b.touch("shared", T0.plusSeconds(5));
        assertThat(a.find("shared").orElseThrow().lastSeen()).isEqualTo(T0.plusSeconds(5));
        b.remove("shared");
        assertThat(a.find("shared")).isEmpty();
    }
}
