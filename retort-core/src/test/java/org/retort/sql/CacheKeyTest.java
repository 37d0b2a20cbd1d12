package org.retort.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.retort.sql.Fixtures.*;
import static org.retort.sql.Sql.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Equal structure gives equal cache keys and bind names whatever the values; different structure differs. */
class CacheKeyTest {

    private static Select query(int id, String name, List<Integer> ids, int limit) {
        return select(USER_NAME, func.count().label("n")).where(USER_ID.gt(id), USER_NAME.like(name), USER_ID.in(ids))
                .groupBy(USER_NAME).orderBy(USER_NAME).limit(limit);
    }

    @Test
    void valuesDoNotChangeTheKeyButDoChangeBoundValues() {
        Select a = query(1, "a%", List.of(1, 2), 10);
        Select b = query(2, "b%", List.of(3, 4, 5), 20);
        assertThat(a.cacheKey()).isEqualTo(b.cacheKey());
        assertThat(a.cacheKey().hashCode()).isEqualTo(b.cacheKey().hashCode());
        assertThat(a.compile(PG).sql()).isEqualTo(b.compile(PG).sql());
        assertThat(a.compile(PG).positionalNames()).isEqualTo(b.compile(PG).positionalNames());
        assertThat(b.boundValues()).isEqualTo(Map.of("id_1", 2, "name_1", "b%", "id_2", List.of(3, 4, 5), "param_1", 20));
    }

    @Test
    void structureChangesTheKey() {
        Select base = select(USER_NAME).where(USER_ID.gt(1));
        assertThat(base.cacheKey()).isNotEqualTo(select(USER_NAME).where(USER_ID.lt(1)).cacheKey());
        assertThat(base.cacheKey()).isNotEqualTo(select(FULLNAME).where(USER_ID.gt(1)).cacheKey());
        assertThat(base.cacheKey()).isNotEqualTo(base.limit(1).cacheKey());
        assertThat(base.cacheKey()).isNotEqualTo(select(USER_NAME).where(USER_ID.gt(1)).distinct().cacheKey());
        assertThat(base.cacheKey()).isNotEqualTo(select(USER_NAME).where(USER_ID.gt(USER_ID)).cacheKey());
        assertThat(insert(USERS).values(Map.of("name", "a")).cacheKey())
                .isNotEqualTo(insert(USERS).values(Map.of("fullname", "a")).cacheKey());
        assertThat(select(USERS.alias("a").c("id")).cacheKey()).isNotEqualTo(select(USERS.alias("b").c("id")).cacheKey());
    }

    @Test
    void dmlKeysIgnoreValues() {
        assertThat(update(USERS).set(Map.of("name", "x")).where(USER_ID.eq(1)).cacheKey())
                .isEqualTo(update(USERS).set(Map.of("name", "y")).where(USER_ID.eq(2)).cacheKey());
        assertThat(insert(USERS).values(List.of(Map.of("name", "a"), Map.of("name", "b"))).cacheKey())
                .isEqualTo(insert(USERS).values(List.of(Map.of("name", "c"), Map.of("name", "d"))).cacheKey());
        assertThat(insert(USERS).values(List.of(Map.of("name", "a"), Map.of("name", "b"))).cacheKey())
                .isNotEqualTo(insert(USERS).values(List.of(Map.of("name", "c"))).cacheKey());
    }

    @Test
    void reusedParameterObjectKeepsOneName() {
        Expression<Boolean> cond = USER_ID.eq(3);
        Select s = select(USER_ID).where(cond).having(cond);
        assertThat(s.compile(PG).positionalNames()).containsExactly("id_1", "id_1");
    }

    @Test
    void executionPathOfAFreshStatementIsMuchCheaperThanCompilingIt() {
        for (int i = 0; i < 5000; i++) {
            Select s = query(i, "a%", List.of(1, 2), 10);
            s.cacheKey().hashCode();
            s.boundValues();
            query(i, "a%", List.of(1, 2), 10).compile(PG);
        }
        long bestHit = Long.MAX_VALUE;
        long bestCompile = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < 3000; i++) {
                Select s = query(i, "a%", List.of(1, 2), 10);
                s.cacheKey().hashCode();
                s.boundValues();
            }
            bestHit = Math.min(bestHit, System.nanoTime() - t0);
            t0 = System.nanoTime();
            for (int i = 0; i < 3000; i++) {
                query(i, "a%", List.of(1, 2), 10).compile(PG);
            }
            bestCompile = Math.min(bestCompile, System.nanoTime() - t0);
        }
        // building the statement is in both sides; the key and values walk must still cost far less than compiling
        assertThat(bestHit).isLessThan(bestCompile * 3 / 4);
    }

    @Test
    void keyAndValuesComeFromOneWalkPerStatementInstance() {
        Select s = query(1, "a%", List.of(1), 1);
        assertThat(s.cacheKey()).isSameAs(s.cacheKey());
    }
}
