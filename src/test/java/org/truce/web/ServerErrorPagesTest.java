package org.truce.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.stream.Stream;
import org.truce.support.TestNode;

/**
 * Requests the server refuses before the application sees them (the HTTP parser's 400, 414, 431,
 * 505; a URI it cannot decode) are answered as problem details with the same security headers as
 * every other answer, and never stored by a cache.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerErrorPagesTest {
    TestNode node;

    @BeforeAll
    void start(@TempDir Path dir) {
        node = new TestNode(dir, false);
    }

    @AfterAll
    void stop() {
        node.close();
    }

    static Stream<Arguments> refusals() {
        String end = "Host: localhost\r\nConnection: close\r\n\r\n";
        return Stream.of(
                Arguments.of("a bad percent-encoding", "GET /% HTTP/1.1\r\n" + end, 400),
                Arguments.of("a bad percent-encoding, asking for a page", "GET /%zz HTTP/1.1\r\nAccept: text/html\r\n" + end, 400),
                Arguments.of("a request line that is not HTTP", "HELLO\r\n" + end, 400),
                Arguments.of("a header without a colon", "GET / HTTP/1.1\r\nNoColonHere\r\n" + end, 400),
                Arguments.of("a URI longer than the request header buffer", "GET /" + "a".repeat(20_000) + " HTTP/1.1\r\n" + end, 414),
                Arguments.of("headers larger than the buffer", "GET / HTTP/1.1\r\nX-Big: " + "b".repeat(20_000) + "\r\n" + end, 431),
                Arguments.of("an HTTP version the server does not speak", "GET / HTTP/2.7\r\n" + end, 505));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void a_request_refused_by_the_server_itself_carries_the_security_headers(String name, String request, int status) throws IOException {
        RawHttp.Answer a = RawHttp.exchange(node.app.port(), request);
        assertThat(a.status()).as(name).isEqualTo(status);
        assertThat(a.header("Content-Security-Policy")).as(name).hasValue(SecurityHeaders.CSP);
        assertThat(a.header("X-Content-Type-Options")).as(name).hasValue("nosniff");
        assertThat(a.header("Referrer-Policy")).as(name).hasValue("no-referrer");
        assertThat(a.header("X-Frame-Options")).as(name).hasValue("DENY");
        assertThat(a.header("Cache-Control")).as(name).hasValue("no-store");
        assertThat(a.header("Content-Type")).as(name).hasValue("application/problem+json");
        var problem = TestNode.JSON.readTree(a.body());
        assertThat(problem.get("status").asInt()).as(name).isEqualTo(status);
        assertThat(problem.get("type").asText()).as(name).isEqualTo("about:blank");
        assertThat(a.body()).as(name).doesNotContain("bbbbbbbb", "aaaaaaaa", "NoColonHere", "<html");
    }
}
