package org.retort.engine;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;

import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.retort.exc.MultipleResultsFound;
import org.retort.exc.NoResultFound;
import org.retort.exc.ResourceClosedException;
import org.retort.sql.Compiled;
import org.retort.sql.ResultColumn;
import org.retort.types.NullType;
import org.retort.types.ValueReader;

/**
 * The outcome of executing a statement (SQLAlchemy's {@code CursorResult}): the rows it returned, read lazily
 * from the JDBC cursor, or the count of rows it changed.
 *
 * <p>Rows are consumed once: iterate, or call one of {@link #all()}, {@link #one()}, {@link #first()},
 * {@link #scalar()}. The result closes its cursor when the rows run out, when one of those methods returns,
 * or on {@link #close()}. {@link #unique()} and {@link #columns(Object...)} change what the following calls
 * return, and return this result.
 *
 * <p>Not thread-safe, like the connection it came from.
 */
public final class Result implements Iterable<Row>, AutoCloseable {
    private final Connection connection;
    private final Statement statement;
    private final ResultSet resultSet;
    private final ValueReader<?>[] readers;
    private final RowMetadata sourceMetadata;
    private final long rowcount;
    private final List<Object> insertedKeys;
    /** The rows of returnDefaults(), or null when the statement did not ask for them. */
    private List<Row> returnedDefaults;
    private final boolean echoRows;
    private RowMetadata metadata;
    private int[] projection;
    private Set<Row> seen;
    private Row peeked;
    private boolean exhausted;
    private boolean closed;
    private boolean hardClosed;

    private Iterator<Row> buffered;

    Result(Connection connection, Compiled compiled, Statement statement, ResultSet resultSet, long rowcount) throws SQLException {
        this.connection = connection;
        this.statement = statement;
        this.resultSet = resultSet;
        this.rowcount = rowcount;
        this.insertedKeys = List.of();
        this.echoRows = connection.engine().echoRows();
        ResultSetMetaData md = resultSet.getMetaData();
        int n = md.getColumnCount();
        if (compiled.engineResultCache() instanceof Shape shape && shape.readers().length == n) {
            // the statement ran before: its column names and readers depend on the compiled statement alone
            this.readers = shape.readers();
            this.sourceMetadata = shape.metadata();
            this.metadata = sourceMetadata;
            echoColumns();
            return;
        }
        String[] keys = new String[n];
        String[] labels = new String[n];
        Object[] sources = new Object[n];
        this.readers = new ValueReader<?>[n];
        List<ResultColumn> known = compiled.resultColumns();
        ValueReader<?>[] knownReaders = compiled.resultReaders();
        boolean positional = known.size() == n;
        // untyped columns: the driver's type codes as seen at an earlier execution, reused while the labels and
        // type names are the same (sqlite-jdbc computes getColumnType with regular expressions, every time)
        UntypedShape seen = compiled.engineResultCache() instanceof UntypedShape u && u.typeCodes().length == n ? u : null;
        String[] typeNames = null;
        int[] typeCodes = null;
        boolean sameAsSeen = seen != null;
        for (int i = 0; i < n; i++) {
            labels[i] = md.getColumnLabel(i + 1);
            keys[i] = labels[i];
            readers[i] = null;
            if (positional) {
                keys[i] = known.get(i).name();
                sources[i] = known.get(i).source();
                readers[i] = untyped(known.get(i)) ? null : knownReaders[i];
            } else {
                for (int k = 0; k < known.size(); k++) {
                    if (known.get(k).name().equalsIgnoreCase(keys[i])) {
                        readers[i] = untyped(known.get(k)) ? null : knownReaders[k];
                        sources[i] = known.get(k).source();
                    }
                }
            }
            if (readers[i] == null) {
                if (typeNames == null) {
                    typeNames = new String[n];
                    typeCodes = new int[n];
                }
                typeNames[i] = md.getColumnTypeName(i + 1);
                boolean reuse = sameAsSeen && labels[i].equals(seen.labels()[i])
                        && java.util.Objects.equals(typeNames[i], seen.typeNames()[i]);
                sameAsSeen = reuse;
                typeCodes[i] = reuse ? seen.typeCodes()[i] : md.getColumnType(i + 1);
                readers[i] = DefaultReaders.forColumn(typeCodes[i], typeNames[i], connection.dialect().storesDatesAsText());
            }
        }
        this.sourceMetadata = new RowMetadata(keys, sources);
        this.metadata = sourceMetadata;
        if (positional && n > 0 && allTyped(known)) {
            compiled.engineResultCache(new Shape(readers, sourceMetadata));
        } else if (typeNames != null && !sameAsSeen) {
            compiled.engineResultCache(new UntypedShape(labels, typeNames, typeCodes));
        }
        echoColumns();
    }

