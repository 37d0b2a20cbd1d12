package org.retort.examples.orm;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.retort.orm.annotation.Entity;
import org.retort.orm.annotation.MappedColumn;

/** A purchase by a customer; {@code customerId} is a foreign key, so purchases are inserted after customers. */
@Entity(table = "purchase")
public class Purchase {
    @MappedColumn(primaryKey = true)
    Long id;
    @MappedColumn(foreignKey = "customer.id", nullable = false)
    Long customerId;
    @MappedColumn(precision = 10, scale = 2, nullable = false)
    BigDecimal amount;
    LocalDate day;

    Purchase() {
    }

    Purchase(Long customerId, String amount, LocalDate day) {
        this.customerId = customerId;
        this.amount = new BigDecimal(amount);
        this.day = day;
    }
}
