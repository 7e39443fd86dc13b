package org.truce.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientAddressTest {

    private final ClientAddress behindBalancers = ClientAddress.trusting("10.0.0.0/8, 192.0.2.7, 2001:db8:ffff::/48");

    @ParameterizedTest(name = "peer {0}, X-Forwarded-For \"{1}\" -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            203.0.113.5 | -                              | 203.0.113.5
            203.0.113.5 | 198.51.100.1                   | 203.0.113.5
            10.1.2.3    | -                              | 10.1.2.3
            10.1.2.3    | 198.51.100.1                   | 198.51.100.1
            10.1.2.3    | 1.1.1.1, 198.51.100.1          | 198.51.100.1
            10.1.2.3    | 198.51.100.1, 192.0.2.7        | 198.51.100.1
            10.1.2.3    | 198.51.100.1, 10.9.9.9         | 198.51.100.1
            10.1.2.3    | 10.9.9.9, 192.0.2.7            | 10.9.9.9
            10.1.2.3    | not-an-address, 198.51.100.1   | 198.51.100.1
            10.1.2.3    | 198.51.100.1, garbage          | 10.1.2.3
            10.1.2.3    | 198.51.100.1:5123              | 198.51.100.1
            10.1.2.3    | [2001:db8:1:2::9]:443          | 2001:db8:1:2:0:0:0:9
            10.1.2.3    | 2001:db8:ffff:1::1, 2001:db8:1:2::9 | 2001:db8:1:2:0:0:0:9
            10.1.2.3    | localhost                      | 10.1.2.3
            """)
    void the_client_is_the_nearest_forwarded_address_that_is_not_a_trusted_proxy(String peer, String header, String client) {
        assertThat(behindBalancers.resolve(peer, header == null ? List.of() : List.of(header))).isEqualTo(client);
    }

    @Test
    void several_header_lines_are_one_chain_in_arrival_order() {
        assertThat(behindBalancers.resolve("10.1.2.3", List.of("198.51.100.1", "203.0.113.9, 192.0.2.7"))).isEqualTo("203.0.113.9");
    }

    @Test
    void without_trusted_proxies_the_header_is_ignored() {
        assertThat(ClientAddress.direct().resolve("10.1.2.3", List.of("198.51.100.1"))).isEqualTo("10.1.2.3");
        assertThat(ClientAddress.configured(Map.<String, String>of()::get).trusted()).isEmpty();
    }

    @Test
    void a_name_or_a_malformed_network_is_refused_at_start_with_the_entry_named() {
        assertThatIllegalArgumentException().isThrownBy(() -> ClientAddress.trusting("10.0.0.0/8, balancer.internal"))
                .withMessage("TRUCE_TRUSTED_PROXIES: not an address or network: balancer.internal");
        assertThatIllegalArgumentException().isThrownBy(() -> ClientAddress.trusting("10.0.0.0/x"))
                .withMessageContaining("10.0.0.0/x");
        assertThat(ClientAddress.configured(Map.of(ClientAddress.ENV, " 10.0.0.0/8 ,, 192.0.2.7 ")::get).trusted())
                .containsExactly("10.0.0.0/8", "192.0.2.7");
    }

    @Test
    void over_http_a_request_from_a_trusted_balancer_is_counted_under_the_forwarded_client() throws Exception {
        ClientAddress local = ClientAddress.trusting("127.0.0.1, ::1");
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.contextResolver.ip = local::of;
            config.routes.get("/ip", ctx -> ctx.result(ctx.ip()));
        }).start("127.0.0.1", 0);
        try {
            HttpClient http = HttpClient.newHttpClient();
            URI uri = URI.create("http://127.0.0.1:" + app.port() + "/ip");
            String forwarded = http.send(HttpRequest.newBuilder(uri).header("X-Forwarded-For", "203.0.113.5, 127.0.0.1").build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            String direct = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();

            assertThat(forwarded).isEqualTo("203.0.113.5");
            assertThat(direct).isEqualTo("127.0.0.1");
        } finally {
            app.stop();
        }
    }
}
