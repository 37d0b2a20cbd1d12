package org.retort.migrate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The revisions of a {@link ScriptDirectory} as a directed acyclic graph (Alembic's {@code RevisionMap}): each
 * revision points down to the revisions it follows. Resolves targets ({@code head}, {@code heads}, {@code base},
 * full or partial ids, {@code label@head}, {@code +N} / {@code -N}) and plans which revisions an upgrade or
 * downgrade runs, in order. Immutable.
 */
public final class RevisionGraph {
    private final Map<String, RevisionScript> byId = new LinkedHashMap<>();
    private final Map<String, List<String>> children = new LinkedHashMap<>();
    private final List<String> order;

    /**
     * Builds and checks the graph.
     *
     * @param scripts the revisions, in any order
     * @throws MigrationException on a duplicate id, a missing parent or a cycle
     */
    public RevisionGraph(Collection<RevisionScript> scripts) {
        for (RevisionScript s : scripts) {
            RevisionScript old = byId.put(s.id(), s);
            if (old != null) {
                throw new MigrationException("Revision id " + s.id() + " is used twice: by " + old.source() + " and by "
                        + s.source() + "; give one of them a new id");
            }
            children.put(s.id(), new ArrayList<>());
        }
        for (RevisionScript s : scripts) {
            for (String d : s.down()) {
                if (!byId.containsKey(d)) {
                    throw new MigrationException("Revision " + s.id() + " (" + s.source() + ") follows revision " + d
                            + ", which the script directory does not have");
                }
                children.get(d).add(s.id());
            }
            for (String d : s.dependsOn()) {
                if (!byId.containsKey(d)) {
                    throw new MigrationException("Revision " + s.id() + " (" + s.source() + ") depends on revision " + d
                            + ", which the script directory does not have");
                }
            }
        }
        this.order = topologicalOrder();
    }

    private List<String> topologicalOrder() {
        Map<String, Integer> pending = new LinkedHashMap<>();
        for (RevisionScript s : byId.values()) {
            pending.put(s.id(), new LinkedHashSet<>(parentsWithDeps(s)).size());
        }
        Deque<String> ready = new ArrayDeque<>();
        pending.forEach((id, n) -> {
            if (n == 0) {
                ready.add(id);
            }
        });
        Map<String, List<String>> dependents = new LinkedHashMap<>();
        for (RevisionScript s : byId.values()) {
            for (String p : new LinkedHashSet<>(parentsWithDeps(s))) {
                dependents.computeIfAbsent(p, k -> new ArrayList<>()).add(s.id());
            }
        }
        List<String> out = new ArrayList<>();
        while (!ready.isEmpty()) {
            String id = ready.poll();
            out.add(id);
            for (String c : dependents.getOrDefault(id, List.of())) {
                if (pending.merge(c, -1, Integer::sum) == 0) {
                    ready.add(c);
                }
            }
        }
        if (out.size() != byId.size()) {
            Set<String> cyclic = new LinkedHashSet<>(byId.keySet());
            out.forEach(cyclic::remove);
            throw new MigrationException("The revisions " + cyclic + " form a cycle through their down revisions");
        }
        return List.copyOf(out);
    }

    private static List<String> parentsWithDeps(RevisionScript s) {
        List<String> out = new ArrayList<>(s.down());
        out.addAll(s.dependsOn());
        return out;
    }

    /** {@return every revision, parents before children} */
    public List<RevisionScript> revisions() {
        return order.stream().map(byId::get).toList();
    }

    /**
     * {@return the revision}
     *
     * @param id a full revision id
     * @throws MigrationException when there is none
     */
    public RevisionScript get(String id) {
        RevisionScript s = byId.get(id);
        if (s == null) {
            throw new MigrationException("No revision '" + id + "' in the script directory");
        }
        return s;
    }

    /** {@return the revisions nothing follows, in load order} */
    public List<String> heads() {
        return order.stream().filter(id -> children.get(id).isEmpty()).toList();
    }

    /** {@return the revisions that follow nothing} */
    public List<String> bases() {
        return order.stream().filter(id -> byId.get(id).isBase()).toList();
    }

    /** {@return the revisions more than one revision follows (branch points)} */
    public List<String> branchPoints() {
        return order.stream().filter(id -> children.get(id).size() > 1).toList();
    }

    /**
     * {@return the revisions that follow it directly}
     *
     * @param id a revision
     */
    public List<String> childrenOf(String id) {
        return List.copyOf(children.get(get(id).id()));
    }

    /**
     * Finds a revision by full id, unique id prefix or branch label.
     *
     * @param spec the id, prefix or label
     * @return the full id
     * @throws MigrationException when nothing or more than one revision matches
     */
    public String find(String spec) {
        if (byId.containsKey(spec)) {
            return spec;
        }
        List<String> labelled = order.stream().filter(id -> byId.get(id).labels().contains(spec)).toList();
        if (labelled.size() == 1) {
            return labelled.get(0);
        }
        List<String> matches = order.stream().filter(id -> id.startsWith(spec)).toList();
        if (matches.size() == 1) {
            return matches.get(0);
        }
        if (matches.isEmpty()) {
            throw new MigrationException("No revision matches '" + spec + "'; see `history` for the ids");
        }
        throw new MigrationException("Revision prefix '" + spec + "' is ambiguous: it matches " + matches
                + "; give more characters");
    }

    /**
     * The revisions a target names, with the database's current heads for relative targets.
     *
     * @param target {@code head}, {@code heads}, {@code base}, an id, prefix or label, {@code label@head},
     *               {@code +N}, {@code -N}, {@code id+N}, {@code id-N}
     * @param current the heads the database is at
     * @return the revisions the target means; empty for base
     */
    public Set<String> resolve(String target, Collection<String> current) {
        String t = target.trim();
        switch (t) {
            case "base":
                return Set.of();
            case "heads":
                return new LinkedHashSet<>(heads());
            case "head":
                return Set.of(singleHead(heads(), "head"));
            default:
                break;
        }
        if (t.endsWith("@head")) {
            String label = t.substring(0, t.length() - "@head".length());
            String start = find(label);
            List<String> hs = heads().stream().filter(h -> ancestors(Set.of(h), false).contains(start)).toList();
            return Set.of(singleHead(hs, t));
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(.*?)([+-])(\\d+)$").matcher(t);
        if (m.matches()) {
            int n = Integer.parseInt(m.group(3));
            String from;
            if (m.group(1).isEmpty()) {
                if (current.size() > 1) {
                    throw new MigrationException("The database is at several heads " + current + "; a relative target "
                            + "like '" + t + "' needs one: use <revision>" + m.group(2) + n);
                }
                from = current.isEmpty() ? null : current.iterator().next();
            } else {
                from = find(m.group(1));
            }
            String to = m.group(2).equals("+") ? stepUp(from, n, t) : stepDown(from, n, t);
            return to == null ? Set.of() : Set.of(to);
        }
        return Set.of(find(t));
    }

    private String singleHead(List<String> hs, String what) {
        if (hs.size() != 1) {
            throw new MigrationException("'" + what + "' is ambiguous: the script directory has " + hs.size()
                    + " heads " + hs + "; use 'heads', a revision id, 'label@head', or merge the heads");
        }
        return hs.get(0);
    }

    private String stepUp(String from, int n, String target) {
        String cur = from;
        for (int i = 0; i < n; i++) {
            List<String> next = cur == null ? bases() : children.get(cur);
            if (next.isEmpty()) {
                throw new MigrationException("Relative target '" + target + "' goes past head: only " + i
                        + " revision(s) follow " + (from == null ? "base" : from));
            }
            if (next.size() > 1) {
                throw new MigrationException("Relative target '" + target + "' is ambiguous: " + (cur == null ? "base"
                        : cur) + " is followed by " + next + "; give a revision id");
            }
            cur = next.get(0);
        }
        return cur;
    }

    private String stepDown(String from, int n, String target) {
        String cur = from;
        for (int i = 0; i < n; i++) {
            if (cur == null) {
                throw new MigrationException("Relative target '" + target + "' goes below base");
            }
            List<String> down = byId.get(cur).down();
            if (down.size() > 1) {
                throw new MigrationException("Relative target '" + target + "' is ambiguous: " + cur
                        + " is a merge of " + down + "; give a revision id");
            }
            cur = down.isEmpty() ? null : down.get(0);
        }
        return cur;
    }

    /**
     * The revisions given and all they follow.
     *
     * @param ids revisions
     * @param withDependencies true to follow {@code dependsOn} too
     * @return the set, ids included
     */
    public Set<String> ancestors(Collection<String> ids, boolean withDependencies) {
        Set<String> out = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(ids);
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (out.add(id)) {
                RevisionScript s = get(id);
                todo.addAll(s.down());
                if (withDependencies) {
                    todo.addAll(s.dependsOn());
                }
            }
        }
        return out;
    }

    /**
     * The revisions that follow a revision, directly or not.
     *
     * @param id the revision
     * @return the descendants, id excluded
     */
    public Set<String> descendants(String id) {
        Set<String> out = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(children.get(get(id).id()));
        while (!todo.isEmpty()) {
            String c = todo.pop();
            if (out.add(c)) {
                todo.addAll(children.get(c));
            }
        }
        for (RevisionScript s : byId.values()) {
            if (!s.dependsOn().isEmpty() && (s.dependsOn().contains(id)
                    || s.dependsOn().stream().anyMatch(out::contains))) {
                out.add(s.id());
                out.addAll(descendants(s.id()));
            }
        }
        return out;
    }

    /**
     * The revisions an upgrade from {@code current} to {@code target} applies, parents first.
     *
     * @param current the heads the database is at
     * @param target the target revisions
     * @return the revisions to apply
     */
    public List<RevisionScript> upgradePlan(Collection<String> current, Collection<String> target) {
        Set<String> have = ancestors(current, true);
        Set<String> want = ancestors(target, true);
        return order.stream().filter(id -> want.contains(id) && !have.contains(id)).map(byId::get).toList();
    }

    /**
     * The revisions a downgrade from {@code current} to {@code target} undoes, children first: everything applied
     * that follows the target (everything applied, for base).
     *
     * @param current the heads the database is at
     * @param target the revisions to stay at; empty for base
     * @return the revisions to undo
     */
    public List<RevisionScript> downgradePlan(Collection<String> current, Collection<String> target) {
        Set<String> have = ancestors(current, true);
        Set<String> remove = new LinkedHashSet<>();
        if (target.isEmpty()) {
            remove.addAll(have);
        } else {
            for (String t : target) {
                if (!have.contains(t)) {
                    throw new MigrationException("Cannot downgrade to " + t + ": the database is at " + current
                            + ", which does not include it; use upgrade to go forward");
                }
                remove.addAll(descendants(t));
            }
            remove.retainAll(have);
            remove.removeAll(ancestors(target, true));
        }
        List<RevisionScript> out = new ArrayList<>(order.stream().filter(remove::contains).map(byId::get).toList());
        java.util.Collections.reverse(out);
        return out;
    }

    /**
     * The heads after applying one revision: it replaces the heads it follows.
     *
     * @param heads the heads before
     * @param applied the revision just applied
     * @return the heads after
     */
    public Set<String> afterUpgrade(Collection<String> heads, String applied) {
        Set<String> below = ancestors(Set.of(applied), false);
        Set<String> out = new LinkedHashSet<>();
        for (String h : heads) {
            if (!below.contains(h)) {
                out.add(h);
            }
        }
        out.add(applied);
        return out;
    }

    /**
     * The heads after undoing one revision: its parents become heads unless another head still follows them.
     *
     * @param heads the heads before
     * @param undone the revision just undone
     * @return the heads after
     */
    public Set<String> afterDowngrade(Collection<String> heads, String undone) {
        Set<String> out = new LinkedHashSet<>(heads);
        out.remove(undone);
        Set<String> stillBelow = ancestors(out, false);
        for (String p : get(undone).down()) {
            if (!stillBelow.contains(p)) {
                out.add(p);
            }
        }
        return out;
    }
}
