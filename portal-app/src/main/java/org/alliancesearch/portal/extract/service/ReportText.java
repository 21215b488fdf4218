package org.alliancesearch.portal.extract.service;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** The text and title of a fetched report: HTML with jsoup, PDF with PDFBox. CPU-bound: call it on a worker. */
public final class ReportText {
    /** Pages of a PDF read; an advisory is far shorter, a hostile file is not read to the end. */
    static final int MAX_PDF_PAGES = 500;

    /** The text read and the document's title (null if it has none). */
    public record Read(String title, String text) {
    }

    private ReportText() {
    }

    /**
     * Reads the report.
     *
     * @throws FetchRefusedException {@link FetchRefusal#UNREADABLE} when the PDF cannot be read
     */
    public static Read read(FetchedReport report) {
        if (ReportFetcher.isPdf(report.contentType())) {
            return pdf(report);
        }
        if (ReportFetcher.isHtml(report.contentType())) {
            return html(report);
        }
        return new Read(null, new String(report.body(), charset(report.charset())));
    }

    static Read html(FetchedReport report) {
        try {
            // charset from the header, else the page's <meta charset>, else UTF-8 (jsoup)
            Document doc = Jsoup.parse(new ByteArrayInputStream(report.body()), report.charset(), report.finalUrl());
            // scripts, styles and templates carry no reader's text; jsoup's text() already leaves out their code
            doc.select("script, style, noscript, template").remove();
            String title = doc.title().isBlank() ? null : doc.title().strip();
            // text(), not wholeText(): adjacent cells and blocks are kept apart by a space ("1.2.3.4</td><td>evil.com")
            return new Read(title, doc.body() == null ? doc.text() : doc.body().text());
        } catch (IOException | IllegalArgumentException e) {
            return new Read(null, new String(report.body(), charset(report.charset())));
        }
    }

    static Read pdf(FetchedReport report) {
        try (PDDocument doc = Loader.loadPDF(report.body())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setEndPage(MAX_PDF_PAGES);
            String title = doc.getDocumentInformation() == null ? null : doc.getDocumentInformation().getTitle();
            return new Read(title == null || title.isBlank() ? null : title.strip(), stripper.getText(doc));
        } catch (IOException | RuntimeException e) {
            throw new FetchRefusedException(FetchRefusal.UNREADABLE, report.host(), "pdf", 0);
        }
    }

    private static Charset charset(String name) {
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }
}
