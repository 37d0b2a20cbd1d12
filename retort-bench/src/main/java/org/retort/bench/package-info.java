/** The performance suite: workloads run through raw JDBC, Retort Core and Retort ORM. */
package org.retort.bench;
