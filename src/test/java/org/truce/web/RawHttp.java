package org.truce.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * HTTP/1.1 over a raw socket, for requests no HTTP client would send (a bad URI, an oversized
 * header, a body dripped a byte at a time) and for choosing the local address a connection comes from.
 */
final class RawHttp {
    /** How long a test waits for an answer before calling the server silent: a bound, not a measurement. */
    static final int PATIENCE_MILLIS = 20_000;

    private RawHttp() {}

    /** An answer as read off the wire; {@code status} is -1 when the server closed the connection without one. */
    record Answer(int status, List<String> headers, String body) {
        static final Answer CLOSED = new Answer(-1, List.of(), "");

        Optional<String> header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return headers.stream().filter(h -> h.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(h -> h.substring(prefix.length()).strip()).findFirst();
        }
    }

    /** Opens a connection to {@code port} on loopback from the local address {@code from} (e.g. 127.0.0.2). */
    static Socket connect(String from, int port) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(from, 0));
        s.connect(new InetSocketAddress("127.0.0.1", port), PATIENCE_MILLIS);
        s.setSoTimeout(PATIENCE_MILLIS);
        return s;
    }

    /** Sends {@code request} as bytes (ISO-8859-1) on a new connection and reads the answer to its end. */
    static Answer exchange(int port, String request) throws IOException {
        try (Socket s = connect("127.0.0.1", port)) {
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            return read(s);
        }
    }

    /** Reads one answer (headers, then the body up to Content-Length or the end of the connection). */
    static Answer read(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        try {
            int b;
            while ((b = in.read()) != -1) {
                head.write(b);
                if (head.size() >= 4 && endsWithBlankLine(head.toByteArray())) break;
            }
        } catch (SocketException reset) {
            if (head.size() == 0) return Answer.CLOSED;
            throw reset;
        }
        if (head.size() == 0) return Answer.CLOSED;
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        List<String> headers = new ArrayList<>(List.of(lines).subList(1, lines.length));
        Answer partial = new Answer(status, headers, "");
        String length = partial.header("Content-Length").orElse(null);
        byte[] body;
        try {
            body = length == null ? in.readAllBytes() : in.readNBytes(Integer.parseInt(length));
        } catch (SocketException | SocketTimeoutException cut) {
            body = new byte[0];
        }
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static boolean endsWithBlankLine(byte[] b) {
        int n = b.length;
        return b[n - 4] == '\r' && b[n - 3] == '\n' && b[n - 2] == '\r' && b[n - 1] == '\n';
    }
}
