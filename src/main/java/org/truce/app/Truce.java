package org.truce.app;

import org.truce.accounts.Attribution;
import org.truce.accounts.Organisation;
import org.truce.catalog.PartOf;
import org.truce.ledger.EntryCodec;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.truce.accounts.AccountStore;
import org.truce.accounts.Accounts;
import org.truce.accounts.MemorySessionStore;
import org.truce.accounts.MemoryAttemptCounters;
import org.truce.accounts.PasswordHasher;
import org.truce.accounts.SessionStore;
import org.truce.accounts.AttemptCounters;
import org.truce.accounts.SignInThrottle;
import org.truce.audit.AuditLog;
import org.truce.accords.AccordBook;
import org.truce.accords.AccordRecorder;
import org.truce.accords.Tracker;
import org.truce.cases.CaseBook;
import org.truce.cases.CaseFigures;
import org.truce.cases.CaseRecorder;
import org.truce.bulletin.BulletinComposer;
import org.truce.bulletin.CeasefirePart;
import org.truce.bulletin.ImplementationPart;
import org.truce.bulletin.Issues;
import org.truce.bulletin.PrintShop;
import org.truce.feedback.FeedbackDesk;
import org.truce.feedback.FeedbackStore;
import org.truce.bulletin.Publications;
import org.truce.bulletin.Publisher;
import org.truce.figures.FigureBook;
import org.truce.ingest.DemoDataset;
import org.truce.ingest.DemoGeography;
import org.truce.ingest.DemoAccords;
import org.truce.ingest.DemoIncidents;
import org.truce.ingest.DemoPublications;
import org.truce.incidents.IncidentBook;
import org.truce.incidents.Incidents;
import org.truce.figures.Recorder;
import org.truce.ledger.HeadSigner;
import org.truce.ledger.HighestHead;
import org.truce.ledger.Ledger;
import org.truce.ledger.LedgerStore;
import org.truce.ledger.NodeKey;
import org.truce.ledger.PredecessorKeys;
import org.locationtech.jts.geom.Envelope;
import org.truce.places.MapBook;
import org.truce.places.MapReader;
import org.truce.places.MapRecorder;
import org.truce.privacy.DataKeys;
import org.truce.privacy.PersonalDataSealer;
import org.truce.store.AccountStores;
import org.truce.store.DataDirLock;
import org.truce.store.PrintedFiles;
import org.truce.store.PrivateDatabase;
import org.truce.store.PrivateStores;
import org.truce.store.Stores;
import org.truce.bulletin.Witnessed;
import org.truce.witness.Cosigning;
import org.truce.witness.WitnessList;

/**
 * The composition root of one node: the data-directory lock, the store, the node's signing key, the
 * ledger and the projections rebuilt from it; beside the ledger, the private stores that are not
 * part of the public record (accounts, the audit trail, the data keys of restricted fields). Open
 * once, share, close on shutdown.
 */
public final class Truce implements AutoCloseable {
    public static final String DEFAULT_ORIGIN = "truce.local/ledger";

    private final DataDirLock lock;
    private final LedgerStore store;
    private final Ledger ledger;
    private final FigureBook figures;
    private final Recorder recorder;
    private final org.truce.accounts.BodyKeyRecorder bodyKeys;
    private final BulletinComposer bulletins;
    private final Clock clock;
    private final Path dataDir;
    private final Private closed;
    private final Accounts accounts;
    private final CaseBook cases;
    private final CaseRecorder caseRecorder;
    private final MapBook map;
    private final MapRecorder mapRecorder;
    private final MapReader mapReader;
    private final AccordBook accords;
    private final Tracker tracker;
    private final AccordRecorder accordRecorder;
    private final Incidents incidents;
    private final FeedbackDesk feedback;
    private final Publications publications;
    private final Publisher publisher;
    private final NodeMetrics metrics;
    private final Issues issues;
    private final PrintShop printShop;
    private final Attribution attribution;
    /** Idle (no witnesses) until {@link #witnessedBy} starts it. Guarded by this. */
    private Cosigning cosigning;

