package org.retort.sql.internal;

import java.util.ArrayList;
import java.util.List;
import org.retort.exc.ArgumentException;
import org.retort.sql.BooleanClauseList;
import org.retort.sql.ColumnClause;
import org.retort.sql.Expression;
import org.retort.sql.ForeignKeyPair;
import org.retort.sql.FromClause;
import org.retort.sql.Join;
import org.retort.sql.TableAlias;
import org.retort.sql.TableClause;

/**
 * Infers the ON clause of a join from foreign keys, as SQLAlchemy does: exactly one pair of tables (one on each
 * side) must be linked by foreign keys; all column pairs between them form the condition
 * {@code referred = referencing [AND ...]}.
 */
public final class JoinConditions {
    private JoinConditions() {
    }

    /**
     * The ON clause between two FROM items.
     *
     * @param left the left side (may be a join)
     * @param right the right side
     * @return the condition
     * @throws ArgumentException when no or several foreign-key paths link them
     */
    public static Expression<?> infer(FromClause left, FromClause right) {
        List<FromClause> leftLeaves = new ArrayList<>();
        leaves(left, leftLeaves);
        TableClause rightTable = tableOf(right);
        if (rightTable == null) {
            throw new ArgumentException("Cannot infer the ON clause for a join to " + right
                    + "; pass the condition: join(target, condition)");
        }
        List<Expression<?>> found = null;
        int paths = 0;
        for (FromClause leaf : leftLeaves) {
            TableClause lt = tableOf(leaf);
            if (lt == null) {
                continue;
            }
            List<Expression<?>> conds = new ArrayList<>();
            java.util.Set<Object> constraints = new java.util.HashSet<>();
            for (ForeignKeyPair p : rightTable.foreignKeyPairs()) {
                if (p.referred().table() == lt) {
                    conds.add(column(leaf, p.referred()).eq(column(right, p.column())));
                    constraints.add(p.constraint());
                }
            }
            if (lt != rightTable) {
                for (ForeignKeyPair p : lt.foreignKeyPairs()) {
                    if (p.referred().table() == rightTable) {
                        conds.add(column(right, p.referred()).eq(column(leaf, p.column())));
                        constraints.add(p.constraint());
                    }
                }
            }
            if (constraints.size() > 1) {
                throw new ArgumentException("Can't determine the join between '" + leaf + "' and '" + right
                        + "': they have " + constraints.size() + " foreign key constraints between them; pass the "
                        + "ON clause explicitly: join(target, condition)");
            }
            if (!conds.isEmpty()) {
                paths++;
                found = conds;
            }
        }
        if (paths == 0) {
            throw new ArgumentException("Can't find any foreign key relationships between '" + left + "' and '"
                    + right + "'; pass the ON clause: join(target, condition)");
        }
        if (paths > 1) {
            throw new ArgumentException("Can't determine the join between '" + left + "' and '" + right
                    + "': more than one table on the left has foreign keys to it; pass the ON clause explicitly");
        }
        return found.size() == 1 ? found.get(0) : BooleanClauseList.allOf(found.toArray(Expression<?>[]::new));
    }

    private static void leaves(FromClause f, List<FromClause> out) {
        if (f instanceof Join j) {
            leaves(j.left(), out);
            leaves(j.right(), out);
        } else {
            out.add(f);
        }
    }

    private static TableClause tableOf(FromClause f) {
        if (f instanceof TableClause t) {
            return t;
        }
        if (f instanceof TableAlias a) {
            return a.table();
        }
        return null;
    }

    private static Expression<?> column(FromClause f, ColumnClause<?> col) {
        if (f instanceof TableAlias a) {
            return a.c(col.key());
        }
        return col;
    }
}
