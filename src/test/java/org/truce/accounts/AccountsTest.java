package org.truce.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.truce.accounts.AccountsFixture.pw;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.store.AccountStores;

/** Organisations, accounts and grants over a real accounts.db. */
class AccountsTest {
    @TempDir
    Path dir;
    AccountsFixture f;
    Accounts accounts;

    @BeforeEach
    void open() {
        f = new AccountsFixture(dir);
        accounts = f.accounts;
        accounts.createOrg("anama", "anama", "Azerbaijan National Agency for Mine Action");
        accounts.createOrg("icrc", "icrc", "International Committee of the Red Cross");
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void a_new_account_has_an_opaque_id_and_the_roles_it_was_created_with() {
        Account alice = accounts.createUser("anama", "alice.m", pw("correct horse battery"), Set.of(Role.REPORTER));

        assertThat(alice.id()).matches("u-[a-z2-7]{12}").doesNotContain("alice");
        assertThat(alice.orgId()).isEqualTo("anama");
        assertThat(alice.disabled()).isFalse();
        assertThat(alice.createdAt()).isEqualTo(AccountsFixture.START);
        assertThat(accounts.grants("alice.m")).containsExactly(new Grant(Role.REPORTER, "anama"));

        Principal p = accounts.principal(alice.id()).orElseThrow();
        assertThat(p.author()).isEqualTo("anama"); // the public ledger names the organisation
        assertThat(p.account()).isEqualTo("anama/" + alice.id());
        assertThat(p.sourceId()).isEqualTo("anama");
        assertThat(p.via()).isEqualTo("session");
        assertThat(p.has(Role.REPORTER)).isTrue();
        assertThat(p.has(Role.REPORTER, "icrc")).isFalse();
        assertThat(p.has(Role.VERIFIER)).isFalse();
    }

    @Test
    void granted_roles_count_at_once_and_revoked_ones_stop_counting() {
        Account bob = accounts.createUser("anama", "bob", pw("correct horse battery"));
        assertThat(accounts.grants("bob")).isEmpty();

        accounts.grant("bob", Role.VERIFIER, null);
        accounts.grant("bob", Role.VERIFIER, "anama");
        assertThat(accounts.principal(bob.id()).orElseThrow().has(Role.VERIFIER)).isTrue();
        assertThat(accounts.grants("bob")).containsExactly(new Grant(Role.VERIFIER, "anama"));

        assertThat(accounts.revoke("bob", Role.VERIFIER, null)).isTrue();
        assertThat(accounts.revoke("bob", Role.VERIFIER, null)).isFalse();
        assertThat(accounts.principal(bob.id()).orElseThrow().has(Role.VERIFIER)).isFalse();
    }

    @Test
    void only_a_custodian_may_hold_a_role_for_another_organisation() {
        Account carol = accounts.createUser("anama", "carol", pw("correct horse battery"));

        accounts.grant("carol", Role.CUSTODIAN, "icrc");
        assertThat(accounts.principal(carol.id()).orElseThrow().has(Role.CUSTODIAN, "icrc")).isTrue();

        assertThatThrownBy(() -> accounts.grant("carol", Role.REPORTER, "icrc"))
                .isInstanceOfSatisfying(AccountRefused.class, e -> assertThat(e.field()).isEqualTo("scope"))
                .hasMessageContaining("only the custodian role");
        assertThatThrownBy(() -> accounts.grant("carol", Role.CUSTODIAN, "nowhere"))
                .isInstanceOfSatisfying(AccountRefused.class, e -> assertThat(e.field()).isEqualTo("scope"))
                .hasMessage("no organisation \"nowhere\"");
    }

    @Test
    void a_duplicate_username_is_refused_naming_the_field_and_the_first_account_is_untouched() {
        Account first = accounts.createUser("anama", "alice", pw("correct horse battery"), Set.of(Role.ADMIN));

        assertThatThrownBy(() -> accounts.createUser("icrc", "alice", pw("another long password"), Set.of(Role.ANALYST)))
                .isInstanceOfSatisfying(AccountRefused.class, e -> assertThat(e.field()).isEqualTo("username"))
                .hasMessage("username \"alice\" is already taken");
        assertThat(accounts.accounts(null)).containsExactly(first);
        assertThat(accounts.grants("alice")).containsExactly(new Grant(Role.ADMIN, "anama"));
    }

    @Test
    void a_duplicate_organisation_is_refused_naming_the_field() {
        assertThatThrownBy(() -> accounts.createOrg("anama", "other", "Other"))
                .isInstanceOfSatisfying(AccountRefused.class, e -> assertThat(e.field()).isEqualTo("id"))
                .hasMessage("organisation \"anama\" already exists");
        assertThat(accounts.organisation("anama").orElseThrow().name()).isEqualTo("Azerbaijan National Agency for Mine Action");
    }

    @Test
    void bad_input_is_refused_naming_the_field_and_writes_nothing() {
        assertRefused(() -> accounts.createOrg("Bad_Id", "anama", "X"), "id");
        assertRefused(() -> accounts.createOrg("ok-id", "Not A Source", "X"), "source");
        assertRefused(() -> accounts.createOrg("ok-id", "anama", " "), "name");
        assertRefused(() -> accounts.createUser("nowhere", "dave", pw("correct horse battery")), "org");
        assertRefused(() -> accounts.createUser("anama", "Dave Smith", pw("correct horse battery")), "username");
        assertRefused(() -> accounts.createUser("anama", "dave", pw("short")), "password");
        assertRefused(() -> accounts.grant("nobody", Role.ADMIN, null), "username");

        assertThat(accounts.organisations()).extracting(Organisation::id).containsExactly("anama", "icrc");
        assertThat(accounts.accounts(null)).isEmpty();
    }

    @Test
    void the_password_array_is_cleared_after_use() {
        char[] password = pw("correct horse battery");
        accounts.createUser("anama", "erin", password);

        assertThat(password).containsOnly('\0');
    }

    @Test
    void there_is_an_admin_only_while_an_enabled_account_holds_the_role() {
        assertThat(accounts.hasAdmin()).isFalse();
        accounts.createUser("anama", "root", pw("correct horse battery"), Set.of(Role.ADMIN));
        assertThat(accounts.hasAdmin()).isTrue();

        accounts.setDisabled("root", true);
        assertThat(accounts.hasAdmin()).isFalse();
    }

    @Test
    void a_disabled_account_has_no_session_principal() {
        Account frank = accounts.createUser("anama", "frank", pw("correct horse battery"), Set.of(Role.REPORTER));
        accounts.setDisabled("frank", true);

        assertThat(accounts.principal(frank.id())).isEmpty();
    }

    @Test
    void a_change_made_through_another_store_on_the_same_file_is_seen_at_once() {
        Account gina = accounts.createUser("anama", "gina", pw("correct horse battery"), Set.of(Role.REPORTER));
        assertThat(accounts.principal(gina.id()).orElseThrow().has(Role.REPORTER)).isTrue();

        // What `truce admin revoke` does from another process while the server runs.
        try (AccountStore cli = AccountStores.open(dir)) {
            assertThat(cli.removeGrant(gina.id(), new Grant(Role.REPORTER, "anama"))).isTrue();
        }

        assertThat(accounts.principal(gina.id()).orElseThrow().has(Role.REPORTER)).isFalse();
    }

    @Test
    void accounts_are_listed_per_organisation_by_username() {
        accounts.createUser("icrc", "zed", pw("correct horse battery"));
        accounts.createUser("anama", "yan", pw("correct horse battery"));
        accounts.createUser("anama", "abe", pw("correct horse battery"));

        assertThat(accounts.accounts("anama")).extracting(Account::username).containsExactly("abe", "yan");
        assertThat(accounts.accounts(null)).extracting(Account::username).containsExactly("abe", "yan", "zed");
    }

    @Test
    void the_bootstrap_principal_administers_the_operator_and_speaks_for_no_source() {
        Principal p = Principal.bootstrapAdmin();

        assertThat(p.has(Role.ADMIN)).isTrue();
        assertThat(p.has(Role.ADMIN, "operator")).isTrue();
        assertThat(p.sourceId()).isNull();
        assertThat(p.author()).isEqualTo("operator");
        assertThat(p.account()).isEqualTo("operator/bootstrap");
        assertThat(p.via()).isEqualTo("token");
    }

    @Test
    void roles_have_lower_case_wire_names_and_parse_back() {
        assertThat(Role.SECRETARIAT.wireName()).isEqualTo("secretariat");
        assertThat(Role.parse("custodian")).contains(Role.CUSTODIAN);
        assertThat(Role.parse("Admin")).contains(Role.ADMIN);
        assertThat(Role.parse("root")).isEmpty();
        assertThat(Role.parse(null)).isEmpty();
    }

    private static void assertRefused(Runnable action, String field) {
        assertThatThrownBy(action::run)
                .isInstanceOfSatisfying(AccountRefused.class, e -> assertThat(e.field()).isEqualTo(field))
                .hasMessageContaining(field);
    }
}
