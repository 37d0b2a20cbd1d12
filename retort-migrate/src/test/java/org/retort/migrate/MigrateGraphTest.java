package org.retort.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The revision graph: heads, branches, merges, labels, targets and plans, with no database. */
class MigrateGraphTest {

    private static RevisionScript rev(String id, String... down) {
        return new RevisionScript(id, List.of(down), "", Set.of(), List.of(), "test", () -> null);
    }

    private static RevisionScript labelled(String id, String label, String... down) {
        return new RevisionScript(id, List.of(down), "", Set.of(label), List.of(), "test", () -> null);
    }

    //   base -> a -> b -> c (branch "left")
    //                \-> d -> e (branch "right")
    //   m merges c and e
    private static RevisionGraph branched() {
        return new RevisionGraph(List.of(rev("a"), rev("b", "a"), labelled("c1", "left", "b"), labelled("d1", "right", "b"),
                rev("e1", "d1")));
    }

    @Test
    void headsBasesAndBranchPoints() {
        RevisionGraph g = branched();
        assertThat(g.heads()).containsExactlyInAnyOrder("c1", "e1");
        assertThat(g.bases()).containsExactly("a");
        assertThat(g.branchPoints()).containsExactly("b");
    }

    @Test
    void headIsAmbiguousWithTwoHeadsAndSaysWhatToDo() {
        assertThatThrownBy(() -> branched().resolve("head", Set.of()))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("2 heads")
                .hasMessageContaining("merge the heads");
        assertThat(branched().resolve("heads", Set.of())).containsExactlyInAnyOrder("c1", "e1");
    }

    @Test
    void labelsAndPrefixesResolve() {
        RevisionGraph g = branched();
        assertThat(g.resolve("right@head", Set.of())).containsExactly("e1");
        assertThat(g.resolve("left", Set.of())).containsExactly("c1");
        assertThat(g.resolve("e", Set.of())).containsExactly("e1");
        assertThatThrownBy(() -> g.resolve("zz", Set.of())).hasMessageContaining("No revision matches 'zz'");
    }

    @Test
    void upgradeToBothHeadsRunsParentsFirstAndRecordsTwoHeads() {
        RevisionGraph g = branched();
        List<String> plan = g.upgradePlan(Set.of(), g.resolve("heads", Set.of())).stream().map(RevisionScript::id)
                .toList();
        assertThat(plan).containsExactly("a", "b", "c1", "d1", "e1");
        Set<String> heads = Set.of();
        for (String id : plan) {
            heads = g.afterUpgrade(heads, id);
        }
        assertThat(heads).containsExactlyInAnyOrder("c1", "e1");
    }

    @Test
    void mergeRevisionJoinsHeadsIntoOne() {
        RevisionGraph g = new RevisionGraph(List.of(rev("a"), rev("b", "a"), rev("c1", "b"), rev("d1", "b"),
                rev("m", "c1", "d1")));
        assertThat(g.heads()).containsExactly("m");
        Set<String> after = g.afterUpgrade(Set.of("c1", "d1"), "m");
        assertThat(after).containsExactly("m");
        assertThat(g.afterDowngrade(Set.of("m"), "m")).containsExactlyInAnyOrder("c1", "d1");
    }

    @Test
    void downgradeOfOneBranchLeavesTheOther() {
        RevisionGraph g = branched();
        List<String> undo = g.downgradePlan(Set.of("c1", "e1"), Set.of("d1")).stream().map(RevisionScript::id).toList();
        assertThat(undo).containsExactly("e1");
        List<String> toBase = g.downgradePlan(Set.of("c1", "e1"), Set.of()).stream().map(RevisionScript::id).toList();
        assertThat(toBase).containsExactly("e1", "d1", "c1", "b", "a");
    }

    @Test
    void relativeTargetsStepAlongTheLine() {
        RevisionGraph g = new RevisionGraph(List.of(rev("a"), rev("b", "a"), rev("c", "b")));
        assertThat(g.resolve("+2", Set.of())).containsExactly("b");
        assertThat(g.resolve("-1", Set.of("c"))).containsExactly("b");
        assertThat(g.resolve("-3", Set.of("c"))).isEmpty();
        assertThatThrownBy(() -> g.resolve("+4", Set.of())).hasMessageContaining("goes past head");
    }

    @Test
    void missingParentDuplicateIdsAndCyclesAreRefusedByName() {
        assertThatThrownBy(() -> new RevisionGraph(List.of(rev("a", "zz"))))
                .hasMessageContaining("Revision a (test) follows revision zz");
        assertThatThrownBy(() -> new RevisionGraph(List.of(rev("a"), rev("a"))))
                .hasMessageContaining("Revision id a is used twice");
        assertThatThrownBy(() -> new RevisionGraph(List.of(rev("a", "b"), rev("b", "a"))))
                .hasMessageContaining("form a cycle");
    }

    @Test
    void dependsOnOrdersAcrossBranchesWithoutMakingAParent() {
        RevisionScript x = new RevisionScript("x", List.of(), "", Set.of(), List.of("b"), "test", () -> null);
        RevisionGraph g = new RevisionGraph(List.of(rev("a"), rev("b", "a"), x));
        List<String> plan = g.upgradePlan(Set.of(), Set.of("x")).stream().map(RevisionScript::id).toList();
        assertThat(plan).containsExactly("a", "b", "x");
        assertThat(g.heads()).containsExactlyInAnyOrder("b", "x");
    }
}
