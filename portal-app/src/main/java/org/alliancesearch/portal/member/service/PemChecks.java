package org.alliancesearch.portal.member.service;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks that PEM text an admin pasted can be read, so a typo fails on save and not on the first search. */
final class PemChecks {
    private static final Pattern PRIVATE_KEY = Pattern
            .compile("-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");

    private PemChecks() {
    }

    /** One or more X.509 certificates. */
    static boolean certificates(String pem) {
        if (pem == null || !pem.contains("-----BEGIN CERTIFICATE-----")) {
            return false;
        }
        try {
            var certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.trim().getBytes(StandardCharsets.US_ASCII)));
            return !certificates.isEmpty();
        } catch (CertificateException | RuntimeException e) {
            return false;
        }
    }

    /** A PKCS#8 private key (RSA or EC). */
    static boolean privateKey(String pem) {
        if (pem == null) {
            return false;
        }
        Matcher m = PRIVATE_KEY.matcher(pem);
        if (!m.find()) {
            return false;
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(m.group(1).replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            return false;
        }
        for (String algorithm : new String[]{"RSA", "EC", "Ed25519"}) {
            try {
                KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
                return true;
            } catch (Exception e) {
                // try the next algorithm
            }
        }
        return false;
    }
}
