package org.retort.orm;

import java.util.Locale;

/**
 * How a {@link Registry} names the tables and columns of classes and fields that do not name them explicitly.
 * The default, {@link #SNAKE_CASE}, turns {@code emailAddress} into {@code email_address} and class
 * {@code UserAccount} into table {@code user_account}; an explicit {@code name}/{@code table} always wins.
 */
public interface NamingStrategy {

    /** camelCase to snake_case, for both tables (from the simple class name) and columns (from the field name). */
    NamingStrategy SNAKE_CASE = new NamingStrategy() {
        @Override
        public String tableName(Class<?> entityClass) {
            return snakeCase(entityClass.getSimpleName());
        }

        @Override
        public String columnName(String fieldName) {
            return snakeCase(fieldName);
        }
    };

    /** Names exactly as written in Java: table {@code UserAccount}, column {@code emailAddress}. */
    NamingStrategy AS_IS = new NamingStrategy() {
        @Override
        public String tableName(Class<?> entityClass) {
            return entityClass.getSimpleName();
        }

        @Override
        public String columnName(String fieldName) {
            return fieldName;
        }
    };

    /**
     * The table name of a class whose {@code @Entity} gives none.
     *
     * @param entityClass the class
     * @return the table name
     */
    String tableName(Class<?> entityClass);

    /**
     * The column name of a field whose {@code @MappedColumn} gives none.
     *
     * @param fieldName the Java field name
     * @return the column name
     */
    String columnName(String fieldName);

    /**
     * camelCase or PascalCase to snake_case: {@code emailAddress -> email_address}, {@code HTTPServer ->
     * http_server}, {@code address2 -> address2}.
     *
     * @param name the Java name
     * @return the snake_case name
     */
    static String snakeCase(String name) {
        StringBuilder sb = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                boolean prevLower = i > 0 && (Character.isLowerCase(name.charAt(i - 1)) || Character.isDigit(name.charAt(i - 1)));
                boolean nextLower = i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
                boolean prevUpper = i > 0 && Character.isUpperCase(name.charAt(i - 1));
                if (i > 0 && (prevLower || (prevUpper && nextLower)) && sb.charAt(sb.length() - 1) != '_') {
                    sb.append('_');
                }
                sb.append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}
