package org.retort.examples.orm;

import java.math.BigDecimal;
import org.retort.orm.annotation.Entity;
import org.retort.orm.annotation.MappedColumn;

/** A customer: a plain class, mapped by annotations; its metamodel {@code Customer_} is generated at build time. */
@Entity(table = "customer")
public class Customer {
    @MappedColumn(primaryKey = true)
    Long id;
    @MappedColumn(length = 40, nullable = false)
    String name;
    @MappedColumn(length = 40)
    String country;
    @MappedColumn(precision = 10, scale = 2, defaultValue = "0")
    BigDecimal credit;

    Customer() {
    }

    Customer(String name, String country) {
        this.name = name;
        this.country = country;
    }

    @Override
    public String toString() {
        return "Customer(" + id + ", " + name + ", " + country + ", credit " + credit + ")";
    }
}