    /**
     * The driver's metadata for a statement's untyped columns at one execution: each column's label, type name and
     * type code (only the columns read through {@link DefaultReaders}; null elsewhere). A later execution whose
     * labels and type names are the same takes the type codes from here.
     */
    private record UntypedShape(String[] labels, String[] typeNames, int[] typeCodes) {
    }

    /** With {@code echo("debug")}: the column names, before the rows (SQLAlchemy's {@code Col (...)} line). */
    private void echoColumns() {
        if (echoRows) {
            connection.engine().echoRowLine("Col " + EchoFormat.params(sourceMetadata.keys().toArray()));
        }
    }

    private void echoRow(Object[] values) {
        connection.engine().echoRowLine("Row " + EchoFormat.params(values));
    }

    /**
     * What a compiled statement's rows look like, kept on the {@link Compiled} after its first execution when every
     * column's type is known from the statement (so nothing depends on the driver's metadata): both are immutable.
     */
    private record Shape(ValueReader<?>[] readers, RowMetadata metadata) {
    }

    private static boolean allTyped(List<ResultColumn> columns) {
        for (ResultColumn c : columns) {
            if (untyped(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean untyped(ResultColumn column) {
        return column.type() == null || column.type() instanceof NullType;
    }

    private Result(Connection connection, long rowcount, List<Object> insertedKeys) {
        this.connection = connection;
        this.statement = null;
        this.resultSet = null;
        this.readers = new ValueReader<?>[0];
        this.sourceMetadata = new RowMetadata(new String[0], new Object[0]);
        this.metadata = sourceMetadata;
        this.rowcount = rowcount;
        this.insertedKeys = insertedKeys;
        this.echoRows = false;
        this.exhausted = true;
        this.closed = true;
    }

    private Result(Connection connection, RowMetadata metadata, List<Row> rows, long rowcount) {
        this.connection = connection;
        this.statement = null;
        this.resultSet = null;
        this.readers = new ValueReader<?>[0];
        this.sourceMetadata = metadata;
        this.metadata = metadata;
        this.rowcount = rowcount;
        this.insertedKeys = List.of();
        this.echoRows = false; // the rows were echoed by the results they were read from
        this.buffered = rows.iterator();
    }

    /** Rows already fetched (insertmanyvalues gathers the rows of several statements into one result). */
    static Result ofRows(Connection connection, Result template, List<Row> rows, long rowcount) {
        return new Result(connection, template.sourceMetadata, rows, rowcount);
    }

    /**
     * The rows a statement returned into OUT parameters (Oracle's RETURNING ... INTO): named and typed by the
     * compiled statement's result columns.
     */
    static Result ofReturnedValues(Connection connection, Compiled compiled, List<Object[]> values, long rowcount) {
        List<ResultColumn> cols = compiled.resultColumns();
        String[] keys = new String[cols.size()];
        Object[] sources = new Object[cols.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = cols.get(i).name();
            sources[i] = cols.get(i).source();
        }
        RowMetadata metadata = new RowMetadata(keys, sources);
        List<Row> rows = new ArrayList<>(values.size());
        for (Object[] v : values) {
            rows.add(new Row(metadata, v));
        }
        return new Result(connection, metadata, rows, rowcount);
    }

    /**
     * Rows already fetched, in an order the engine chose, without the trailing columns it added to find that order
     * (the insert sentinel of a parameter-ordered insertmanyvalues).
     */
    static Result ofRowsDropping(Connection connection, Result template, List<Row> rows, int keptColumns) {
        int[] kept = new int[keptColumns];
        for (int i = 0; i < keptColumns; i++) {
            kept[i] = i;
        }
        RowMetadata metadata = template.sourceMetadata.subset(kept);
        List<Row> narrowed = new ArrayList<>(rows.size());
        for (Row r : rows) {
            narrowed.add(new Row(metadata, java.util.Arrays.copyOf(r.toArray(), keptColumns)));
        }
        return new Result(connection, metadata, narrowed, narrowed.size());
    }

    /** The outcome of an INSERT or UPDATE with returnDefaults(): no rows, the generated values on the side. */
    static Result ofReturnedDefaults(Connection connection, long rowcount, List<Object> keys, List<Row> defaults) {
        Result r = new Result(connection, rowcount, keys);
        r.returnedDefaults = java.util.Collections.unmodifiableList(new ArrayList<>(defaults));
        return r;
    }

    static Result ofRowcount(Connection connection, long rowcount, List<Object> insertedKeys) {
        return new Result(connection, rowcount, insertedKeys);
    }

    /** {@return true when the statement returned rows (a SELECT, or DML with RETURNING)} */
    public boolean returnsRows() {
        return resultSet != null || buffered != null;
    }

    /**
     * The number of rows an INSERT, UPDATE or DELETE matched; for executemany the total over all parameter sets.
     *
     * @return the count, or -1 when the driver did not report it (and for SELECT)
     */
    public long rowcount() {
        return rowcount;
    }

    /**
     * The primary key generated by a single-row INSERT, as the driver reported it; with {@code returnDefaults()},
     * the inserted row's key whether generated or given (a list of values for a composite key).
     *
     * @return the key, or null when none was generated or the statement was not an INSERT
     */
    public Object insertedPrimaryKey() {
        return insertedKeys.isEmpty() ? null : insertedKeys.get(0);
    }

    /** {@return every key generated by an INSERT, in insertion order (several for executemany, where the driver reports them)} */
    public List<Object> insertedPrimaryKeys() {
        return insertedKeys;
    }

    /**
     * The values the database generated for the row of an INSERT or UPDATE executed with {@code returnDefaults()}
     * (SQLAlchemy's {@code returned_defaults}): the primary key and server-default columns of an INSERT, the
     * server-updated columns of an UPDATE, by column name.
     *
     * @return the first row's values; null when the statement did not ask for them or changed no row
     */
    public Row returnedDefaults() {
        return returnedDefaults == null || returnedDefaults.isEmpty() ? null : returnedDefaults.get(0);
    }

    /**
     * The generated values of every row (SQLAlchemy's {@code returned_defaults_rows}): one per parameter set of an
     * executemany INSERT, in parameter order; one per updated row of an UPDATE. An entry is null where a database
     * without RETURNING could not tell which row was inserted (no key generated or given).
     *
     * @return the rows; empty when the statement did not ask for them
     */
    public List<Row> returnedDefaultsRows() {
        return returnedDefaults == null ? List.of() : returnedDefaults;
    }

    /** {@return the column names of the rows} */
    public List<String> keys() {
        return metadata.keys();
    }

    /**
     * Streams rows from the server in batches of {@code n} instead of letting the driver load them all
     * (SQLAlchemy's {@code yield_per}); use with {@link #partitions(int)} or plain iteration.
     *
     * @param n rows per fetch
     * @return this result
     */
    public Result yieldPer(int n) {
        requireRows();
        if (resultSet == null) {
            return this;
        }
        try {
            resultSet.setFetchSize(n);
        } catch (SQLException e) {
            throw connection.translate(e, null, null);
        }
        return this;
    }

    /**
     * Keeps only the first occurrence of each distinct row from here on.
     *
     * @return this result
     */
    public Result unique() {
        seen = new HashSet<>();
        return this;
    }

    /**
     * Narrows rows to some columns, by position, name or column object, in the order given.
     *
     * @param columns the columns to keep
     * @return this result
     */
    public Result columns(Object... columns) {
        requireRows();
        int[] idx = new int[columns.length];
        for (int i = 0; i < columns.length; i++) {
            idx[i] = sourceMetadata.indexOf(columns[i]);
        }
        projection = idx;
        metadata = sourceMetadata.subset(idx);
        return this;
    }

    @Override
    public Iterator<Row> iterator() {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return peek() != null;
            }

            @Override
            public Row next() {
                Row r = peek();
                if (r == null) {
                    throw new NoSuchElementException();
                }
                peeked = null;
                return r;
            }
        };
    }

    /** {@return the rows as a sequential stream; close the stream or read it to the end} */
    public Stream<Row> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false)
                .onClose(this::close);
    }

