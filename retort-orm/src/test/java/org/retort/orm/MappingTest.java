package org.retort.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.retort.schema.Schema.column;
import static org.retort.schema.Schema.primaryKey;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.retort.exc.ArgumentException;
import org.retort.orm.annotation.Entity;
import org.retort.orm.annotation.MappedColumn;
import org.retort.orm.metamodel.ColumnAttribute;
import org.retort.schema.Column;
import org.retort.schema.MetaData;
import org.retort.schema.Table;
import org.retort.types.Types;
import org.retort.orm.mapping.Mapper;
import org.retort.orm.mapping.ColumnProperty;

/** Declarative and imperative mapping, naming, type derivation and mapping errors (no database). */
class MappingTest {

    enum Status { NEW, DONE }

    @Entity
    static class OrderLine {
        @MappedColumn(primaryKey = true)
        long id;
        @MappedColumn(nullable = false, length = 40)
        String productName;
        int quantity;
        @MappedColumn(precision = 10, scale = 2)
        BigDecimal unitPrice;
        LocalDate shipDate;
        LocalDateTime createdAt;
        UUID trackingId;
        byte[] barcode;
        @MappedColumn(defaultValue = "NEW")
        Status status;
        Boolean gift;
        JsonNode extra;
        @MappedColumn(name = "note_text", comment = "free text")
        String note;
        transient String cache;
        static int counter;

        private OrderLine() {
        }
    }

    @Test
    void derivesTableColumnsTypesAndNullabilityFromTheClass() {
        Registry r = Registry.of(OrderLine.class);
        Table t = r.metadata().table("order_line");
        assertThat(t.columnNames()).containsExactly("id", "product_name", "quantity", "unit_price", "ship_date",
                "created_at", "tracking_id", "barcode", "status", "gift", "extra", "note_text");
        assertThat(t.c("id").isPrimaryKey()).isTrue();
        assertThat(t.c("id").isAutoincrement()).isTrue();
        assertThat(t.c("product_name").type()).isEqualTo(Types.VARCHAR(40));
        assertThat(t.c("product_name").isNullable()).isFalse();
        assertThat(t.c("quantity").type()).isEqualTo(Types.INTEGER);
        assertThat(t.c("quantity").isNullable()).as("primitive").isFalse();
        assertThat(t.c("unit_price").type()).isEqualTo(Types.NUMERIC(10, 2));
        assertThat(t.c("ship_date").type()).isEqualTo(Types.DATE);
        assertThat(t.c("created_at").type()).isEqualTo(Types.DATETIME);
        assertThat(t.c("tracking_id").type()).isEqualTo(Types.UUID);
        assertThat(t.c("barcode").type()).isEqualTo(Types.LARGE_BINARY);
        assertThat(t.c("status").type()).isEqualTo(Types.ENUM(Status.class));
        assertThat(t.c("status").insertDefault().evaluate()).isEqualTo(Status.NEW);
        assertThat(t.c("gift").type()).isEqualTo(Types.BOOLEAN);
        assertThat(t.c("gift").isNullable()).isTrue();
        assertThat(t.c("extra").type().javaType()).isEqualTo(JsonNode.class);
        assertThat(t.c("note_text").comment()).isEqualTo("free text");
        Mapper<OrderLine> m = r.mapper(OrderLine.class);
        assertThat(m.property("productName").column()).isSameAs(t.c("product_name"));
        assertThat(m.primaryKey()).extracting(ColumnProperty::name).containsExactly("id");
        OrderLine line = m.newInstance();
        m.property("productName").set(line, "widget");
        m.property("quantity").set(line, 3L);
        assertThat(line.productName).isEqualTo("widget");
        assertThat(line.quantity).isEqualTo(3);
        m.property("quantity").set(line, null);
        assertThat(line.quantity).as("null into a primitive field").isZero();
    }

    @Entity(table = "parent_thing")
    static class ParentThing {
        @MappedColumn(primaryKey = true)
        Integer id;
    }

    @Entity
    static class ChildThing {
        @MappedColumn(primaryKey = true)
        Integer id;
        @MappedColumn(foreignKey = "parent_thing.id", nullable = false)
        Integer parentId;
    }

    @Test
    void foreignKeysAndTheMetamodelResolveToTheMappedColumns() {
        Registry r = Registry.of(ParentThing.class, ChildThing.class);
        Table child = r.metadata().table("child_thing");
        assertThat(child.referredTables()).containsExactly(r.metadata().table("parent_thing"));
        ColumnAttribute<ChildThing, Integer> parentId = ColumnAttribute.of(ChildThing.class, "parentId", Integer.class);
        assertThat(parentId.column()).isSameAs(child.c("parent_id"));
        assertThat(org.retort.sql.Sql.select(parentId).where(parentId.eq(5)).toString())
                .contains("FROM child_thing").contains("WHERE child_thing.parent_id = ");
        assertThat(r.metadata().sortedTables()).extracting(Table::name).containsExactly("parent_thing", "child_thing");
    }

