package org.retort.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The BOM names exactly the modules that are published (those whose pom sets {@code retort.jarless} to false), at
 * the reactor's version, so importing it can never miss a module or pin a stale one.
 */
class BomTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @Test
    void theBomListsEveryPublishedModuleAtTheReactorsVersion() throws IOException {
        String parent = Files.readString(ROOT.resolve("pom.xml"));
        TreeSet<String> published = new TreeSet<>();
        for (String module : all(parent, "<module>([^<]+)</module>")) {
            String pom = Files.readString(ROOT.resolve(module).resolve("pom.xml"));
            if (pom.contains("<retort.jarless>false</retort.jarless>")) {
                published.add(first(pom.replaceFirst("(?s)<parent>.*?</parent>", ""), "<artifactId>([^<]+)</artifactId>"));
            }
        }
        String bom = Files.readString(ROOT.resolve("retort-bom/pom.xml"));
        TreeSet<String> listed = new TreeSet<>(all(bom, "<artifactId>(retort-[^<]+)</artifactId><version>"));
        assertThat(listed).isEqualTo(published).contains("retort-core", "retort-orm", "retort-spring-boot-starter");
        String reactorVersion = first(parent.replaceFirst("(?s)<parent>.*?</parent>", ""), "<version>([^<]+)</version>");
        assertThat(first(bom, "<version>([^<]+)</version>")).isEqualTo(reactorVersion);
    }

    private static List<String> all(String text, String regex) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            out.add(m.group(1).strip());
        }
        return out;
    }

    private static String first(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(regex).isTrue();
        return m.group(1);
    }
}