    private Row peek() {
        while (peeked == null && !exhausted) {
            Row r = fetch();
            if (r == null) {
                break;
            }
            if (seen == null || seen.add(r)) {
                peeked = r;
            }
        }
        return peeked;
    }

    /** The values in the projected order (after {@code columns(...)}), or as read when nothing was projected. */
    private Object[] project(Object[] values) {
        if (projection == null) {
            return values;
        }
        Object[] p = new Object[projection.length];
        for (int i = 0; i < projection.length; i++) {
            p[i] = values[projection[i]];
        }
        return p;
    }

    private Row fetch() {
        if (buffered != null) {
            if (closed || !buffered.hasNext()) {
                exhausted = true;
                closed = true;
                return null;
            }
            return new Row(metadata, project(buffered.next().toArray()));
        }
        if (resultSet == null) {
            return null;
        }
        try {
            if (closed) {
                return null;
            }
            requireConnectionOpen();
            if (!resultSet.next()) {
                exhausted = true;
                release();
                return null;
            }
            Object[] values = new Object[readers.length];
            for (int i = 0; i < readers.length; i++) {
                values[i] = readers[i].read(resultSet, i + 1);
            }
            if (echoRows) {
                echoRow(values);
            }
            return new Row(metadata, project(values));
        } catch (SQLException e) {
            throw readFailed(e);
        }
    }