    @Test
    void namingStrategyAndMetaDataAreChosenByTheBuilder() {
        MetaData md = new MetaData();
        Registry r = Registry.builder().metadata(md).namingStrategy(NamingStrategy.AS_IS).build(ParentThing.class);
        assertThat(r.metadata()).isSameAs(md);
        assertThat(md.table("parent_thing").columnNames()).containsExactly("id");
        assertThat(NamingStrategy.snakeCase("emailAddress")).isEqualTo("email_address");
        assertThat(NamingStrategy.snakeCase("HTTPServerURL2")).isEqualTo("http_server_url2");
        assertThat(NamingStrategy.snakeCase("UserAccount")).isEqualTo("user_account");
    }

    /** A class mapped without annotations. */
    static class Point {
        Long id;
        int x;
        int y;
        String label;
    }

    @Test
    void imperativeMappingMapsAPlainClassToAnExistingTable() {
        MetaData md = new MetaData();
        Table points = md.table("points", column("pid", Types.BIGINT, primaryKey()), column("x_coord", Types.INTEGER),
                column("y_coord", Types.INTEGER));
        Registry r = Registry.builder().metadata(md).build();
        Mapper<Point> m = r.mapImperatively(Point.class, points, Map.of("id", "pid", "x", "x_coord", "y", "y_coord"));
        assertThat(m.properties()).extracting(ColumnProperty::name).containsExactly("id", "x", "y");
        assertThat(m.property("x").column()).isSameAs((Column<?>) points.c("x_coord"));
        assertThatThrownBy(() -> r.mapImperatively(Point.class, points, Map.of()))
                .hasMessageContaining("already mapped");
        Registry r2 = Registry.builder().metadata(md).build();
        assertThatThrownBy(() -> r2.mapImperatively(Point.class, points, Map.of("id", "pid", "z", "x_coord")))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("no field 'z'");
        assertThatThrownBy(() -> r2.mapImperatively(Point.class, points, Map.of("id", "pid", "label", "lbl")))
                .hasMessageContaining("no column 'lbl'");
        assertThatThrownBy(() -> r2.mapImperatively(Point.class, points, Map.of("x", "x_coord")))
                .hasMessageContaining("primary key column 'pid'");
    }

    @Entity
    static class NoKey {
        String name;
    }

    @Entity
    static class BadForeignKey {
        @MappedColumn(primaryKey = true)
        Long id;
        @MappedColumn(foreignKey = "nowhere.id")
        Long nowhereId;
    }

    @Entity
    static class BadType {
        @MappedColumn(primaryKey = true)
        Long id;
        List<String> tags;
    }

    @Entity
    record Frozen(Long id) {
    }

    @Entity
    static class FinalField {
        @MappedColumn(primaryKey = true)
        final Long id = 1L;
    }

    @Entity
    class Inner {
        @MappedColumn(primaryKey = true)
        Long id;
    }

    @Entity
    static class NoConstructor {
        @MappedColumn(primaryKey = true)
        Long id;

        NoConstructor(Long id) {
            this.id = id;
        }
    }

    @Entity
    static class BadDefault {
        @MappedColumn(primaryKey = true)
        Long id;
        @MappedColumn(defaultValue = "lots")
        Integer count;
    }

    static class NotAnnotated {
        Long id;
    }

    @Test
    void mappingErrorsNameTheClassAndFieldAndSayWhatToDo() {
        assertThatThrownBy(() -> Registry.of(NoKey.class)).isInstanceOf(ArgumentException.class)
                .hasMessageContaining(NoKey.class.getName()).hasMessageContaining("primaryKey = true");
        assertThatThrownBy(() -> Registry.of(BadForeignKey.class))
                .hasMessageContaining(BadForeignKey.class.getName()).hasMessageContaining("nowhereId")
                .hasMessageContaining("nowhere");
        assertThatThrownBy(() -> Registry.of(BadType.class))
                .hasMessageContaining(BadType.class.getName() + ".tags").hasMessageContaining("java.util.List")
                .hasMessageContaining("@Transient");
        assertThatThrownBy(() -> Registry.of(Frozen.class)).hasMessageContaining("Record")
                .hasMessageContaining("immutable");
        assertThatThrownBy(() -> Registry.of(FinalField.class)).hasMessageContaining(".id is final");
        assertThatThrownBy(() -> Registry.of(Inner.class)).hasMessageContaining("inner class");
        assertThatThrownBy(() -> Registry.of(NoConstructor.class)).hasMessageContaining("no-argument constructor");
        assertThatThrownBy(() -> Registry.of(BadDefault.class)).hasMessageContaining(".count")
                .hasMessageContaining("\"lots\"");
        assertThatThrownBy(() -> Registry.of(NotAnnotated.class)).hasMessageContaining("@Entity");
    }
}
