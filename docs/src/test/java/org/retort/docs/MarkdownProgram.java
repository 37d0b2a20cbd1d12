package org.retort.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the {@code ```java} blocks of one Markdown page into one Java class: {@code import} lines are hoisted,
 * blocks that declare a type become static nested types, and everything else is concatenated, in page order,
 * into the body of {@code run(Engine engine)}. Blocks fenced as {@code ```java no-run} are skipped.
 */
final class MarkdownProgram {
    static final List<String> DEFAULT_IMPORTS = List.of(
            "import java.util.*;",
            "import java.time.*;",
            "import java.math.BigDecimal;",
            "import org.retort.engine.*;",
            "import org.retort.exc.*;",
            "import org.retort.sql.*;",
            "import static org.retort.sql.Sql.*;");
    private static final Pattern TYPE_DECL = Pattern.compile(
            "^(@[\\w.]+(\\(.*\\))?\\s*)*((public|private|protected|static|final|abstract|sealed)\\s+)*(class|record|enum|interface)\\s+\\w+.*",
            Pattern.DOTALL);

    final Path source;
    final String className;
    final List<String> lines = new ArrayList<>();
    final List<String> origins = new ArrayList<>();
    final int blockCount;

    private MarkdownProgram(Path source, String className, int blockCount) {
        this.source = source;
        this.className = className;
        this.blockCount = blockCount;
    }

    static MarkdownProgram parse(Path md, String className) throws IOException {
        List<String> all = Files.readAllLines(md);
        List<Block> blocks = new ArrayList<>();
        Block cur = null;
        for (int i = 0; i < all.size(); i++) {
            String line = all.get(i);
            String trimmed = line.strip();
            if (cur == null && trimmed.startsWith("```java")) {
                boolean run = !trimmed.contains("no-run");
                cur = new Block(run, i + 2);
            } else if (cur != null && trimmed.equals("```")) {
                if (cur.run) {
                    blocks.add(cur);
                }
                cur = null;
            } else if (cur != null) {
                cur.lines.add(line);
            }
        }
        MarkdownProgram p = new MarkdownProgram(md, className, blocks.size());
        Set<String> imports = new LinkedHashSet<>(DEFAULT_IMPORTS);
        List<String[]> types = new ArrayList<>();
        List<String[]> body = new ArrayList<>();
        String file = md.getFileName().toString();
        for (Block b : blocks) {
            List<String[]> rest = new ArrayList<>();
            for (int j = 0; j < b.lines.size(); j++) {
                String l = b.lines.get(j);
                if (l.strip().startsWith("import ")) {
                    imports.add(l.strip());
                } else {
                    rest.add(new String[] {l, file + ":" + (b.firstLine + j)});
                }
            }
            splitTypesFromStatements(rest, types, body);
        }
        p.add("package org.retort.docs.generated;", "generated");
        for (String imp : imports) {
            p.add(imp, "generated import");
        }
        p.add("@SuppressWarnings(\"all\")", "generated");
        p.add("public class " + className + " {", "generated");
        for (String[] t : types) {
            p.add(t[0], t[1]);
        }
        p.add("public static void run(Engine engine) throws Exception {", "generated");
        for (String[] s : body) {
            p.add(s[0], s[1]);
        }
        p.add("}", "generated");
        p.add("}", "generated");
        return p;
    }

    /**
     * Splits a block's lines into top-level type declarations (a line at brace depth 0 that starts a class,
     * record, enum or interface, possibly after annotations, up to its closing brace) and statements.
     */
    private static void splitTypesFromStatements(List<String[]> lines, List<String[]> types, List<String[]> body) {
        int i = 0;
        while (i < lines.size()) {
            if (startsType(lines, i)) {
                int depth = 0;
                boolean opened = false;
                int j = i;
                for (; j < lines.size(); j++) {
                    String l = lines.get(j)[0];
                    if (j == i || !opened) {
                        String t = l.stripLeading();
                        if (t.matches("^(public |final |abstract )*class .*")) {
                            l = l.replaceFirst("^(\\s*)", "$1static ");
                        }
                    }
                    types.add(new String[] {l, lines.get(j)[1]});
                    depth += braces(lines.get(j)[0]);
                    opened |= lines.get(j)[0].contains("{");
                    if (opened && depth == 0) {
                        break;
                    }
                }
                i = j + 1;
            } else {
                body.add(lines.get(i));
                i++;
            }
        }
    }

    private static boolean startsType(List<String[]> lines, int i) {
        StringBuilder head = new StringBuilder();
        for (int j = i; j < lines.size() && j < i + 6; j++) {
            String t = lines.get(j)[0].strip();
            if (j == i && !(t.startsWith("@") || TYPE_DECL.matcher(t).matches())) {
                return false;
            }
            head.append(t).append(' ');
            if (!t.startsWith("@")) {
                break;
            }
        }
        return TYPE_DECL.matcher(head.toString().strip()).matches();
    }

    private static int braces(String line) {
        int d = 0;
        boolean inString = false;
        for (int k = 0; k < line.length(); k++) {
            char c = line.charAt(k);
            if (c == '"' && (k == 0 || line.charAt(k - 1) != '\\')) {
                inString = !inString;
            } else if (!inString && c == '{') {
                d++;
            } else if (!inString && c == '}') {
                d--;
            } else if (!inString && c == '/' && k + 1 < line.length() && line.charAt(k + 1) == '/') {
                break;
            }
        }
        return d;
    }

    private void add(String line, String origin) {
        lines.add(line);
        origins.add(origin);
    }

    String code() {
        return String.join("\n", lines) + "\n";
    }

    String origin(long generatedLine) {
        int i = (int) generatedLine - 1;
        return i >= 0 && i < origins.size() ? origins.get(i) : "?";
    }

    private static final class Block {
        final boolean run;
        final int firstLine;
        final List<String> lines = new ArrayList<>();

        Block(boolean run, int firstLine) {
            this.run = run;
            this.firstLine = firstLine;
        }
    }
}