    /**
     * The region every input coordinate must fall in ({@code TRUCE_REGION=minLon,minLat,maxLon,maxLat};
     * by default lon 43–51, lat 37.5–42.5: the South Caucasus of the model case).
     */
    public static Envelope region() {
        String v = org.truce.settings.Settings.environment().value(org.truce.settings.Setting.REGION);
        String[] p = v.split(",");
        if (p.length != 4) throw new IllegalArgumentException("TRUCE_REGION must be minLon,minLat,maxLon,maxLat, not " + v);
        return new Envelope(Double.parseDouble(p[0].trim()), Double.parseDouble(p[2].trim()),
                Double.parseDouble(p[1].trim()), Double.parseDouble(p[3].trim()));
    }

    /** How long the audit trail keeps a record; older ones are pruned at start. */
    public static final Duration AUDIT_RETENTION = Duration.ofDays(400);

    /**
     * The stores kept out of the public ledger, opened before it and closed after it: in the data
     * directory (SQLite files; sessions and sign-in counters in memory), or all in the shared
     * PostgreSQL database ({@link PrivateDatabase}) when the ledger is there.
     */
    private record Private(AccountStore accounts, AuditLog audit, DataKeys keys, FeedbackStore feedback,
                           SessionStore sessions, AttemptCounters attempts, AutoCloseable database) {
        static Private open(Path dataDir, String databaseUrl, Clock clock) {
            if (databaseUrl != null) return openShared(databaseUrl, clock);
            AccountStore accounts = AccountStores.open(dataDir);
            AuditLog audit = PrivateStores.openAuditLog(dataDir, clock, AUDIT_RETENTION);
            DataKeys keys = PrivateStores.openDataKeys(dataDir, new SecureRandom());
            FeedbackStore feedback = PrivateStores.openFeedback(dataDir);
            return new Private(accounts, audit, keys, feedback, new MemorySessionStore(), new MemoryAttemptCounters(), () -> { });
        }

        private static Private openShared(String databaseUrl, Clock clock) {
            PrivateDatabase database = PrivateDatabase.open(databaseUrl);
            return new Private(database.accounts(), database.auditLog(clock, AUDIT_RETENTION),
                    database.dataKeys(new SecureRandom(), clock), database.feedback(), database.sessions(),
                    database.attemptCounters(), database);
        }

        void close() {
            attempts.close();
            sessions.close();
            feedback.close();
            keys.close();
            audit.close();
            accounts.close();
            try {
                database.close();
            } catch (Exception e) {
                throw new IllegalStateException("could not close the private stores: " + e.getMessage(), e);
            }
        }
    }

    private Truce(Path dataDir, DataDirLock lock, LedgerStore store, Ledger ledger, FigureBook figures, CaseBook cases,
                  MapBook map, AccordBook accords, IncidentBook incidentBook, Publications publications, Private stores,
                  Clock clock, NodeMetrics metrics) {
        this.dataDir = dataDir;
        this.metrics = metrics;
        this.lock = lock;
        this.store = store;
        this.ledger = ledger;
        this.figures = figures;
        this.cases = cases;
        this.map = map;
        this.mapReader = new MapReader(region());
        this.mapRecorder = new MapRecorder(ledger, map, figures, clock);
        this.closed = stores;
        this.clock = clock;
        this.recorder = new Recorder(ledger, figures, clock);
        this.bodyKeys = new org.truce.accounts.BodyKeyRecorder(ledger, figures);
        this.accords = accords;
        this.publications = publications;
        this.publisher = new Publisher(ledger, clock, this::witnessed, publications);
        this.tracker = new Tracker(accords);
        this.accordRecorder = new AccordRecorder(ledger, accords, figures, map, clock);
        this.incidents = new Incidents(incidentBook, ledger, figures, map, clock, region());
        this.bulletins = new BulletinComposer(figures, ledger,
                List.of(new CeasefirePart(incidents.counts(), figures, map), new ImplementationPart(tracker, figures)));
        this.issues = new Issues(bulletins, publications, figures, ledger);
        // each node keeps its own printed copies, also when nodes share one PostgreSQL ledger
        this.printShop = new PrintShop(PrintedFiles.in(dataDir));
        SecureRandom random = new SecureRandom();
        this.accounts = new Accounts(stores.accounts(), clock, random, new PasswordHasher(random),
                new SignInThrottle(clock, stores.attempts()));
        this.feedback = new FeedbackDesk(stores.feedback(), stores.attempts(), clock, () -> "fb-" + java.util.UUID.randomUUID());
        this.attribution = attribution(figures, ledger, accounts);
        this.cosigning = Cosigning.start(ledger, WitnessList.NONE, dataDir);
        this.caseRecorder = new CaseRecorder(ledger, cases, figures, stores.keys(), new PersonalDataSealer(new SecureRandom()), clock);
    }

