package org.retort.sql.internal;

import java.sql.CallableStatement;
import java.sql.Types;
import java.util.Map;
import org.retort.exc.InvalidRequestException;
import org.retort.sql.BindSlot;
import org.retort.types.ValueBinder;

/**
 * OUT parameters (Oracle's {@code RETURNING ... INTO ?}): the binder of an OUT position registers it on the
 * {@link CallableStatement} with the JDBC type of its Java class instead of setting a value, so binding a compiled
 * statement prepares its OUT parameters by construction, in placeholder order.
 */
public final class OutParameters {
    private static final Map<Class<?>, Integer> JDBC_TYPES = Map.ofEntries(
            Map.entry(Integer.class, Types.INTEGER), Map.entry(Long.class, Types.BIGINT),
            Map.entry(Short.class, Types.SMALLINT), Map.entry(String.class, Types.VARCHAR),
            Map.entry(java.math.BigDecimal.class, Types.NUMERIC), Map.entry(Double.class, Types.DOUBLE),
            Map.entry(Float.class, Types.REAL), Map.entry(Boolean.class, Types.BOOLEAN),
            Map.entry(java.time.LocalDate.class, Types.DATE), Map.entry(java.time.LocalDateTime.class, Types.TIMESTAMP),
            Map.entry(java.time.LocalTime.class, Types.TIME),
            Map.entry(java.time.OffsetDateTime.class, Types.TIMESTAMP_WITH_TIMEZONE),
            Map.entry(byte[].class, Types.VARBINARY), Map.entry(java.util.UUID.class, Types.VARBINARY));

    private OutParameters() {
    }

    /**
     * The JDBC type an OUT parameter of this Java class is registered with; {@link Types#OTHER} for a class not
     * listed, which the driver then types itself.
     *
     * @param javaType the Java class of the returned values
     * @return a {@link Types} constant
     */
    public static int jdbcType(Class<?> javaType) {
        return JDBC_TYPES.getOrDefault(javaType, Types.OTHER);
    }

    /**
     * The binder of an OUT position: it registers the parameter, and refuses a statement that is not callable.
     *
     * @param slot the OUT slot
     * @return the binder
     */
    public static ValueBinder<Object> registering(BindSlot slot) {
        int type = jdbcType(slot.type().javaType());
        return (statement, index, value) -> {
            if (!(statement instanceof CallableStatement call)) {
                throw new InvalidRequestException("Bind parameter '" + slot.name() + "' is an OUT parameter "
                        + "(RETURNING ... INTO); the statement must run as a CallableStatement, as Connection.execute "
                        + "runs it");
            }
            call.registerOutParameter(index, type);
        };
    }
}
