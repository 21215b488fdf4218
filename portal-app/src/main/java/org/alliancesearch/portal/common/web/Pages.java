package org.alliancesearch.portal.common.web;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.core.Response;

import org.alliancesearch.portal.common.i18n.AppMessages;
import org.alliancesearch.portal.common.i18n.DisplayTimes;
import org.alliancesearch.portal.common.i18n.Formats;
import org.alliancesearch.portal.common.i18n.Languages;
import org.alliancesearch.portal.common.problem.CodedProblem;
import org.alliancesearch.portal.common.problem.ProblemException;
import org.alliancesearch.portal.common.problem.Reason;
import org.alliancesearch.portal.common.security.CurrentUser;

import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/** Helpers for Qute pages: the layout context, the language, rendering and redirects after POST. */
@RequestScoped
public class Pages {
    /** The query parameter naming the action just done. */
    public static final String FLASH = "flash";
    /** The count the done action's text shows, if any. */
    public static final String FLASH_COUNT = "n";
    private final CurrentUser user;
    private final Languages languages;
    private final HttpServerRequest request;
    private final Texts texts;
    private final Instance<UnreadAlerts> unread;
    /** The reader's language and zone, each read once per request. */
    private Locale locale;
    private ZoneId zone;

    public Pages(CurrentUser user, Languages languages, HttpServerRequest request, Texts texts,
            Instance<UnreadAlerts> unread) {
        this.user = user;
        this.unread = unread;
        this.languages = languages;
        this.request = request;
        this.texts = texts;
    }

    public Locale locale() {
        if (locale == null) {
            locale = languages.fromAcceptLanguage(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        }
        return locale;
    }

    /** The reader's time zone: the one chosen (cookie), else the page language's default. */
    public ZoneId zone() {
        if (zone == null) {
            zone = zoneChosen().orElseGet(() -> DisplayTimes.defaultFor(locale()));
        }
        return zone;
    }

    /** The zone the reader chose, if any (an unknown one in the cookie counts as none). */
    public java.util.Optional<ZoneId> zoneChosen() {
        Cookie chosen = request.getCookie(DisplayTimes.COOKIE);
        return chosen == null ? java.util.Optional.empty() : DisplayTimes.parseCookie(chosen.getValue());
    }

    /** A moment for this reader's page. */
    public String time(Instant at) {
        return DisplayTimes.of(locale(), zone()).format(at);
    }

    public AppMessages messages() {
        return languages.messages(locale());
    }

    /** A service's problem in this reader's language. */
    public ProblemException worded(CodedProblem problem) {
        return texts.worded(problem, locale());
    }

    /** A reason in this reader's language. */
    public String text(Reason reason) {
        return texts.text(reason, locale());
    }

    /**
     * The layout context, with the done action named by the {@code flash} query parameter (and its count {@code n}),
     * if some feature knows it: only a known code shows, and it shows the bundle's text, never the parameter.
     */
    public PageContext context() {
        String flash = flash(request.getParam(FLASH), request.getParam(FLASH_COUNT));
        return new PageContext(user.name(), user.organisation().orElse(null), user.admin(), flash,
                locale().toLanguageTag(), DisplayTimes.id(zone()));
    }

    /** Renders without blocking the event loop. */
    public Uni<Response> render(TemplateInstance page) {
        return render(page, Response.Status.OK);
    }

    public Uni<Response> render(TemplateInstance page, Response.Status status) {
        return bell(page).flatMap(withBell -> withBell.setLocale(locale()).setAttribute(Formats.ZONE, zone())
                .createUni())
                .map(html -> Response.status(status).type("text/html;charset=UTF-8").entity(html)
                        .header("Cache-Control", "no-store").build());
    }

    /**
     * Members get the bell: the unread count of their inbox, as the template data {@code bell} (text, so that 0 shows);
     * a page still renders, without the count, when it cannot be read.
     */
    private Uni<TemplateInstance> bell(TemplateInstance page) {
        if (user.anonymous() || !user.member() || !unread.isResolvable()) {
            return Uni.createFrom().item(page);
        }
        return unread.get().unread(user.subject()).map(n -> page.data("bell", String.valueOf(n)))
                .onFailure().recoverWithItem(page);
    }

    private String flash(String code, String count) {
        if (code == null || code.isEmpty() || code.length() > 100) {
            return null;
        }
        List<Object> args = List.of();
        if (count != null) {
            try {
                args = List.of(Long.parseLong(count));
            } catch (NumberFormatException e) {
                // no count: the text shows none
            }
        }
        return texts.find(code, args, locale()).orElse(null);
    }

    /**
     * 303 See Other after a successful POST, naming what was done ({@code ?flash=member-created}): the page shown next
     * words it (the base layout's flash), so nothing a user typed is reflected and no server session is needed.
     */
    public static Response seeOther(String path, String done) {
        return Response.seeOther(done(path, done)).build();
    }

    /** The page that reports an action done. */
    public static URI done(String path, String done) {
        return URI.create(path + "?" + FLASH + "=" + done);
    }

    /** The same, with a count the text shows ({@code ?flash=history-all-deleted&n=3}). */
    public static Response seeOther(String path, String done, long count) {
        return Response.seeOther(URI.create(path + "?" + FLASH + "=" + done + "&" + FLASH_COUNT + "=" + count))
                .build();
    }
}
