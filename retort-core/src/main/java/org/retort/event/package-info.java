/**
 * Event listeners for engines, connections and pools (SQLAlchemy's {@code event.listen} on
 * {@code ConnectionEvents}, {@code DialectEvents.handle_error} and {@code PoolEvents}).
 *
 * <pre>{@code
 * engine.events().onBeforeCursorExecute(e -> e.statement() + " -- app=billing");
 * engine.events().onHandleError(ctx -> ctx.isDisconnect() ? new MyOutage(ctx.exception()) : null);
 * engine.events().pool().onCheckout(raw -> metrics.increment("checkout"));
 * }</pre>
 *
 * <p>Register on {@link org.retort.engine.Engine#events()}; every connection of the engine, and of its
 * {@code executionOptions(...)} copies, fires them. Each registration returns a {@link org.retort.event.Registration}
 * that removes the listener again.
 */
package org.retort.event;
