package org.truce.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The {@code partOf} tree of bodies (a ministry's agency is part of the ministry). A body speaks for
 * itself and its parts, downward only; but two bodies are <em>related</em> in either direction, and
 * related bodies are never independent of each other: a part may not verify what its parent alleged,
 * nor a parent what its part alleged. Thread-safe when the lookup is.
 */
public final class PartOf {
    /** Deeper chains are refused when declared; the bound only keeps a damaged catalog from looping. */
    private static final int MAX_DEPTH = 64;
    private final UnaryOperator<String> parent;

    /** @param parent the body a body is declared part of, or null */
    public PartOf(UnaryOperator<String> parent) {
        this.parent = parent;
    }

    /** True when {@code body} is {@code own} or one of its parts, at any depth. */
    public boolean within(String own, String body) {
        return own != null && upward(body).contains(own);
    }

    /** {@code body} and every body it is part of, nearest first; empty for null. */
    public List<String> upward(String body) {
        List<String> chain = new ArrayList<>();
        String s = body;
        for (int depth = 0; s != null && depth < MAX_DEPTH; depth++) {
            chain.add(s);
            s = parent.apply(s);
        }
        return chain;
    }

    /** True when either body is the other or part of it: the one test of independence, both directions. */
    public boolean related(String a, String b) {
        return within(a, b) || within(b, a);
    }
}
