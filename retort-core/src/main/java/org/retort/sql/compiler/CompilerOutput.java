package org.retort.sql.compiler;

import java.util.ArrayList;
import java.util.List;
import org.retort.sql.BindSlot;

/**
 * The SQL being written: text fragments around bind slots. Parts of a statement (the WITH clause, for one)
 * are written into their own output and spliced in place afterwards with {@link #append(CompilerOutput)}.
 */
public final class CompilerOutput {
    /** Creates an empty output. */
    public CompilerOutput() {
    }

    private final StringBuilder current = new StringBuilder();
    private final List<String> fragments = new ArrayList<>();
    private final List<BindSlot> slots = new ArrayList<>();
    /** Where the one VALUES row of a single-row INSERT starts and ends, when the compiler marked it. */
    private int[] groupStart;
    private int[] groupEnd;

    /**
     * Appends SQL text.
     *
     * @param text the text
     * @return this output
     */
    public CompilerOutput text(String text) {
        current.append(text);
        return this;
    }

    /**
     * Appends a {@code ?} placeholder for a bind slot.
     *
     * @param slot the slot
     */
    public void slot(BindSlot slot) {
        fragments.add(current.toString());
        current.setLength(0);
        slots.add(slot);
    }

    /** Marks the current position as the start of the VALUES row of a single-row INSERT (before its "("). */
    public void markValuesGroupStart() {
        groupStart = new int[] {fragments.size(), current.length()};
    }

    /** Marks the current position as the end of the VALUES row of a single-row INSERT (after its ")"). */
    public void markValuesGroupEnd() {
        groupEnd = new int[] {fragments.size(), current.length()};
    }

    /**
     * {@return the marked VALUES row as {start fragment, offset in it, end fragment, offset in it}, or null when
     * none was marked}
     */
    public int[] valuesGroup() {
        return groupStart == null || groupEnd == null
                ? null : new int[] {groupStart[0], groupStart[1], groupEnd[0], groupEnd[1]};
    }

    /**
     * Appends another output, text and slots; a VALUES row marked in it stays marked here.
     *
     * @param other the output to splice in
     */
    public void append(CompilerOutput other) {
        if (other.groupStart != null) {
            groupStart = shifted(other.groupStart);
        }
        if (other.groupEnd != null) {
            groupEnd = shifted(other.groupEnd);
        }
        if (other.slots.isEmpty()) {
            current.append(other.current);
            return;
        }
        current.append(other.fragments.get(0));
        fragments.add(current.toString());
        current.setLength(0);
        for (int i = 1; i < other.fragments.size(); i++) {
            fragments.add(other.fragments.get(i));
        }
        slots.addAll(other.slots);
        current.append(other.current);
    }

    /** Where a position of an output about to be appended lands in this one. */
    private int[] shifted(int[] mark) {
        return mark[0] == 0
                ? new int[] {fragments.size(), current.length() + mark[1]}
                : new int[] {fragments.size() + mark[0], mark[1]};
    }

    /** {@return true when nothing was written} */
    public boolean isEmpty() {
        return current.isEmpty() && slots.isEmpty();
    }

    /** {@return the fragments, one more than the slots} */
    public List<String> fragments() {
        List<String> f = new ArrayList<>(fragments);
        f.add(current.toString());
        return f;
    }

    /** {@return the slots in placeholder order} */
    public List<BindSlot> slots() {
        return slots;
    }

    /** {@return the SQL with {@code ?} for every slot} */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (String f : fragments) {
            sb.append(f).append('?');
        }
        return sb.append(current).toString();
    }
}
