package org.retort.examples.orm;

import static org.retort.orm.Orm.select;
import static org.retort.sql.Sql.func;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.retort.engine.Engine;
import org.retort.orm.OrmRow;
import org.retort.orm.Registry;
import org.retort.orm.Session;
import org.retort.orm.SessionFactory;

/**
 * The ORM end to end on SQLite in memory: mapped classes, the generated metamodel ({@code Customer_},
 * {@code Purchase_}, written by retort-processor during this module's build), the unit of work, the identity
 * map, dirty checking of a plain field assignment, and a query mixing entities and aggregates.
 */
public final class OrmTour {
    private OrmTour() {
    }

    /**
     * Runs the tour.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        try (Engine engine = Engine.builder("sqlite://").echo(true).build()) {
            Registry registry = Registry.of(Customer.class, Purchase.class);
            registry.metadata().createAll(engine);
            SessionFactory sessions = SessionFactory.builder(engine).registry(registry).build();

            try (Session session = sessions.open()) {
                Customer ada = new Customer("Ada", "UK");
                Customer grace = new Customer("Grace", "USA");
                session.addAll(List.of(ada, grace));
                session.flush();                                       // INSERT ... RETURNING id
                session.addAll(List.of(new Purchase(ada.id, "19.99", LocalDate.of(2026, 1, 5)),
                        new Purchase(ada.id, "5.01", LocalDate.of(2026, 2, 1)),
                        new Purchase(grace.id, "100.00", LocalDate.of(2026, 2, 3))));
                session.commit();
                System.out.println("\nCustomers got keys " + ada.id + " and " + grace.id);
            }

            try (Session session = sessions.open()) {
                Customer grace = session.scalars(select(Customer.class).where(Customer_.name.eq("Grace"))).one();
                System.out.println("Loaded " + grace);
                System.out.println("Same object from the identity map: "
                        + (session.get(Customer.class, grace.id) == grace));
                grace.credit = new BigDecimal("25.00");                 // a plain assignment is a change
                System.out.println("Modified: " + session.isModified(grace));
                session.commit();                                      // UPDATE customer SET credit=? WHERE ...

                System.out.println("\nSpending per customer:");
                for (OrmRow row : session.execute(select(Customer.class, func.sum(Purchase_.amount).label("spent"))
                        .join(Purchase.class).groupBy(Customer_.id).orderBy(Customer_.name))) {
                    Customer c = row.get(0, Customer.class);
                    System.out.println("  " + c.name + " (" + c.country + "): " + row.get(1)
                            + ", credit " + c.credit);
                }
            }
        }
    }
}
