package org.alliancesearch.portal.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every message bundle of the portal (found by its {@code @MessageBundle} annotation in the sources, so a new feature's
 * bundle is checked without being listed here): every key exists in English and Japanese with the same parameters, and
 * every key is used, by a template ({@code {bundle:key}}) or by Java (a call of the bundle method, {@code .key(} or
 * {@code ::key}, such as a code-to-text table).
 */
class MessageBundleTest {
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern BUNDLE = Pattern.compile("@MessageBundle\\((?:value\\s*=\\s*)?\"(\\w+)\"");

    record Bundle(Class<?> type, String name) {
    }

    static Properties load(String name) throws IOException {
        Properties props = new Properties();
        try (InputStream in = MessageBundleTest.class.getResourceAsStream("/messages/" + name)) {
            assertThat(in).as(name).isNotNull();
            props.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return props;
    }

    /** The portal's bundles, from the sources. */
    static List<Bundle> bundles() throws IOException {
        List<Bundle> bundles = new ArrayList<>();
        for (Path file : files(SOURCES, ".java")) {
            String source = Files.readString(file);
            Matcher m = BUNDLE.matcher(source);
            if (m.find()) {
                String type = SOURCES.relativize(file).toString().replace('/', '.').replace('\\', '.')
                        .replaceAll("\\.java$", "");
                try {
                    bundles.add(new Bundle(Class.forName(type), m.group(1)));
                } catch (ClassNotFoundException e) {
                    throw new AssertionError(type, e);
                }
            }
        }
        return bundles;
    }

    @Test
    void everyBundleIsFound() throws IOException {
        List<Bundle> bundles = bundles();
        assertThat(bundles).extracting(Bundle::name).contains("msg", "apikey", "history", "extract", "warninglist",
                "search", "summary", "saved", "searchaudit");
        assertThat(bundles).allSatisfy(b -> assertThat(b.type().isAnnotationPresent(MessageBundle.class)).isTrue());
    }

    @TestFactory
    Stream<DynamicTest> everyKeyInBothLanguages() throws IOException {
        return bundles().stream().map(b -> DynamicTest.dynamicTest(b.name(), () -> complete(b.type(), b.name())));
    }

    @TestFactory
    Stream<DynamicTest> everyKeyIsUsed() throws IOException {
        String templates = concat(files(TEMPLATES, ".html"));
        List<Path> sources = files(SOURCES, ".java");
        String allJava = concat(sources);
        List<Bundle> bundles = bundles();
        return bundles.stream().map(b -> DynamicTest.dynamicTest(b.name(), () -> {
            // a key another bundle has too counts only in Java that names this bundle (or its Texts class)
            String type = b.type().getSimpleName();
            String named = concat(sources.stream()
                    .filter(f -> mentions(f, type) || mentions(f, type.replace("Messages", "Texts"))).toList());
            List<String> unused = keys(b.type()).stream()
                    .filter(key -> !Pattern.compile("\\b" + b.name() + ":" + key + "\\b").matcher(templates).find()
                            && !Pattern.compile("(\\.|::)" + key + "\\b")
                                    .matcher(sharedKey(bundles, b, key) ? named : allJava).find())
                    .sorted().toList();
            assertThat(unused).as("keys of %s used nowhere", b.name()).isEmpty();
        }));
    }

    private static boolean sharedKey(List<Bundle> bundles, Bundle bundle, String key) {
        return bundles.stream().anyMatch(other -> other != bundle && keys(other.type()).contains(key));
    }

    private static boolean mentions(Path file, String name) {
        try {
            return Pattern.compile("\\b" + name + "\\b").matcher(Files.readString(file)).find();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> keys(Class<?> bundle) {
        return Arrays.stream(bundle.getDeclaredMethods()).map(Method::getName).collect(Collectors.toSet());
    }

    @Test
    void watchTextsAreComplete() throws IOException {
        complete(org.alliancesearch.portal.watch.i18n.WatchMessages.class, "watch");
    }

    private static void complete(Class<?> bundle, String name) throws IOException {
        Set<String> methods = keys(bundle);
        Properties en = load(name + "_en.properties");
        Properties ja = load(name + "_ja.properties");
        assertThat(en.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(methods);
        assertThat(ja.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(methods);
        for (String key : methods) {
            assertThat(ja.getProperty(key)).as(key).isNotBlank();
            // the same parameters in both languages
            assertThat(params(ja.getProperty(key))).as(key).isEqualTo(params(en.getProperty(key)));
        }
    }

    private static List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static String concat(List<Path> files) {
        StringBuilder all = new StringBuilder();
        for (Path file : files) {
            try {
                all.append(Files.readString(file)).append('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return all.toString();
    }

    private static Set<String> params(String message) {
        return Pattern.compile("\\{(\\w+)\\}").matcher(message).results().map(m -> m.group(1))
                .collect(Collectors.toSet());
    }
}
