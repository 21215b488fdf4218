package org.alliancesearch.demo;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A cookie-keeping HTTP client that behaves like a browser without JavaScript: it follows redirects itself, signs in
 * through the Keycloak login form and submits the portal's forms with their hidden fields (CSRF token included).
 */
final class BrowserSession {
    /** A page as the browser got it: where it ended after redirects, its status, and which replica served it. */
    record Page(URI uri, int status, String servedBy, Document document, List<URI> hops) {
        String text() {
            return document.text();
        }

        /** True when every request of this page, redirects included, stayed on {@code base}. */
        boolean stayedOn(String base) {
            return hops.stream().allMatch(u -> u.toString().startsWith(base));
        }
    }

    /** Cookies by name and path. Every server of the check is on 127.0.0.1, so the host is not part of the key. */
    private final Map<String, String[]> cookies = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    Page get(URI uri) throws IOException, InterruptedException {
        return follow(HttpRequest.newBuilder(uri).GET());
    }

    /** Fills and submits the first form matching {@code selector}, keeping its other fields as the page set them. */
    Page submit(Page page, String selector, Map<String, String> fields) throws IOException, InterruptedException {
        Element form = page.document().selectFirst(selector);
        if (form == null) {
            throw new IllegalStateException("no form " + selector + " on " + page.uri());
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Element input : form.select("input[name], textarea[name], select[name]")) {
            String type = input.attr("type");
            if (type.equals("submit") || type.equals("button")
                    || ((type.equals("checkbox") || type.equals("radio")) && !input.hasAttr("checked"))) {
                continue;
            }
            String value = switch (input.tagName()) {
                case "textarea" -> input.wholeText();
                case "select" -> {
                    Element selected = input.selectFirst("option[selected]");
                    Element first = input.selectFirst("option");
                    yield selected != null ? selected.val() : first != null ? first.val() : "";
                }
                default -> input.val();
            };
            values.putIfAbsent(input.attr("name"), value);
        }
        values.putAll(fields);
        String body = values.entrySet()
                .stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        URI action = page.uri().resolve(form.attr("action").isEmpty() ? page.uri().toString() : form.attr("action"));
        return follow(HttpRequest.newBuilder(action)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Signs in on a Keycloak login page reached by a redirect from the portal; returns the portal page after it. */
    Page signIn(Page loginPage, String username, String password) throws IOException, InterruptedException {
        if (loginPage.document().selectFirst("form#kc-form-login") == null) {
            throw new IllegalStateException("expected the Keycloak login form at " + loginPage.uri());
        }
        return submit(loginPage, "form#kc-form-login", Map.of("username", username, "password", password));
    }

    private Page follow(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = send(request);
        List<URI> hops = new ArrayList<>(List.of(response.uri()));
        for (int hop = 0; hop < 10 && response.statusCode() / 100 == 3; hop++) {
            URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
            response = send(HttpRequest.newBuilder(next).GET());
            hops.add(response.uri());
        }
        return new Page(response.uri(), response.statusCode(),
                response.headers().firstValue("X-Served-By").orElse(""),
                Jsoup.parse(response.body(), response.uri().toString()), List.copyOf(hops));
    }

    /**
     * Sends with the cookies that apply and keeps the ones set. Done by hand: Keycloak marks its cookies
     * {@code Secure} even on plain HTTP to 127.0.0.1, which browsers accept for loopback and the JDK's cookie
     * manager does not.
     */
    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpRequest built = request.timeout(Duration.ofSeconds(60)).build();
        String path = built.uri().getPath().isEmpty() ? "/" : built.uri().getPath();
        String header = cookies.values()
                .stream()
                .filter(c -> path.startsWith(c[2]))
                .map(c -> c[0] + "=" + c[1])
                .collect(Collectors.joining("; "));
        if (!header.isEmpty()) {
            built = HttpRequest.newBuilder(built, (n, v) -> true).header("Cookie", header).build();
        }
        HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
        for (String setCookie : response.headers().allValues("Set-Cookie")) {
            keep(setCookie);
        }
        return response;
    }

    private void keep(String setCookie) {
        String[] parts = setCookie.split(";");
        int eq = parts[0].indexOf('=');
        if (eq <= 0) {
            return;
        }
        String name = parts[0].substring(0, eq).trim();
        String value = parts[0].substring(eq + 1).trim();
        String path = "/";
        boolean expired = value.isEmpty();
        for (int i = 1; i < parts.length; i++) {
            String attribute = parts[i].trim().toLowerCase(Locale.ROOT);
            if (attribute.startsWith("path=")) {
                path = parts[i].trim().substring(5);
            } else if (attribute.equals("max-age=0") || attribute.startsWith("expires=thu, 01 jan 1970")
                    || attribute.startsWith("expires=thu, 01-jan-1970")) {
                expired = true;
            }
        }
        if (expired) {
            cookies.remove(name + ";" + path);
        } else {
            cookies.put(name + ";" + path, new String[]{name, value, path});
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
