/** The object-relational mapper: declarative mapping, Session, unit of work and identity map. */
package org.retort.orm;