    /** Locks the data directory (refusing if another process holds it), opens the store and replays it. */
    public static Truce open(Path dataDir, Clock clock) {
        return open(dataDir, clock, Ledger.Progress.NONE);
    }

    /** @param progress told how far rebuilding the projections from the store has come */
    public static Truce open(Path dataDir, Clock clock, Ledger.Progress progress) {
        return open(dataDir, null, clock, progress, List.of());
    }

    /** A node on the SQLite ledger of {@code dataDir} that also feeds {@code extra} listeners (see below). */
    public static Truce open(Path dataDir, Clock clock, Ledger.Progress progress, List<Ledger.Listener> extra) {
        return open(dataDir, null, clock, progress, extra);
    }

    /** A node whose ledger is the PostgreSQL database at {@code databaseUrl} (see below), or SQLite when null. */
    public static Truce open(Path dataDir, String databaseUrl, Clock clock, Ledger.Progress progress) {
        return open(dataDir, databaseUrl, clock, progress, List.of());
    }

    /**
     * Opens a node whose ledger lives in the PostgreSQL database at {@code databaseUrl}
     * ({@code postgresql://user@host:port/db}), shared with other nodes, as are the private stores
     * (accounts, sessions, sign-in counters, audit, data keys, feedback: schema {@code truce_private});
     * {@code dataDir} then keeps only the node key, the lock and the node's {@code highest-head.note}.
     * Every node of one database must hold the same node key ({@code node-key.pk8} and
     * {@code node-key.pub}, copied from the first node's data directory), or it refuses to open once
     * heads exist. A null URL means the SQLite ledger in {@code dataDir}.
     *
     * @param extra listeners fed after the projections, from seq 0 on replay and then every entry
     *              applied (derived tables outside the node, such as the PostGIS map layers)
     */
    public static Truce open(Path dataDir, String databaseUrl, Clock clock, Ledger.Progress progress,
                             List<Ledger.Listener> extra) {
        return open(dataDir, databaseUrl, clock, progress, extra, null, null);
    }

    /**
     * Opens a mirror's copy of another node's log ({@code copy}, the SQLite ledger of {@code dataDir},
     * whose kept heads that log signed; the mirror appends to it and the ledger follows, as a node of a
     * shared store follows the others) as a node whose heads are the log's own notes, given by {@code logNotes}: it
     * serves the log's verifier key and signatures, never a key of its own, and remembers no highest head
     * (the mirror keeps the checkpoint it accepted). It must never be written to: its web application
     * refuses writes.
     */
    public static Truce openMirror(Path dataDir, LedgerStore copy, HeadSigner logNotes, Clock clock) {
        return open(dataDir, null, clock, Ledger.Progress.NONE, List.of(), logNotes, copy);
    }

    private static Truce open(Path dataDir, String databaseUrl, Clock clock, Ledger.Progress progress,
                              List<Ledger.Listener> extra, HeadSigner mirrored, LedgerStore given) {
        DataDirLock lock = DataDirLock.acquire(dataDir);
        Private stores = null;
        LedgerStore store = null;
        try {
            store = given != null ? given : databaseUrl == null ? Stores.openSqlite(dataDir) : Stores.openPostgres(databaseUrl);
            stores = Private.open(dataDir, databaseUrl, clock);
            stores.audit().prune();
            HeadSigner key = mirrored != null ? mirrored : NodeKey.loadOrCreate(dataDir, DEFAULT_ORIGIN);
            FigureBook figures = new FigureBook(List.of(new CaseFigures()));
            CaseBook cases = new CaseBook();
            MapBook map = new MapBook();
            AccordBook accords = new AccordBook();
            IncidentBook incidentBook = new IncidentBook();
            Publications publications = new Publications();
            NodeMetrics metrics = new NodeMetrics();
            List<Capability> capabilities = capabilities(figures, cases, map, accords, incidentBook, publications);
            Ledger ledger = Ledger.open(store, key, DEFAULT_ORIGIN, clock,
                    listeners(capabilities.stream().map(Capability::projection).toList(), extra), progress,
                    PredecessorKeys.read(dataDir), metrics, mirrored != null ? HighestHead.NONE : HighestHead.in(dataDir));
            metrics.watch(ledger);
            return new Truce(dataDir, lock, store, ledger, figures, cases, map, accords, incidentBook, publications, stores, clock,
                    metrics);
        } catch (RuntimeException e) {
            if (stores != null) stores.close();
            if (store != null) store.close();
            lock.close();
            throw e;
        }
    }

