/**
 * Loader options: how a query loads relationships ({@link org.retort.orm.loading.Load#selectinload},
 * {@link org.retort.orm.loading.Load#joinedload}, {@link org.retort.orm.loading.Load#raiseload}, ...).
 */
package org.retort.orm.loading;
