/**
 * The SQL compiler: a visitor over the sealed expression tree that renders statements as SQL with {@code ?}
 * placeholders for one dialect (SQLAlchemy's {@code SQLCompiler}). {@link org.retort.sql.compiler.SqlCompiler}
 * renders standard SQL; each dialect package has a subclass overriding only what its database does differently.
 * The base is split by concern, each layer extending the one before: {@link org.retort.sql.compiler.CompilerBase}
 * (state, bind parameters, literals), {@link org.retort.sql.compiler.ExpressionCompiler} (operators),
 * {@link org.retort.sql.compiler.FunctionCompiler} (functions, windows, ORDER BY items),
 * {@link org.retort.sql.compiler.FromCompiler} (FROM items, joins, CTEs), {@link org.retort.sql.compiler.SelectCompiler}
 * (SELECT, set operations, paging, locking), {@link org.retort.sql.compiler.DmlCompiler} (INSERT, UPDATE, DELETE,
 * upserts, RETURNING); {@link org.retort.sql.compiler.CompilerOutput} holds the text and bind slots.
 */
package org.retort.sql.compiler;