    /**
     * Every capability whose projection the node registers with the ledger, each here once: its entry
     * types and its projection. The bodies' keys are the ledger's own ({@link #capabilities()}).
     */
    private static List<Capability> capabilities(FigureBook figures, CaseBook cases, MapBook map, AccordBook accords,
                                                 IncidentBook incidents, Publications publications) {
        return List.of(
                new Capability("figures", org.truce.figures.Fact.TYPES, figures, org.truce.cases.CaseFact.TYPES),
                new Capability("cases", org.truce.cases.CaseFact.TYPES, cases),
                new Capability("places", org.truce.places.MapFact.TYPES, map),
                new Capability("accords", org.truce.accords.AccordFact.TYPES, accords),
                new Capability("incidents", org.truce.incidents.IncidentFact.TYPES, incidents),
                new Capability("bulletin", org.truce.bulletin.Publication.TYPES, publications));
    }

    /**
     * The capabilities of this node, in the order their projections fold each entry: first the bodies'
     * keys ({@code body.key.*}), which the ledger folds itself ahead of every other projection so that
     * each sees the keys valid at every entry; then those registered at {@link #open}.
     */
    public List<Capability> capabilities() {
        List<Capability> all = new java.util.ArrayList<>();
        all.add(new Capability("body-keys", org.truce.ledger.BodySignatures.TYPES, ledger.bodyKeys()));
        all.addAll(capabilities(figures, cases, map, accords, incidents.book(), publications));
        return List.copyOf(all);
    }

    private static List<Ledger.Listener> listeners(List<Ledger.Listener> projections, List<Ledger.Listener> extra) {
        List<Ledger.Listener> all = new java.util.ArrayList<>(projections);
        all.addAll(extra);
        return all;
    }

    /**
     * In whose name a caller may write: the catalog's partOf tree, who recorded a report (for a
     * transcriber's corrections), and each organisation's body (for custodian grants).
     */
    private static Attribution attribution(FigureBook figures, Ledger ledger, Accounts accounts) {
        PartOf bodies = figures.bodies();
        Attribution.Recorders recorders = id -> figures.report(id)
                .map(filed -> EntryCodec.decode(ledger.read(filed.seq(), 1).get(0).bytes()).author())
                .map(Truce::organisationOf);
        return new Attribution(bodies, recorders, org -> accounts.organisation(org).map(Organisation::sourceId));
    }

    /** The organisation an entry's author names: the author itself, or before the slash of an older "org/account". */
    static String organisationOf(String author) {
        int slash = author.indexOf('/');
        return slash < 0 ? author : author.substring(0, slash);
    }

    /** The one rule of in whose name a caller may write, for every write route. */
    public Attribution attribution() {
        return attribution;
    }

    public Ledger ledger() {
        return ledger;
    }

    /** The node's metrics (ledger, HTTP, JVM), scraped at {@code /metrics}. */
    public NodeMetrics metrics() {
        return metrics;
    }

    public FigureBook figures() {
        return figures;
    }

    /** Records the bodies' own signing keys (registration, rotation, revocation). */
    public org.truce.accounts.BodyKeyRecorder bodyKeyRecorder() {
        return bodyKeys;
    }

    public Recorder recorder() {
        return recorder;
    }

    public BulletinComposer bulletins() {
        return bulletins;
    }