    /**
     * Reads every remaining row into one array, reused from row to row, and hands it to {@code action}; closes the
     * result. For code that turns rows into its own objects (the ORM's loader does) without a {@link Row} per
     * row: the action must copy what it keeps, never the array itself. After {@code columns(...)} or
     * {@code unique()} the values are those of each row as {@link #iterator()} gives them.
     *
     * @param action called once per row with its values, in column order
     */
    public void forEachValues(java.util.function.Consumer<Object[]> action) {
        requireRows();
        if (buffered != null || projection != null || seen != null || peeked != null) {
            for (Row r : this) {
                action.accept(r.toArray());
            }
            return;
        }
        Object[] values = new Object[readers.length];
        try {
            if (!closed) {
                requireConnectionOpen();
            }
            while (!closed && resultSet.next()) {
                for (int i = 0; i < readers.length; i++) {
                    values[i] = readers[i].read(resultSet, i + 1);
                }
                if (echoRows) {
                    echoRow(values);
                }
                action.accept(values);
            }
            exhausted = true;
            release();
        } catch (SQLException e) {
            throw readFailed(e);
        }
    }

    /** A cursor lives on its connection: once the connection is closed its rows are gone. */
    private void requireConnectionOpen() {
        if (connection.isClosed() || connection.isInvalidated()) {
            String why = connection.isClosed() ? "was closed" : "was invalidated after a connection failure";
            closeQuietly();
            throw new ResourceClosedException("This result's rows can no longer be read: its Connection " + why
                    + " before they were fetched. Read the rows (all(), or iterate) before closing the connection, "
                    + "or use connection.execute(...).all() to fetch them at once");
        }
    }

    /** A read that failed: closed connection (ResourceClosedException) or a database error (translated). */
    private RuntimeException readFailed(SQLException e) {
        closeQuietly();
        if (connection.isClosed()) {
            return new ResourceClosedException("This result's rows can no longer be read: its Connection was "
                    + "closed. Read the rows before closing the connection", e);
        }
        return connection.translate(e, null, null);
    }

    private void closeQuietly() {
        try {
            close();
        } catch (RuntimeException ignored) {
            // the cursor is already unusable; the caller reports why
        }
    }

    /** {@return every remaining row; closes the result} */
    public List<Row> all() {
        requireRows();
        List<Row> out = new ArrayList<>();
        for (Row r : this) {
            out.add(r);
        }
        release();
        return out;
    }

    /**
     * Up to {@code n} further rows.
     *
     * @param n the most rows to return
     * @return the rows; fewer than {@code n} at the end, empty when none are left
     */
    public List<Row> fetchMany(int n) {
        requireRows();
        List<Row> out = new ArrayList<>(Math.min(n, 1024));
        Iterator<Row> it = iterator();
        while (out.size() < n && it.hasNext()) {
            out.add(it.next());
        }
        return out;
    }

