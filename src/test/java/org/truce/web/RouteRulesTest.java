package org.truce.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.router.ParsedEndpoint;
import io.javalin.security.Roles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.support.TestNode;

/** Every route the application registers declares exactly one access rule. */
class RouteRulesTest {
    private static final Set<HandlerType> METHODS = Set.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT,
            HandlerType.PATCH, HandlerType.DELETE, HandlerType.HEAD);

    @TempDir
    Path dir;

    static List<Endpoint> endpoints(Javalin app) {
        List<Endpoint> out = new ArrayList<>();
        for (ParsedEndpoint p : app.unsafe.internalRouter.allHttpHandlers()) {
            if (METHODS.contains(p.endpoint.method)) out.add(p.endpoint);
        }
        return out;
    }

    @Test
    void every_registered_route_declares_exactly_one_access_rule() {
        try (TestNode node = new TestNode(dir, false)) {
            List<Endpoint> endpoints = endpoints(node.app);
            assertThat(endpoints).hasSizeGreaterThan(40);
            List<String> without = new ArrayList<>();
            for (Endpoint e : endpoints) {
                Roles roles = e.metadata(Roles.class);
                if (roles == null || Guard.ruleOf(roles.getRoles()) == null) without.add(e.method + " " + e.path);
            }
            assertThat(without).as("routes without exactly one Access rule").isEmpty();
        }
    }

    @Test
    void a_route_without_a_rule_is_closed() {
        assertThat(Guard.ruleOf(Set.of())).isNull();
        assertThat(Guard.ruleOf(Set.of(Access.PUBLIC, Access.ADMIN))).isNull();
        assertThat(Guard.ruleOf(Set.of(Access.ADMIN))).isEqualTo(Access.ADMIN);
    }
}
