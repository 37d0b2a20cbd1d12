/**
 * The SQL compiler: a visitor over the sealed expression tree that renders statements as SQL with {@code ?}
 * placeholders for one dialect (SQLAlchemy's {@code SQLCompiler}). {@link org.retort.sql.compiler.SqlCompiler}
 * renders standard SQL; each dialect package has a subclass overriding only what its database does differently.
 * The base is split by concern: {@link org.retort.sql.compiler.CompilerOutput} (text and bind slots),
 * {@link org.retort.sql.compiler.ExpressionCompiler}, {@link org.retort.sql.compiler.SelectCompiler},
 * {@link org.retort.sql.compiler.DmlCompiler}.
 */
package org.retort.sql.compiler;
