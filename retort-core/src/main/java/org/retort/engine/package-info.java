/**
 * The engine layer: {@link org.retort.engine.Engine}, {@link org.retort.engine.Connection},
 * {@link org.retort.engine.Transaction}, {@link org.retort.engine.Result} and {@link org.retort.engine.Row},
 * and the {@link org.retort.engine.URL} that names a database.
 */
package org.retort.engine;
