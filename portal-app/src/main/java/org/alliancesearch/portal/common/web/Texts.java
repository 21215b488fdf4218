package org.alliancesearch.portal.common.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.alliancesearch.portal.common.problem.CodedProblem;
import org.alliancesearch.portal.common.problem.FieldError;
import org.alliancesearch.portal.common.problem.FieldProblem;
import org.alliancesearch.portal.common.problem.ProblemException;
import org.alliancesearch.portal.common.problem.Reason;
import org.jboss.logging.Logger;

import io.quarkus.arc.All;

/**
 * Where codes become text: services name {@link Reason reasons} and pages name done actions; this words them in the
 * reader's language with the table of the feature that owns the code ({@link FeatureTexts}). Used by the exception
 * mappers (problem {@code detail} and field errors) and the pages (form errors, the flash after a POST).
 */
@ApplicationScoped
public class Texts {
    private static final Logger LOG = Logger.getLogger(Texts.class);

    private final List<FeatureTexts> features;

    public Texts(@All List<FeatureTexts> features) {
        this.features = List.copyOf(features);
    }

    /** The text of a code, if some feature knows it. */
    public Optional<String> find(String code, List<Object> args, Locale locale) {
        if (code == null) {
            return Optional.empty();
        }
        for (FeatureTexts feature : features) {
            String text = feature.text(code, args, locale);
            if (text != null) {
                return Optional.of(text);
            }
        }
        return Optional.empty();
    }

    /** The text of a reason; a code no feature words is shown as it is (and logged: a table lacks it). */
    public String text(Reason reason, Locale locale) {
        return find(reason.code(), reason.args(), locale).orElseGet(() -> {
            LOG.warnf("No text for the code %s", reason.code());
            return reason.code();
        });
    }

    /** A service's problem, worded for the API and the pages. */
    public ProblemException worded(CodedProblem problem, Locale locale) {
        return new ProblemException(problem.status(), problem.kind(), text(problem.detail(), locale),
                errors(problem.errors(), locale));
    }

    public List<FieldError> errors(List<FieldProblem> errors, Locale locale) {
        return errors.stream().map(e -> new FieldError(e.field(), e.code(), text(e.reason(), locale), e.extracted()))
                .toList();
    }
}