    /**
     * The rows in lists of up to {@code size}, for processing a large result in chunks.
     *
     * @param size rows per partition
     * @return the partitions, read lazily
     */
    public Iterable<List<Row>> partitions(int size) {
        requireRows();
        if (size <= 0) {
            throw new org.retort.exc.ArgumentException("partition size must be positive, got " + size);
        }
        return () -> new Iterator<>() {
            @Override
            public boolean hasNext() {
                return peek() != null;
            }

            @Override
            public List<Row> next() {
                List<Row> chunk = fetchMany(size);
                if (chunk.isEmpty()) {
                    throw new NoSuchElementException();
                }
                return chunk;
            }
        };
    }

    /** {@return the first row, or null when there is none; closes the result} */
    public Row first() {
        requireRows();
        Row r = peek();
        peeked = null;
        close();
        return r;
    }

    /**
     * Exactly one row.
     *
     * @return the row
     * @throws NoResultFound when there is none
     * @throws MultipleResultsFound when there are more
     */
    public Row one() {
        Row r = oneOrNull();
        if (r == null) {
            throw new NoResultFound("No row was found when one was required");
        }
        return r;
    }

    /**
     * At most one row.
     *
     * @return the row, or null when there is none
     * @throws MultipleResultsFound when there are more
     */
    public Row oneOrNull() {
        requireRows();
        Row r = peek();
        peeked = null;
        if (r != null && peek() != null) {
            close();
            throw new MultipleResultsFound("Multiple rows were found when one or none was required");
        }
        close();
        return r;
    }

    /**
     * The first column of at most one row.
     *
     * @return the value, or null when there is no row
     * @throws MultipleResultsFound when there are more
     */
    public Object scalarOneOrNull() {
        Row r = oneOrNull();
        return r == null ? null : r.get(0);
    }

    /** {@return the first column of the first row, or null when there is no row; closes the result} */
    public Object scalar() {
        Row r = first();
        return r == null ? null : r.get(0);
    }

    /**
     * The first column of exactly one row.
     *
     * @return the value
     */
    public Object scalarOne() {
        return one().get(0);
    }

    /** {@return the first column of each row} */
    public ScalarResult<Object> scalars() {
        return scalars(0, Object.class);
    }

    /**
     * The first column of each row, as a type.
     *
     * @param type the class of the values
     * @param <T> the type
     * @return the values
     */
    public <T> ScalarResult<T> scalars(Class<T> type) {
        return scalars(0, type);
    }

    /**
     * One column of each row, as a type.
     *
     * @param index the column position
     * @param type the class of the values
     * @param <T> the type
     * @return the values
     */
    public <T> ScalarResult<T> scalars(int index, Class<T> type) {
        requireRows();
        return new ScalarResult<>(this, index, type);
    }

    /** {@return each row as a map from column name to value} */
    public MappingResult mappings() {
        requireRows();
        return new MappingResult(this);
    }

    Iterator<Row> rows() {
        return iterator();
    }

    private void requireRows() {
        if (resultSet == null && buffered == null) {
            throw new ResourceClosedException("This result object does not return rows (it came from an INSERT, "
                    + "UPDATE or DELETE without RETURNING); use rowcount() instead");
        }
        if (hardClosed) {
            throw new ResourceClosedException("This result object is closed: first(), one(), scalar() and close() "
                    + "end it; execute the statement again to read its rows again");
        }
    }

    /**
     * Closes the cursor; reading rows afterwards throws {@link ResourceClosedException}. Safe to call more than
     * once. A result whose rows ran out releases its cursor by itself (and then just returns no more rows).
     */
    @Override
    public void close() {
        hardClosed = resultSet != null;
        release();
    }

    private void release() {
        if (closed) {
            return;
        }
        closed = true;
        exhausted = true;
        try {
            if (resultSet != null) {
                resultSet.close();
            }
            if (statement != null) {
                connection.releaseStatement(statement);
            }
        } catch (SQLException e) {
            throw connection.translate(e, null, null);
        }
    }

    /** {@return true once the rows are exhausted or the result was closed} */
    public boolean isClosed() {
        return closed;
    }

    @Override
    public String toString() {
        return resultSet == null ? "Result(rowcount=" + rowcount + ")" : "Result(" + metadata.keys() + ")";
    }

}
