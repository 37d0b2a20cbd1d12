package org.retort.schema;

import org.retort.dialect.Dialect;
import org.retort.sql.Compiled;
import org.retort.sql.Executable;
import org.retort.sql.StatementKind;

/**
 * A DDL statement as an executable value (SQLAlchemy's {@code sqlalchemy.schema.CreateTable} and friends):
 * {@code conn.execute(new CreateTable(users))}, or {@code new CreateTable(users).compile(dialect).sql()} to print
 * it without a connection. Each dialect's {@link DdlCompiler} renders it.
 */
public sealed interface DdlElement extends Executable permits CreateTable, DropTable, CreateIndex, DropIndex,
        CreateSequence, DropSequence, AddConstraint, DropConstraint, CreateEnumType, DropEnumType, SetTableComment,
        SetColumnComment {

    @Override
    default Compiled compile(Dialect dialect) {
        return Compiled.ofSql(dialect, StatementKind.DDL, dialect.ddlCompiler().compile(this));
    }

    @Override
    default Compiled compile(Dialect dialect, org.retort.sql.SchemaTranslateMap schemas) {
        return Compiled.ofSql(dialect, StatementKind.DDL, dialect.ddlCompiler().schemaTranslateMap(schemas).compile(this));
    }
}