    /**
     * Loads the demo dataset: the catalog and figures, the map, the incidents, the accords, and the
     * organisations (never accounts); then publishes, in the name of an illustrative secretariat, the
     * bulletins of the demo's report dates up to and including 11 January 2021, its latest, at the
     * ledger's size after the rest, and republishes 11 January once (see {@link DemoPublications}).
     * Loading twice is a no-op.
     *
     * @return the number of ledger entries newly written
     */
    public int loadDemo() {
        int created = DemoDataset.load(recorder);
        created += DemoGeography.load(mapRecorder, mapReader, DemoDataset.AUTHOR);
        created += DemoIncidents.load(incidents.recorder(), incidents.reader(), DemoDataset.AUTHOR);
        created += DemoAccords.load(accordRecorder, DemoDataset.AUTHOR);
        created += DemoPublications.load(publisher, publications, ledger, bulletins, DemoDataset.AUTHOR);
        DemoDataset.createOrganisations(accounts, figures);
        return created;
    }

    /** Bulletins as issued: published (with issuer, number, status, changes) or drafts, marked. */
    public Issues issues() {
        return issues;
    }

    /** The printed copies of publications, rendered once and kept in the data directory. */
    public PrintShop printShop() {
        return printShop;
    }

    /** Every bulletin publication, folded from the ledger. */
    public Publications publications() {
        return publications;
    }

    /** Records bulletin publications. */
    public Publisher publisher() {
        return publisher;
    }

    public Accounts accounts() {
        return accounts;
    }

    /** Readers' corrections and questions, kept outside the public ledger. */
    public FeedbackDesk feedback() {
        return feedback;
    }

    /** Where signed-in sessions are kept: this node's memory, or the database shared with other nodes. */
    public SessionStore sessions() {
        return closed.sessions();
    }

    public AuditLog audit() {
        return closed.audit();
    }

    public CaseBook cases() {
        return cases;
    }

    public CaseRecorder caseRecorder() {
        return caseRecorder;
    }

    public Incidents incidents() {
        return incidents;
    }

    public AccordBook accords() {
        return accords;
    }

    public Tracker tracker() {
        return tracker;
    }

    public AccordRecorder accordRecorder() {
        return accordRecorder;
    }

    public MapBook map() {
        return map;
    }

    public MapRecorder mapRecorder() {
        return mapRecorder;
    }

    public MapReader mapReader() {
        return mapReader;
    }

    /**
     * Starts asking {@code witnesses} to cosign each new head (see {@link Cosigning}); once per node.
     * The same list again is a no-op; another one after witnesses were configured fails.
     */
    public synchronized Cosigning witnessedBy(WitnessList witnesses) {
        if (cosigning.witnesses().equals(witnesses)) return cosigning;
        if (!cosigning.witnesses().witnesses().isEmpty()) {
            throw new IllegalStateException("this node already asks other witnesses");
        }
        cosigning = Cosigning.start(ledger, witnesses, dataDir);
        return cosigning;
    }

    /**
     * What the node's witnesses have cosigned of the ledger at {@code size} or beyond, for a publication:
     * waits up to {@link #PUBLICATION_WAIT} for the quorum, then takes what there is; empty without witnesses.
     */
    private Optional<Witnessed> witnessed(long size) {
        Cosigning c = cosigning();
        if (c.witnesses().witnesses().isEmpty()) return Optional.empty();
        try {
            return Optional.of(c.awaitQuorum(size, PUBLICATION_WAIT).map(Truce::witnessed).orElse(Witnessed.none()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(Witnessed.none());
        }
    }

    private static Witnessed witnessed(Cosigning.Cosigned cosigned) {
        return new Witnessed(cosigned.checkpoint().size(), java.util.HexFormat.of().formatHex(cosigned.checkpoint().rootHash()),
                cosigned.by().stream().map(w -> new Witnessed.Cosigned(w.witness(), w.source(), w.timestamp())).toList(), cosigned.note());
    }

    /** How long a publication waits for the witnesses' quorum before it records what there is (one answer takes ~0.3 s). */
    public static final Duration PUBLICATION_WAIT = Duration.ofSeconds(10);

    /** The witnesses' cosignatures of this node's checkpoints (none until {@link #witnessedBy}). */
    public synchronized Cosigning cosigning() {
        return cosigning;
    }

    public Clock clock() {
        return clock;
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        cosigning().close();
        ledger.close();
        store.close();
        closed.close();
        lock.close();
    }
}
