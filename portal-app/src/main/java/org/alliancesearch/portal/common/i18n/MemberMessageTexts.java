package org.alliancesearch.portal.common.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.alliancesearch.connector.MemberMessage;

import io.quarkus.qute.TemplateExtension;

/**
 * The connector's reasons for a member's answer, in the reader's language: {@code {row.health.lastMessage.memberText}}
 * in templates, {@link #localise} in Java. The connector writes every reason through {@link MemberMessage}, so a
 * message reads back into its phrase and arguments; each phrase has its text in {@code i18n/member-messages_en} and
 * {@code _ja.properties} ({0}, {1} … are the arguments). What the member itself wrote (an HTTP error text, a host
 * name) is passed on as it is. A message that does not read back is shown as it is.
 */
@TemplateExtension
public final class MemberMessageTexts {
    private static final Map<MemberMessage, String> ENGLISH = load("en");
    private static final Map<MemberMessage, String> JAPANESE = load("ja");

    private MemberMessageTexts() {
    }

    static String memberText(String message, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        return localise(message, locale instanceof Locale l ? l : Locale.ENGLISH);
    }

    /** The message in this language, or as it is when it is not one of the connector's phrases. */
    public static String localise(String message, Locale locale) {
        if (message == null) {
            return null;
        }
        Map<MemberMessage, String> texts = "ja".equals(locale.getLanguage()) ? JAPANESE : ENGLISH;
        return MemberMessage.read(message).map(readings -> {
            StringBuilder out = new StringBuilder();
            for (MemberMessage.Reading reading : readings) {
                if (out.length() > 0) {
                    out.append(texts == JAPANESE ? "。" : MemberMessage.SEPARATOR);
                }
                out.append(fill(texts.get(reading.message()), reading.args()));
            }
            return out.toString();
        }).orElse(message);
    }

    /** The phrases that have no text in a language (for the completeness test). */
    static List<MemberMessage> missing(String language) {
        Map<MemberMessage, String> texts = load(language);
        return java.util.Arrays.stream(MemberMessage.values()).filter(m -> !texts.containsKey(m)).toList();
    }

    private static String fill(String text, List<String> args) {
        String out = text;
        for (int i = 0; i < args.size(); i++) {
            out = out.replace("{" + i + "}", args.get(i));
        }
        return out;
    }

    private static Map<MemberMessage, String> load(String language) {
        String name = "/i18n/member-messages_" + language + ".properties";
        Properties properties = new Properties();
        try (InputStream in = MemberMessageTexts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " missing from the class path");
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<MemberMessage, String> texts = new EnumMap<>(MemberMessage.class);
        for (String key : properties.stringPropertyNames()) {
            texts.put(MemberMessage.valueOf(key), properties.getProperty(key));
        }
        return texts;
    }
}
