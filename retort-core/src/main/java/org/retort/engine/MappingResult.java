package org.retort.engine;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.retort.exc.MultipleResultsFound;
import org.retort.exc.NoResultFound;

/**
 * Each row of a {@link Result} as an ordered map from column name to value (SQLAlchemy's {@code MappingResult}).
 */
public final class MappingResult implements Iterable<Map<String, Object>> {
    private final Result result;

    MappingResult(Result result) {
        this.result = result;
    }

    @Override
    public Iterator<Map<String, Object>> iterator() {
        Iterator<Row> rows = result.rows();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Map<String, Object> next() {
                return rows.next().asMap();
            }
        };
    }

    /** {@return every remaining row as a map; closes the result} */
    public List<Map<String, Object>> all() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> m : this) {
            out.add(m);
        }
        result.close();
        return out;
    }

    /** {@return the first row as a map, or null; closes the result} */
    public Map<String, Object> first() {
        Row r = result.first();
        return r == null ? null : r.asMap();
    }

    /**
     * Exactly one row as a map.
     *
     * @return the map
     * @throws NoResultFound when there is no row
     * @throws MultipleResultsFound when there are more
     */
    public Map<String, Object> one() {
        return result.one().asMap();
    }

    /**
     * At most one row as a map.
     *
     * @return the map, or null when there is no row
     * @throws MultipleResultsFound when there are more
     */
    public Map<String, Object> oneOrNull() {
        Row r = result.oneOrNull();
        return r == null ? null : r.asMap();
    }

    /**
     * Up to {@code n} further rows as maps.
     *
     * @param n the most rows to return
     * @return the maps; empty when no rows are left
     */
    public List<Map<String, Object>> fetchMany(int n) {
        return result.fetchMany(n).stream().map(Row::asMap).toList();
    }
}
