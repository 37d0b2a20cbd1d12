package org.retort.orm;

import java.time.LocalDateTime;
import java.util.function.Supplier;
import org.retort.orm.annotation.Entity;
import org.retort.orm.annotation.MappedColumn;
import org.retort.orm.annotation.Transient;
import org.retort.orm.metamodel.ColumnAttribute;

/** The mapped classes the ORM tests share, with hand-written metamodel classes in the processor's form. */
public final class Model {
    private Model() {
    }

    public static Registry registry() {
        return Registry.of(User.class, Address.class, Membership.class);
    }

    @Entity(table = "user_account")
    public static class User {
        @MappedColumn(primaryKey = true)
        Long id;
        @MappedColumn(length = 30, nullable = false)
        String name;
        @MappedColumn(length = 50)
        String fullname;
        @MappedColumn(defaultValue = "0")
        Integer karma;
        @Transient
        String scratch;

        public User() {
        }

        public User(String name, String fullname) {
            this.name = name;
            this.fullname = fullname;
        }

        @Override
        public String toString() {
            return "User(" + id + ", " + name + ")";
        }
    }

    public static final class User_ {
        static final ColumnAttribute<User, Long> id = ColumnAttribute.of(User.class, "id", Long.class);
        static final ColumnAttribute<User, String> name = ColumnAttribute.of(User.class, "name", String.class);
        static final ColumnAttribute<User, String> fullname = ColumnAttribute.of(User.class, "fullname", String.class);
        static final ColumnAttribute<User, Integer> karma = ColumnAttribute.of(User.class, "karma", Integer.class);

        private User_() {
        }
    }

    /** Supplies the creation time of a new address. */
    public static final class Now implements Supplier<LocalDateTime> {
        @Override
        public LocalDateTime get() {
            return LocalDateTime.of(2024, 1, 2, 3, 4, 5);
        }
    }

    @Entity(table = "address")
    public static class Address {
        @MappedColumn(primaryKey = true)
        Long id;
        @MappedColumn(length = 100, nullable = false, unique = true)
        String emailAddress;
        @MappedColumn(foreignKey = "user_account.id")
        Long userId;
        @MappedColumn(insertDefault = Now.class)
        LocalDateTime created;
        @MappedColumn(length = 10, serverDefault = "'home'")
        String kind;

        public Address() {
        }

        public Address(String emailAddress, Long userId) {
            this.emailAddress = emailAddress;
            this.userId = userId;
        }
    }

    public static final class Address_ {
        static final ColumnAttribute<Address, Long> id = ColumnAttribute.of(Address.class, "id", Long.class);
        static final ColumnAttribute<Address, String> emailAddress =
                ColumnAttribute.of(Address.class, "emailAddress", String.class);
        static final ColumnAttribute<Address, Long> userId = ColumnAttribute.of(Address.class, "userId", Long.class);

        private Address_() {
        }
    }

    /** A composite primary key. */
    @Entity
    public static class Membership {
        @MappedColumn(primaryKey = true, length = 20)
        String club;
        @MappedColumn(primaryKey = true)
        int member;
        @MappedColumn(length = 20)
        String role;

        public Membership() {
        }

        public Membership(String club, int member, String role) {
            this.club = club;
            this.member = member;
            this.role = role;
        }
    }
}
