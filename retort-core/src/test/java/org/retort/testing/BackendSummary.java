package org.retort.testing;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Counts test invocations per backend and prints a summary when the test run ends, so a run shows which
 * backends were really exercised and which were skipped.
 */
public final class BackendSummary implements TestExecutionListener {
    private static final Map<Backend, AtomicInteger> RAN = new EnumMap<>(Backend.class);
    private static final Map<Backend, AtomicInteger> FAILED = new EnumMap<>(Backend.class);
    private static final Map<Backend, String> SKIPPED = new EnumMap<>(Backend.class);

    static {
        for (Backend b : Backend.values()) {
            RAN.put(b, new AtomicInteger());
            FAILED.put(b, new AtomicInteger());
        }
    }

    static void ran(Backend b, boolean failed) {
        RAN.get(b).incrementAndGet();
        if (failed) {
            FAILED.get(b).incrementAndGet();
        }
    }

    static synchronized void skipped(Backend b, String reason) {
        if (SKIPPED.putIfAbsent(b, reason) == null) {
            System.out.println("NOTICE: backend " + b.label() + " is unreachable and its tests are skipped: " + reason);
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        int total = RAN.values().stream().mapToInt(AtomicInteger::get).sum();
        if (total == 0 && SKIPPED.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder("Retort backend summary:");
        for (Backend b : Backend.values()) {
            sb.append("\n  ").append(String.format("%-14s", b.label()));
            if (SKIPPED.containsKey(b)) {
                sb.append("SKIPPED (").append(SKIPPED.get(b)).append(')');
            } else {
                sb.append(RAN.get(b).get()).append(" test invocations run, ").append(FAILED.get(b).get()).append(" failed");
            }
        }
        System.out.println(sb);
    }
}
