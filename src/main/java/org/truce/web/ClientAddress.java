package org.truce.web;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.util.InetAddressSet;

/**
 * The address a request came from, as the throttles and the audit trail count it. Without trusted
 * proxies it is the connection's peer. Behind a load balancer every peer is the balancer, so every
 * reader would share one address's sign-in and message limits: the balancers' addresses (or networks)
 * named in {@code TRUCE_TRUSTED_PROXIES} are trusted to append the client to {@code X-Forwarded-For}, and the client is
 * the nearest address in that chain that is not a trusted proxy. Entries left of it are whatever the
 * client sent, so they are never believed; a request from an untrusted peer is taken at its word of
 * nothing. Immutable and thread-safe; addresses are parsed as literals, never looked up in DNS.
 */
final class ClientAddress {
    static final String ENV = org.truce.settings.Setting.TRUSTED_PROXIES.variable;
    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");
    private static final Pattern BRACKETED = Pattern.compile("\\[([0-9A-Fa-f:.]+)](?::\\d+)?");
    private static final Pattern V4_WITH_PORT = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,3}){3}):\\d+");

    private final InetAddressSet trusted = new InetAddressSet();
    private final List<String> named;

    private ClientAddress(List<String> proxies) {
        this.named = List.copyOf(proxies);
        for (String proxy : named) trusted.add(proxy);
    }

    /** No trusted proxy: the peer is the client. */
    static ClientAddress direct() {
        return new ClientAddress(List.of());
    }

    /**
     * From a comma-separated list of addresses and CIDR networks ({@code 10.0.0.0/8, 2001:db8::/32});
     * empty or absent trusts nobody.
     *
     * @throws IllegalArgumentException naming the entry that is not an address or network
     */
    static ClientAddress trusting(String list) {
        List<String> proxies = new ArrayList<>();
        if (list != null) {
            for (String raw : list.split(",")) {
                String entry = raw.strip();
                if (entry.isEmpty()) continue;
                String[] parts = entry.split("/", -1);
                boolean valid = parts.length <= 2 && parse(parts[0]).isPresent()
                        && (parts.length == 1 || parts[1].matches("\\d{1,3}"));
                if (!valid) throw new IllegalArgumentException(ENV + ": not an address or network: " + entry);
                proxies.add(entry);
            }
        }
        return new ClientAddress(proxies);
    }

    static ClientAddress configured(Function<String, String> env) {
        return trusting(env.apply(ENV));
    }

    /** The proxies trusted, as configured. */
    List<String> trusted() {
        return named;
    }

    String of(Context ctx) {
        return resolve(ctx.req().getRemoteAddr(), Collections.list(ctx.req().getHeaders("X-Forwarded-For")));
    }

    /** The client behind {@code peer}, given the {@code X-Forwarded-For} header lines in arrival order. */
    String resolve(String peer, List<String> forwardedFor) {
        if (!isTrusted(peer)) return peer;
        List<String> hops = new ArrayList<>();
        for (String line : forwardedFor) for (String hop : line.split(",")) hops.add(hop.strip());
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = parse(hops.get(i));
            if (hop.isEmpty()) return client; // a garbled entry: what lies beyond it cannot be trusted
            client = hop.get().getHostAddress();
            if (!trusted.test(hop.get())) return client;
        }
        return client;
    }

    /** Whether {@code peer} is a trusted proxy, whose connections carry many clients. */
    boolean isTrusted(InetAddress peer) {
        return trusted.test(peer);
    }

    private boolean isTrusted(String address) {
        Optional<InetAddress> parsed = parse(address);
        return parsed.isPresent() && trusted.test(parsed.get());
    }

    /** An IP literal (IPv6 possibly in brackets with a port, IPv4 possibly with a port), never a name. */
    private static Optional<InetAddress> parse(String text) {
        if (text == null) return Optional.empty();
        String literal = text.strip();
        Matcher m = BRACKETED.matcher(literal);
        if (m.matches()) literal = m.group(1);
        m = V4_WITH_PORT.matcher(literal);
        if (m.matches()) literal = m.group(1);
        if (literal.isEmpty() || !LITERAL.matcher(literal).matches() || !(literal.contains(".") || literal.contains(":"))) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(literal)); // a literal: no lookup
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
