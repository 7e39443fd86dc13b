package org.truce.web;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caps the connections open at once from one peer address: a connection past the cap is closed as
 * soon as it opens, before anything is read from it, so one client cannot take all the server's
 * connections or threads. Exempt peers (the trusted proxies, behind which many clients share one
 * address) are not counted. Jetty's {@code NetworkConnectionLimit} caps the total only.
 *
 * <p>A bean of the server: when the server starts it listens to the connections of every connector.
 * Thread-safe: the counts are updated atomically per address, an entry removed when it reaches zero.
 */
final class ConnectionsPerAddress extends AbstractLifeCycle implements Connection.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionsPerAddress.class);

    private final Server server;
    private final int max;
    private final Predicate<InetAddress> exempt;
    private final Map<InetAddress, Integer> open = new ConcurrentHashMap<>();
    /** Each counted connection's peer: a closed channel no longer tells its remote address. */
    private final Map<Connection, InetAddress> peers = new ConcurrentHashMap<>();
    /** The addresses over the cap that were logged: once until they have no connection left, however many are refused. */
    private final Set<InetAddress> logged = ConcurrentHashMap.newKeySet();

    ConnectionsPerAddress(Server server, int max, Predicate<InetAddress> exempt) {
        if (max < 1) throw new IllegalArgumentException("the cap must be at least 1 connection");
        this.server = server;
        this.max = max;
        this.exempt = exempt;
    }

    @Override
    protected void doStart() {
        for (Connector c : server.getConnectors()) {
            if (c instanceof AbstractConnector connector) connector.addBean(this);
        }
    }

    @Override
    protected void doStop() {
        for (Connector c : server.getConnectors()) {
            if (c instanceof AbstractConnector connector) connector.removeBean(this);
        }
        open.clear();
        peers.clear();
        logged.clear();
    }

    @Override
    public void onOpened(Connection connection) {
        InetAddress peer = peerOf(connection);
        if (peer == null || exempt.test(peer)) return;
        peers.put(connection, peer);
        int now = open.merge(peer, 1, Integer::sum);
        if (now > max) {
            if (logged.add(peer)) LOG.warn("{} has {} connections open; closing each one past the cap", peer.getHostAddress(), max);
            connection.getEndPoint().close();
        }
    }

    @Override
    public void onClosed(Connection connection) {
        InetAddress peer = peers.remove(connection);
        if (peer == null) return;
        if (open.computeIfPresent(peer, (address, n) -> n <= 1 ? null : n - 1) == null) logged.remove(peer);
    }

    /** The connections open from {@code address} now (for tests and diagnostics). */
    int openFrom(InetAddress address) {
        return open.getOrDefault(address, 0);
    }

    private static InetAddress peerOf(Connection connection) {
        SocketAddress remote = connection.getEndPoint().getRemoteSocketAddress();
        return remote instanceof InetSocketAddress socket ? socket.getAddress() : null;
    }
}
